import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reports, which aggregate in the database (apps/api/src/reports/reports.repository.ts):
 * - the complaints of one regency filed in a period, in logbook order (filed at, ticket): the
 *   aggregates' range scan and the logbook's keyset pages;
 * - the hand-overs made in a period (the working-time statistics), partial on the lines that are
 *   hand-overs, with the same predicate as the reports' `HAND_OVER_SQL` so the planner can use it.
 * A complaint's own lines are found by the existing UNIQUE (case_id, seq).
 */
export class ReportIndexes1765700000000 implements MigrationInterface {
  name = 'ReportIndexes1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS cases_reports ON cases (sop_id, kind, created_at, ticket)`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS kartu_hand_overs ON kartu_kendali (handed_over_at) INCLUDE (case_id)
       WHERE event NOT IN ('START', 'CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME') AND from_step IS NOT NULL AND NOT (event = 'EXPIRE' AND to_step = from_step)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS kartu_hand_overs');
    await q.query('DROP INDEX IF EXISTS cases_reports');
  }
}
