import { randomBytes } from 'node:crypto';
import type { Database } from '../database/database';

/** An attachment as stored (the bytes are in the storage under `storage_key`). */
export interface AttachmentRow {
  id: string;
  token: string;
  sop_id: string;
  case_id: string | null;
  kartu_seq: number | null;
  field_id: string | null;
  original_name: string;
  mime_type: string;
  size: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  /** The complaint whose complainant uploaded it at their step (with the access code), until claimed and after. */
  for_case: string | null;
  created_at: Date;
  claimed_at: Date | null;
}

export interface NewAttachment {
  sopId: string;
  fieldId: string | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  /** A complainant's file for their own step: the complaint (its access code was given). */
  forCase?: string | null;
  now: Date;
}

/** A new token: `att_` and 24 random bytes in base64url (the shape `ATTACHMENT_TOKEN_PATTERN` checks). */
export function newAttachmentToken(): string {
  return `att_${randomBytes(24).toString('base64url')}`;
}

/**
 * The CTE that claims a complaint's form files in the statement that inserts the case (the lead
 * wires it into CasesRepository.insert: see docs/adr/0013-attachments.md). `$tokens` is a text[] of
 * the file fields' tokens, `$now` the filing time; `c` is the CTE of the inserted case. Only files
 * staged for this SOP, still unclaimed and younger than the claim window are taken.
 */
export const CLAIM_FORM_FILES_CTE = (tokens: string, now: string) =>
  `a AS (UPDATE attachments SET case_id = c.id, claimed_at = ${now}::timestamptz FROM c
         WHERE attachments.token = ANY(${tokens}::text[]) AND attachments.case_id IS NULL AND attachments.field_id IS NOT NULL
           AND attachments.sop_id = c.sop_id AND attachments.created_at > ${now}::timestamptz - interval '24 hours'
         RETURNING attachments.id)`;

/** Attachments: staged uploads, claims, lists and the clean-up of unclaimed ones. One statement per write. */
export class AttachmentsRepository {
  constructor(private readonly db: Database) {}

  async insertStaged(a: NewAttachment): Promise<AttachmentRow> {
    const rows = await this.db.query<AttachmentRow>(
      `INSERT INTO attachments (token, sop_id, field_id, original_name, mime_type, size, sha256, storage_key, uploaded_by, for_case, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [newAttachmentToken(), a.sopId, a.fieldId, a.name, a.type, a.size, a.sha256, a.storageKey, a.uploadedBy, a.forCase ?? null, a.now],
    );
    return rows[0];
  }

  /** The rows of these tokens (any state), for the checks before a claim. */
  byTokens(tokens: string[]): Promise<AttachmentRow[]> {
    if (!tokens.length) return Promise.resolve([]);
    return this.db.query<AttachmentRow>('SELECT * FROM attachments WHERE token = ANY($1::text[])', [tokens]);
  }

  /** A case's attachments: the form's files first, then the events' in the order of the kartu kendali. */
  forCase(caseId: string): Promise<AttachmentRow[]> {
    return this.db.query<AttachmentRow>('SELECT * FROM attachments WHERE case_id = $1 ORDER BY kartu_seq NULLS FIRST, created_at, id', [caseId]);
  }

  async one(caseId: string, id: string): Promise<AttachmentRow | null> {
    const rows = await this.db.query<AttachmentRow>('SELECT * FROM attachments WHERE case_id = $1 AND id = $2', [caseId, id]);
    return rows[0] ?? null;
  }

  /**
   * Claims staged files for a case as a statement of its own (the same conditions as
   * {@link CLAIM_FORM_FILES_CTE}). For tools and tests; the runtime claims inside the case's own
   * write. `kartuSeq` for the files of an event, `uploadedBy` to take only that officer's uploads.
   */
  async claim(
    caseId: string,
    sopId: string,
    tokens: string[],
    now: Date,
    options: { kartuSeq?: number; uploadedBy?: string; windowHours: number },
  ): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `WITH a AS (UPDATE attachments SET case_id = $1, claimed_at = $4, kartu_seq = $5
         WHERE token = ANY($3::text[]) AND case_id IS NULL AND sop_id = $2 AND created_at > $4::timestamptz - make_interval(hours => $7::int)
           AND ($6::uuid IS NULL OR uploaded_by = $6::uuid) AND (($5::int IS NULL) = (field_id IS NOT NULL))
         RETURNING id) SELECT id FROM a`,
      [caseId, sopId, tokens, now, options.kartuSeq ?? null, options.uploadedBy ?? null, options.windowHours],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Removes up to `limit` staged files created before `before` that no case claimed, and answers
   * their storage keys (the bytes are removed after the rows: a claim racing the clean-up either
   * takes the row first or finds it gone).
   */
  async deleteUnclaimed(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ storage_key: string }>(
      `WITH d AS (DELETE FROM attachments WHERE id IN (SELECT id FROM attachments WHERE case_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2)
         AND case_id IS NULL RETURNING storage_key) SELECT storage_key FROM d`,
      [before, limit],
    );
    return rows.map((r) => r.storage_key);
  }
}
