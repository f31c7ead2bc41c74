import { createHash, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';
import type { Case, ReplyLine } from '../cases/case';
import { toCase, toReplyLine, type CaseRow, type ReplyRow } from '../cases/case-row';

export interface Open311KeyRow {
  id: string;
  sop_id: string;
  label: string;
  key_prefix: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** A new client key: `o311_` and 32 random bytes (base64url). Only its SHA-256 is kept. */
export function newOpen311Key(): string {
  return `o311_${randomBytes(32).toString('base64url')}`;
}

export function hashOpen311Key(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const KEY_COLUMNS = 'id, sop_id, label, key_prefix, created_by, created_at, revoked_at, revoked_by';

/** What a client's request list reads. */
export interface Open311ListFilter {
  keyId: string;
  from: Date;
  to: Date;
  status?: 'open' | 'done';
  categories?: (string | null)[];
  tickets?: string[];
  limit: number;
  offset: number;
}

/** Open311 client keys, and the requests a client filed (one statement each). */
export class Open311Repository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
  ) {}

  async createKey(sopId: string, label: string, key: string, createdBy: string, now: Date): Promise<Open311KeyRow> {
    const rows = await this.db.query<Open311KeyRow>(
      `INSERT INTO open311_keys (sop_id, label, key_hash, key_prefix, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${KEY_COLUMNS}`,
      [sopId, label, hashOpen311Key(key), key.slice(0, 9), createdBy, now],
    );
    return rows[0];
  }

  async keys(sopId: string | null): Promise<Open311KeyRow[]> {
    return this.db.query<Open311KeyRow>(
      `SELECT ${KEY_COLUMNS} FROM open311_keys WHERE ($1::text IS NULL OR sop_id = $1) ORDER BY created_at DESC, id LIMIT 500`,
      [sopId],
    );
  }

  async keyById(id: string): Promise<Open311KeyRow | null> {
    const rows = await this.db.query<Open311KeyRow>(`SELECT ${KEY_COLUMNS} FROM open311_keys WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The key's row when it is live (not revoked), by the key itself. */
  async liveKey(key: string): Promise<Open311KeyRow | null> {
    const rows = await this.db.query<Open311KeyRow>(`SELECT ${KEY_COLUMNS} FROM open311_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [
      hashOpen311Key(key),
    ]);
    return rows[0] ?? null;
  }

  /** Revokes a live key; null when it was revoked already. */
  async revoke(id: string, by: string, now: Date): Promise<Open311KeyRow | null> {
    const rows = await this.db.query<Open311KeyRow>(
      // a WITH around the UPDATE: the driver answers a plain UPDATE with [rows, count]
      `WITH u AS (UPDATE open311_keys SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}) SELECT * FROM u`,
      [id, now, by],
    );
    return rows[0] ?? null;
  }

  /** The requests a client filed with its key, newest first, one page (uses cases_open311_client). */
  async requests(f: Open311ListFilter): Promise<Case[]> {
    const params: unknown[] = [f.keyId, f.from, f.to];
    const where = ['open311_key_id = $1', 'created_at >= $2', 'created_at < $3'];
    if (f.status) {
      params.push(f.status);
      where.push(`status = $${params.length}`);
    }
    if (f.tickets) {
      params.push(f.tickets);
      where.push(`ticket = ANY($${params.length}::text[])`);
    }
    if (f.categories) {
      const named = f.categories.filter((c): c is string => c !== null);
      params.push(named);
      where.push(`(category = ANY($${params.length}::text[])${f.categories.includes(null) ? ' OR category IS NULL' : ''})`);
    }
    params.push(f.limit, f.offset);
    const rows = await this.db.query<CaseRow>(
      `SELECT * FROM cases WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => toCase({ ...r, form_data: this.cipher.openFields(r.form_data) }));
  }

  /** The latest kartu kendali line with a reply of each case (what the status notes quote). */
  async latestReplies(caseIds: string[]): Promise<Map<string, ReplyLine>> {
    if (!caseIds.length) return new Map();
    const rows = await this.db.query<ReplyRow & { case_id: string }>(
      `SELECT DISTINCT ON (case_id) case_id, seq, event, outcome, from_step, from_lane, to_step, to_lane, received_at, handed_over_at, reply
       FROM kartu_kendali WHERE case_id = ANY($1::uuid[]) AND reply IS NOT NULL ORDER BY case_id, seq DESC`,
      [caseIds],
    );
    return new Map(rows.map((r) => [r.case_id, toReplyLine(r)]));
  }
}
