import type { CaseState, KartuEntry } from '@sop/case-engine';
import { DatabaseError } from 'pg';
import type { Case } from '../cases/case';
import { toCase, type CaseRow } from '../cases/case-row';
import { entryValues, KARTU_COLUMNS, KARTU_LINE_COLUMNS, STATE_COLUMNS, stateValues, type Officer } from '../cases/cases.repository';
import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';

/** One case of an import: its ticket, form data (confidential fields already sealed), category and unit, and the report's fields. */
export interface LaporImportRow {
  ticket: string;
  form_data: Record<string, unknown>;
  category: string | null;
  unit: string | null;
  tracking_id: string;
  title: string;
  lapor_category: string | null;
  disposition: string | null;
  status_in: string | null;
}

/** An imported case with its LAPOR! report's fields: what a status update is made of. */
export type LaporCase = Case & { trackingId: string; laporTitle: string; laporCategory: string | null; disposition: string | null };

type LaporExportRow = CaseRow & { tracking_id: string; lapor_title: string; lapor_category: string | null; disposition: string | null };

/**
 * The insert of a whole batch in one statement (ADR 0004: every write one statement): the cases from
 * a JSON list, each with its START line of the kartu kendali and its LAPOR! record. A report whose
 * tracking id the regency already holds is left out; a tracking id imported at the same moment by
 * another request, or a ticket drawn twice, fails the statement, which writes nothing and is retried.
 */
const IMPORT_SQL = (() => {
  const state = 8;
  const kartu = state + STATE_COLUMNS.length;
  const stateCells = STATE_COLUMNS.map((c, i) => (c === 'unit' ? `COALESCE(x.unit, $${state + i}::text)` : `$${state + i}`)).join(', ');
  return `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(ticket text, form_data jsonb, category text, unit text, tracking_id text, title text,
                                                           lapor_category text, disposition text, status_in text)
         WHERE NOT EXISTS (SELECT 1 FROM lapor_reports l WHERE l.sop_id = $2 AND l.tracking_id = r.tracking_id)),
       c AS (
         INSERT INTO cases (ticket, sop_id, sop_version_id, kind, periodic_id, period, channel, category, form_data, created_by, created_at,
                            access_code_hash, updated_at, version, ${STATE_COLUMNS.join(', ')})
         SELECT x.ticket, $2, $3::uuid, 'complaint', NULL, NULL, $4, x.category, x.form_data, $5, $6::timestamptz, NULL, $6::timestamptz, 1, ${stateCells}
         FROM x
         RETURNING id, ticket),
       k AS (
         INSERT INTO kartu_kendali (${KARTU_COLUMNS}, sop_id)
         SELECT c.id, 1, ${KARTU_LINE_COLUMNS.map((_, i) => `$${kartu + i}`).join(', ')}, $2 FROM c),
       l AS (
         INSERT INTO lapor_reports (sop_id, tracking_id, case_id, title, category, disposition, status_in, imported_at, imported_by)
         SELECT $2, x.tracking_id, c.id, x.title, x.lapor_category, x.disposition, x.status_in, $6::timestamptz, $7 FROM c JOIN x ON x.ticket = c.ticket)
       SELECT c.id, c.ticket, x.tracking_id FROM c JOIN x ON x.ticket = c.ticket`;
})();

/** Cases imported from SP4N-LAPOR! and their status updates. */
export class LaporRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
  ) {}

  /** Which of these tracking ids the regency already holds, with the case's ticket. */
  async existing(sopId: string, trackingIds: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ tracking_id: string; ticket: string }>(
      `SELECT l.tracking_id, c.ticket FROM lapor_reports l JOIN cases c ON c.id = l.case_id WHERE l.sop_id = $1 AND l.tracking_id = ANY($2::text[])`,
      [sopId, trackingIds],
    );
    return new Map(rows.map((r) => [r.tracking_id, r.ticket]));
  }

  /**
   * Inserts the batch in one statement; null when the statement met a tracking id or ticket taken
   * meanwhile (nothing was written: call again, with new tickets).
   */
  async importBatch(
    batch: {
      sopId: string;
      sopVersionId: string;
      channel: string;
      createdBy: string;
      importedBy: string;
      now: Date;
      state: CaseState;
      entry: KartuEntry;
      officer: Officer;
      note: string;
    },
    rows: LaporImportRow[],
  ): Promise<{ id: string; ticket: string; tracking_id: string }[] | null> {
    try {
      return await this.db.query(IMPORT_SQL, [
        JSON.stringify(rows),
        batch.sopId,
        batch.sopVersionId,
        batch.channel,
        batch.createdBy,
        batch.now,
        batch.importedBy,
        ...stateValues(batch.state),
        ...entryValues(batch.entry, batch.officer, { note: batch.note, reply: null }),
      ]);
    } catch (e) {
      const driver = e instanceof DatabaseError ? e : (e as { driverError?: unknown }).driverError;
      if (driver instanceof DatabaseError && driver.code === '23505') return null;
      throw e;
    }
  }

  /**
   * Status updates of the regency's imported cases changed after `since`, oldest change first, one
   * page after the cursor (updated_at, case id).
   */
  async updates(sopId: string, since: Date, after: { at: Date; id: string } | null, limit: number): Promise<LaporCase[]> {
    const rows = await this.db.query<LaporExportRow>(
      `SELECT c.*, l.tracking_id, l.title AS lapor_title, l.category AS lapor_category, l.disposition
       FROM lapor_reports l JOIN cases c ON c.id = l.case_id
       WHERE l.sop_id = $1 AND c.updated_at > $2 AND ($3::timestamptz IS NULL OR (c.updated_at, c.id) > ($3::timestamptz, $4::uuid))
       ORDER BY c.updated_at, c.id LIMIT $5`,
      [sopId, since, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      ...toCase({ ...r, form_data: this.cipher.openFields(r.form_data) }),
      trackingId: r.tracking_id,
      laporTitle: r.lapor_title,
      laporCategory: r.lapor_category,
      disposition: r.disposition,
    }));
  }
}
