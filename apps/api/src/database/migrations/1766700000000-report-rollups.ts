import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hand-over predicate of the reports (`HAND_OVER_SQL` in apps/api/src/reports/reports.repository.ts), on lines aliased `k`. */
export const HAND_OVER = `k.event NOT IN ('START', 'CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME') AND k.from_step IS NOT NULL AND NOT (k.event = 'EXPIRE' AND k.to_step = k.from_step)`;
/** A decision chosen by an officer (the report's "what was decided"). */
const CHOSEN = `k.event = 'CHOOSE' AND k.outcome IS NOT NULL AND k.from_step IS NOT NULL`;
/** Working minutes a report sums per step (a hand-over that took any time). */
const TIMED = `${HAND_OVER} AND k.spent_working_minutes <> 0`;

/**
 * The groups of kartu kendali lines `src` (aliased `k`) of complaints, by the local day the complaint
 * was filed (in its SOP version's time zone), its category, version, and the line's step, outcome
 * and document: what a report's decisions, minutes per step and documents are summed from.
 * Sorted by the key, so that concurrent writers take the rows' locks in one order (no deadlock).
 */
const GROUPS_OF = (src: string) => `
  SELECT c.sop_id, v.time_zone, (c.created_at AT TIME ZONE v.time_zone)::date AS day, c.category, c.sop_version_id,
         k.from_step, k.outcome, k.document,
         (count(*) FILTER (WHERE ${CHOSEN}))::int AS chosen,
         sum(k.spent_working_minutes) FILTER (WHERE ${TIMED}) AS minutes,
         count(k.document)::int AS documents, min(c.created_at) AS first_at
  FROM ${src} k JOIN cases c ON c.id = k.case_id JOIN sop_versions v ON v.id = c.sop_version_id
  WHERE c.kind = 'complaint' AND ((${CHOSEN}) OR (${TIMED}) OR k.document IS NOT NULL)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;

/** The hand-overs with an officer's note among the lines `src`, with what orders them and finds them. */
const NOTES_OF = (src: string) => `
  SELECT c.sop_id, v.time_zone, (c.created_at AT TIME ZONE v.time_zone)::date AS day, c.category,
         k.handed_over_at, c.created_at AS filed_at, c.ticket, k.case_id, k.seq
  FROM ${src} k JOIN cases c ON c.id = k.case_id JOIN sop_versions v ON v.id = c.sop_version_id
  WHERE c.kind = 'complaint' AND ${HAND_OVER} AND k.note IS NOT NULL AND k.note <> ''`;

/** A line that escalated (`ESCALATION_SQL` of the reports): an officer's ESCALATE, or a passed deadline that moved the case on. */
const ESCALATION = `(k.event = 'ESCALATE' OR (k.event = 'EXPIRE' AND k.to_step <> k.from_step))`;

/**
 * Per complaint among the lines `src`: the working minutes of its hand-overs and its escalations,
 * sorted by case (lock order). Only lines that add to them: a complaint without any has no row (0).
 * `escalation` is the predicate of a line that escalated (this migration's {@link ESCALATION}; a later
 * migration reads the runtime's own mark: 1767100000000-kartu-escalation.ts), `officeTime` that of a
 * line whose minutes count (every hand-over here; the office's own since 1767200000000-kartu-citizen-step.ts).
 */
const TOTALS_OF = (src: string, escalation = ESCALATION, officeTime = HAND_OVER) => `
  SELECT k.case_id, c.sop_id, c.created_at AS filed_at,
         sum(k.spent_working_minutes) FILTER (WHERE ${officeTime}) AS minutes, (count(*) FILTER (WHERE ${escalation}))::int AS escalations
  FROM ${src} k JOIN cases c ON c.id = k.case_id
  WHERE c.kind = 'complaint' AND ((${officeTime} AND k.spent_working_minutes IS NOT NULL) OR ${escalation})
  GROUP BY k.case_id, c.sop_id, c.created_at
  ORDER BY k.case_id`;

/**
 * The hand-overs among the lines `src` (periodic runs left out, as the reports leave them) counted
 * by local day and by local month handed over, step, lane and working minutes (to 0.1, as the
 * runtime writes them): a histogram from which the exact percentiles are read. Sorted by the key.
 */
const MINUTES_OF = (src: string) => `
  SELECT c.sop_id, v.time_zone, g.grain,
         CASE g.grain WHEN 'day' THEN (k.handed_over_at AT TIME ZONE v.time_zone)::date
                      ELSE date_trunc('month', k.handed_over_at AT TIME ZONE v.time_zone)::date END AS bucket,
         k.from_step, k.from_lane, k.spent_working_minutes AS minutes,
         count(*)::int AS hand_overs, (count(*) FILTER (WHERE k.over_limit))::int AS over_limit, count(k.over_limit)::int AS with_limit
  FROM ${src} k JOIN cases c ON c.id = k.case_id JOIN sop_versions v ON v.id = c.sop_version_id CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
  WHERE c.kind <> 'periodic' AND ${HAND_OVER}
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7`;

const MINUTES_COLUMNS = 'sop_id, time_zone, grain, bucket, from_step, from_lane, minutes, hand_overs, over_limit, with_limit';

const GROUP_COLUMNS = 'sop_id, time_zone, day, category, sop_version_id, from_step, outcome, document, chosen, minutes, documents, first_at';
const NOTE_COLUMNS = 'sop_id, time_zone, day, category, handed_over_at, filed_at, ticket, case_id, seq';
const TOTAL_COLUMNS = 'case_id, sop_id, filed_at, minutes, escalations';

/**
 * The trigger function that keeps the rollups (without its leading CREATE / CREATE OR REPLACE), with
 * `escalation` the predicate of a line that escalated and `officeTime` that of a line whose working
 * minutes a complaint's time to close adds up.
 */
export const REPORT_ROLLUPS_FUNCTION = (
  escalation = ESCALATION,
  officeTime = HAND_OVER,
): string => `FUNCTION report_rollups_of_kartu() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO report_kartu_groups AS g (${GROUP_COLUMNS}) ${GROUPS_OF('new_lines')}
         ON CONFLICT ON CONSTRAINT report_kartu_groups_key DO UPDATE SET
           chosen = g.chosen + excluded.chosen,
           minutes = CASE WHEN excluded.minutes IS NULL THEN g.minutes ELSE coalesce(g.minutes, 0) + excluded.minutes END,
           documents = g.documents + excluded.documents,
           first_at = least(g.first_at, excluded.first_at);
         INSERT INTO report_notes (${NOTE_COLUMNS}) ${NOTES_OF('new_lines')};
         INSERT INTO report_hand_over_minutes AS h (${MINUTES_COLUMNS}) ${MINUTES_OF('new_lines')}
         ON CONFLICT ON CONSTRAINT report_hand_over_minutes_key DO UPDATE SET
           hand_overs = h.hand_overs + excluded.hand_overs, over_limit = h.over_limit + excluded.over_limit, with_limit = h.with_limit + excluded.with_limit;
         INSERT INTO report_case_totals AS t (${TOTAL_COLUMNS}) ${TOTALS_OF('new_lines', escalation, officeTime)}
         ON CONFLICT (case_id) DO UPDATE SET
           minutes = CASE WHEN excluded.minutes IS NULL THEN t.minutes ELSE coalesce(t.minutes, 0) + excluded.minutes END,
           escalations = t.escalations + excluded.escalations;
         RETURN NULL;
       END $$`;

/**
 * Report rollups (docs/adr/0027-report-rollups.md), kept by the database in the statement that
 * writes kartu kendali lines (a statement-level trigger over the lines it inserted), so in the same
 * transaction as every event, whichever statement of the runtime, the sweep or an import wrote them:
 * - `report_kartu_groups`: per regency, local day filed, category, version, step, outcome and
 *   document, the decisions chosen, working minutes and documents of its complaints' lines;
 * - `report_notes`: the officers' notes on hand-overs, keyed so that the latest five of a category
 *   and day are read from an index;
 * - `report_case_totals`: per complaint, the working minutes of its hand-overs and its escalations
 *   (the national view's time to close: exact percentiles need one value per complaint, read here
 *   by a range of (regency, filed at) instead of each complaint's lines);
 * - `report_hand_over_minutes`: the hand-overs per local day and month, step, lane and working
 *   minutes, from which a period's exact percentiles per step and lane are read.
 * `sop_versions.time_zone` is the office's time zone of each version, taken from its model once.
 */
export class ReportRollups1766700000000 implements MigrationInterface {
  name = 'ReportRollups1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sop_versions ADD COLUMN time_zone text GENERATED ALWAYS AS (model->'calendar'->>'timeZone') STORED`);
    await q.query(
      `CREATE TABLE report_kartu_groups (
         sop_id text NOT NULL, time_zone text NOT NULL, day date NOT NULL, category text, sop_version_id uuid NOT NULL,
         from_step text, outcome text, document text,
         chosen integer NOT NULL, minutes double precision, documents integer NOT NULL, first_at timestamptz NOT NULL,
         CONSTRAINT report_kartu_groups_key UNIQUE NULLS NOT DISTINCT (sop_id, time_zone, day, category, sop_version_id, from_step, outcome, document))`,
    );
    await q.query(
      `CREATE TABLE report_notes (
         case_id uuid NOT NULL, seq integer NOT NULL, sop_id text NOT NULL, time_zone text NOT NULL, day date NOT NULL, category text,
         handed_over_at timestamptz NOT NULL, filed_at timestamptz NOT NULL, ticket text NOT NULL,
         PRIMARY KEY (case_id, seq))`,
    );
    await q.query(
      `CREATE TABLE report_case_totals (
         case_id uuid PRIMARY KEY, sop_id text NOT NULL, filed_at timestamptz NOT NULL, minutes double precision, escalations integer NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE report_hand_over_minutes (
         sop_id text NOT NULL, time_zone text NOT NULL, grain text NOT NULL CHECK (grain IN ('day', 'month')), bucket date NOT NULL,
         from_step text, from_lane text, minutes double precision,
         hand_overs integer NOT NULL, over_limit integer NOT NULL, with_limit integer NOT NULL,
         CONSTRAINT report_hand_over_minutes_key UNIQUE NULLS NOT DISTINCT (sop_id, time_zone, grain, bucket, from_step, from_lane, minutes))`,
    );
    await q.query(`CREATE INDEX report_case_totals_filed ON report_case_totals (sop_id, filed_at) INCLUDE (case_id, minutes, escalations)`);
    await q.query(`CREATE INDEX report_notes_latest ON report_notes (sop_id, time_zone, category, day, handed_over_at DESC, filed_at, ticket, seq)`);
    await q.query(`CREATE ${REPORT_ROLLUPS_FUNCTION()}`);
    await q.query(
      `CREATE TRIGGER kartu_kendali_report_rollups AFTER INSERT ON kartu_kendali REFERENCING NEW TABLE AS new_lines
       FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_of_kartu()`,
    );
    // the lines written before
    await q.query(`INSERT INTO report_kartu_groups (${GROUP_COLUMNS}) ${GROUPS_OF('kartu_kendali')}`);
    await q.query(`INSERT INTO report_notes (${NOTE_COLUMNS}) ${NOTES_OF('kartu_kendali')}`);
    await q.query(`INSERT INTO report_case_totals (${TOTAL_COLUMNS}) ${TOTALS_OF('kartu_kendali')}`);
    await q.query(`INSERT INTO report_hand_over_minutes (${MINUTES_COLUMNS}) ${MINUTES_OF('kartu_kendali')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS kartu_kendali_report_rollups ON kartu_kendali');
    await q.query('DROP FUNCTION IF EXISTS report_rollups_of_kartu()');
    await q.query('DROP TABLE IF EXISTS report_hand_over_minutes');
    await q.query('DROP TABLE IF EXISTS report_case_totals');
    await q.query('DROP TABLE IF EXISTS report_notes');
    await q.query('DROP TABLE IF EXISTS report_kartu_groups');
    await q.query('ALTER TABLE sop_versions DROP COLUMN IF EXISTS time_zone');
  }
}
