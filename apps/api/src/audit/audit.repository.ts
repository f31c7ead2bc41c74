import type { Database } from '../database/database';

/** What an audit line records: who did what, for which regency, to what. Never a complainant's identity. */
export interface AuditEntry {
  actorId: string | null;
  actor: string;
  /** e.g. user.create, user.disable, user.password-reset, user.unlock, sop.publish, holidays.load, identity.reveal */
  action: string;
  /** The regency (SOP id) concerned, or '*' for the platform. */
  regency: string;
  target: string | null;
  details: Record<string, unknown>;
}

export interface AuditLine extends AuditEntry {
  id: string;
  at: Date;
}

interface AuditRow {
  /** bigserial, as the driver reads it (text from pg, a number from PGlite) */
  id: string | number;
  at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  regency: string;
  target: string | null;
  details: Record<string, unknown>;
}

const toLine = (r: AuditRow): AuditLine => ({
  id: String(r.id),
  at: new Date(r.at),
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  regency: r.regency,
  target: r.target,
  details: r.details,
});

/** The append-only audit log (the database refuses updates and deletes). */
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async append(entry: AuditEntry, at: Date): Promise<void> {
    await this.db.query('INSERT INTO audit_log (at, actor_id, actor, action, regency, target, details) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      at,
      entry.actorId,
      entry.actor,
      entry.action,
      entry.regency,
      entry.target,
      JSON.stringify(entry.details),
    ]);
  }

  /**
   * A page of the log, newest first: of one regency (and the platform's own lines when `withPlatform`),
   * or of all when `regency` is null; `before` is the id the previous page ended at.
   */
  async page(filter: {
    regency: string | null;
    from: Date | null;
    to: Date | null;
    action: string | null;
    before: string | null;
    limit: number;
  }): Promise<AuditLine[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT * FROM audit_log
       WHERE ($1::text IS NULL OR regency = $1) AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
         AND ($4::text IS NULL OR action = $4) AND ($5::bigint IS NULL OR id < $5)
       ORDER BY id DESC LIMIT $6`,
      [filter.regency, filter.from, filter.to, filter.action, filter.before, filter.limit],
    );
    return rows.map(toLine);
  }
}
