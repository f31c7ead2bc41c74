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
}

/** What a new version carries. */
export interface NewSopVersion {
  sopId: string;
  contentHash: string;
  yaml: string;
  model: SopDocument;
  machine: StoredCompiledSop;
  changeNote: string | null;
  publishedBy: string | null;
}

/** The append-only table of SOP versions. One statement per read and per write. */
export class SopVersionsRepository {
  constructor(private readonly db: Database) {}

  async latest(sopId: string): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>('SELECT * FROM sop_versions WHERE sop_id = $1 ORDER BY version DESC LIMIT 1', [sopId]);
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

  /** The ids of every SOP's latest version. */
  async latestIds(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>('SELECT DISTINCT ON (sop_id) id FROM sop_versions ORDER BY sop_id, version DESC');
    return rows.map((r) => r.id);
  }

  /** The versions of an SOP, newest first, without their content. */
  async history(sopId: string): Promise<Pick<SopVersionRow, 'id' | 'version' | 'content_hash' | 'published_at' | 'published_by' | 'change_note'>[]> {
    return this.db.query(
      'SELECT id, version, content_hash, published_at, published_by, change_note FROM sop_versions WHERE sop_id = $1 ORDER BY version DESC',
      [sopId],
    );
  }

  /**
   * Inserts the next version of an SOP in one statement; with `basedOnVersion`, only on top of that
   * version. Null when another version took the number or the base is stale (the caller looks why).
   */
  async insertNext(v: NewSopVersion, basedOnVersion: number | null): Promise<SopVersionRow | null> {
    const rows = await this.db.query<SopVersionRow>(
      `INSERT INTO sop_versions (sop_id, version, content_hash, yaml, model, machine, change_note, published_by)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM sop_versions WHERE sop_id = $1
       HAVING $8::int IS NULL OR coalesce(max(version), 0) = $8::int
       ON CONFLICT (sop_id, version) DO NOTHING
       RETURNING *`,
      [v.sopId, v.contentHash, v.yaml, JSON.stringify(v.model), JSON.stringify(v.machine), v.changeNote, v.publishedBy, basedOnVersion],
    );
    return rows[0] ?? null;
  }
}
