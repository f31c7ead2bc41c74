import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REPORT_ROLLUPS_FUNCTION } from './1766700000000-report-rollups';

/** The predicate 1766700000000 counted a line as an escalation by: its event alone. */
const BY_EVENT = `(k.event = 'ESCALATE' OR (k.event = 'EXPIRE' AND k.to_step <> k.from_step))`;

/**
 * A line that escalated (`ESCALATION_SQL` of the reports): the runtime's own mark, or, on a line
 * written before it marked them, its event.
 */
export const ESCALATION = `coalesce(k.escalation, ${BY_EVENT})`;

/**
 * Each kartu kendali line says whether it took the complaint one level up (`escalation`, written by
 * the case engine): an officer's ESCALATE, a passed deadline whose rule escalates, or a decision
 * outcome of kind escalation ("tidak terselesaikan"). Until now the reports counted by the event
 * alone: every passed deadline that moved the case counted, also a citizen's silence settling a
 * survey as "puas", and an outcome of kind escalation did not. Lines written before keep no mark
 * (null) and are read by their event as before; the report totals already kept stay as counted.
 */
export class KartuEscalation1767100000000 implements MigrationInterface {
  name = 'KartuEscalation1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kartu_kendali ADD COLUMN escalation boolean');
    await q.query(`CREATE OR REPLACE ${REPORT_ROLLUPS_FUNCTION(ESCALATION)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE ${REPORT_ROLLUPS_FUNCTION(BY_EVENT)}`);
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS escalation');
  }
}
