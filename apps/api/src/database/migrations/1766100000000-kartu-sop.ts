import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hand-over predicate of the reports (`handOverSql` in apps/api/src/reports/hand-over.ts; frozen here, a test keeps them equal). */
export const HAND_OVERS = `event NOT IN ('START', 'CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME') AND from_step IS NOT NULL AND NOT (event = 'EXPIRE' AND to_step = from_step)`;

/**
 * The regency of each kartu kendali line (docs/adr/0021-reports-by-regency-and-metrics.md): the
 * working-time statistics of one regency's period read that regency's hand-overs through an index
 * on (sop_id, handed_over_at) instead of every regency's lines of the period joined to their cases.
 * Written by the runtime's own statements (the case's sop_id, in the same statement as the line);
 * filled here for the lines written before, with the append-only guard lifted for this one update.
 * The index replaces `kartu_hand_overs` (handed_over_at only), whose one reader was the same query.
 */
export class KartuSop1766100000000 implements MigrationInterface {
  name = 'KartuSop1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kartu_kendali ADD COLUMN sop_id text');
    await q.query('ALTER TABLE kartu_kendali DISABLE TRIGGER kartu_kendali_no_update');
    await q.query('UPDATE kartu_kendali k SET sop_id = c.sop_id FROM cases c WHERE c.id = k.case_id');
    await q.query('ALTER TABLE kartu_kendali ENABLE TRIGGER kartu_kendali_no_update');
    await q.query('ALTER TABLE kartu_kendali ALTER COLUMN sop_id SET NOT NULL');
    await q.query(
      `CREATE INDEX kartu_hand_overs_by_sop ON kartu_kendali (sop_id, handed_over_at)
       INCLUDE (case_id, from_step, from_lane, spent_working_minutes, over_limit) WHERE ${HAND_OVERS}`,
    );
    await q.query('DROP INDEX IF EXISTS kartu_hand_overs');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS kartu_hand_overs ON kartu_kendali (handed_over_at) INCLUDE (case_id) WHERE ${HAND_OVERS}`);
    await q.query('DROP INDEX IF EXISTS kartu_hand_overs_by_sop');
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS sop_id');
  }
}
