import type { StoredCompiledSop } from '@sop/compiler';
import type { SopDocument } from '@sop/model';
import type { Database } from '../database/database';

/** A published SOP version as stored: its YAML, parsed model and compiled machine. */
export interface SopVersionRow {
  id: string;
  sop_id: string;
  version: number;
  content_hash: string;
  yaml: string;
  model: SopDocument;
  machine: StoredCompiledSop;
  published_at: Date;
  published_by: string | null;
  change_note: string | null;
  /** 'proposed' until the signer decides; 'approved' versions take effect at `effective_from` (ADR 0025). */
  status: SopVersionStatus;
  effective_from: Date | null;
  /** The local date the signer chose (null: in effect when published). */
  effective_date: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

export type SopVersionStatus = 'proposed' | 'approved' | 'rejected';

/** A version's history line: everything but its content. */
export type SopVersionHistoryRow = Omit<SopVersionRow, 'yaml' | 'model' | 'machine'>;

/** What a new version carries. */
export interface NewSopVersion {
  sopId: string;
  contentHash: string;
  yaml: string;
  model: SopDocument;
  machine: StoredCompiledSop;
  changeNote: string | null;
  publishedBy: string | null;
  /** In effect from this instant (version 1, a file in sops/), or null: a proposal for the signer. */
  effectiveFrom: Date | null;
}

/** What a signer decided about a proposal. */
export type SopVersionDecision =
  { status: 'approved'; by: string; at: Date; effectiveFrom: Date; effectiveDate: string } | { status: 'rejected'; by: string; at: Date; reason: string };

const HISTORY_COLUMNS =
  'id, sop_id, version, content_hash, published_at, published_by, change_note, status, effective_from, effective_date, decided_by, decided_at, decision_reason';

/** The append-only table of SOP versions. One statement per read and per write. */
export class SopVersionsRepository {
  constructor(private readonly db: Database) {}

  /** The newest version of any status (a proposal, a rejected one). */
  async latest(sopId: string): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>('SELECT * FROM sop_versions WHERE sop_id = $1 ORDER BY version DESC LIMIT 1', [sopId]);
    return rows[0] ?? null;
  }

  /** The version in effect at `now`: the highest approved version whose effective instant has come. */
  async effective(sopId: string, now: Date): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>(
      "SELECT * FROM sop_versions WHERE sop_id = $1 AND status = 'approved' AND effective_from <= $2 ORDER BY version DESC LIMIT 1",
      [sopId, now],
    );
    return rows[0] ?? null;
  }

  /** The newest version that is not rejected: what an author edits next (a proposal, or the version in effect). */
  async head(sopId: string): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>("SELECT * FROM sop_versions WHERE sop_id = $1 AND status <> 'rejected' ORDER BY version DESC LIMIT 1", [
      sopId,
    ]);
    return rows[0] ?? null;
  }

  async byId(versionId: string): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>('SELECT * FROM sop_versions WHERE id = $1', [versionId]);
    return rows[0] ?? null;
  }

  async byNumber(sopId: string, version: number): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>('SELECT * FROM sop_versions WHERE sop_id = $1 AND version = $2', [sopId, version]);
    return rows[0] ?? null;
  }

  /** The latest version of `sopId` with this content, if any was ever published. */
  async latestWithContent(sopId: string, contentHash: string): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>('SELECT * FROM sop_versions WHERE sop_id = $1 AND content_hash = $2 ORDER BY version DESC LIMIT 1', [
      sopId,
      contentHash,
    ]);
    return rows[0] ?? null;
  }

  /** The ids of every SOP's version in effect at `now`. */
  async effectiveIds(now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      "SELECT DISTINCT ON (sop_id) id FROM sop_versions WHERE status = 'approved' AND effective_from <= $1 ORDER BY sop_id, version DESC",
      [now],
    );
    return rows.map((r) => r.id);
  }

  /** The versions of an SOP, newest first, without their content. */
  async history(sopId: string): Promise<SopVersionHistoryRow[]> {
    return this.db.query(`SELECT ${HISTORY_COLUMNS} FROM sop_versions WHERE sop_id = $1 ORDER BY version DESC`, [sopId]);
  }

  /**
   * Records the signer's decision on a proposal in one statement: only while it is still proposed, and
   * an approval only while no later version is approved (it would never take effect). Null when the
   * proposal was decided already (two signers at once: one wins) or is superseded; the caller looks why.
   */
  async decide(sopId: string, version: number, d: SopVersionDecision): Promise<SopVersionHistoryRow | null> {
    const approved = d.status === 'approved';
    const rows = await this.db.query<SopVersionHistoryRow>(
      // a SELECT around the UPDATE: the driver answers an UPDATE with [rows, count], a SELECT with the rows
      `WITH decided AS (
         UPDATE sop_versions v SET status = $3, decided_by = $4, decided_at = $5, effective_from = $6, effective_date = $7, decision_reason = $8
         WHERE v.sop_id = $1 AND v.version = $2 AND v.status = 'proposed'
           AND ($3 <> 'approved' OR NOT EXISTS (SELECT 1 FROM sop_versions l WHERE l.sop_id = $1 AND l.version > $2 AND l.status = 'approved'))
         RETURNING ${HISTORY_COLUMNS.split(', ')
           .map((c) => `v.${c}`)
           .join(', ')}
       )
       SELECT * FROM decided`,
      [sopId, version, d.status, d.by, d.at, approved ? d.effectiveFrom : null, approved ? d.effectiveDate : null, approved ? null : d.reason],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts the next version of an SOP in one statement; with `basedOnVersion`, only on top of that
   * version (the head: the newest version not rejected). Null when another version took the number or
   * the base is stale (the caller looks why).
   */
  async insertNext(v: NewSopVersion, basedOnVersion: number | null): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>(
      `INSERT INTO sop_versions (sop_id, version, content_hash, yaml, model, machine, change_note, published_by, status, effective_from)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, CASE WHEN $9::timestamptz IS NULL THEN 'proposed' ELSE 'approved' END, $9::timestamptz
       FROM sop_versions WHERE sop_id = $1
       HAVING $8::int IS NULL OR coalesce(max(version) FILTER (WHERE status <> 'rejected'), 0) = $8::int
       ON CONFLICT (sop_id, version) DO NOTHING
       RETURNING *`,
      [v.sopId, v.contentHash, v.yaml, JSON.stringify(v.model), JSON.stringify(v.machine), v.changeNote, v.publishedBy, basedOnVersion, v.effectiveFrom],
    );
    return rows[0] ?? null;
  }
}
