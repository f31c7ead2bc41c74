import type { MigrationInterface, QueryRunner } from 'typeorm';
import { HAND_OVER, REPORT_ROLLUPS_FUNCTION } from './1766700000000-report-rollups';
import { ESCALATION } from './1767100000000-kartu-escalation';

/** The hand-overs whose working minutes are the office's: not those of a step the complainant works (marked by the case engine). */
const OFFICE_TIME = `${HAND_OVER} AND NOT coalesce(k.citizen_step, false)`;

/**
 * Each kartu kendali line says whether its from-step was the complainant's own (`citizen_step`,
 * written by the case engine; ADR 0010): the days a complainant takes to confirm or to bring a
 * document are theirs, not the office's. A complaint's time to close in the national view (the
 * rollup `report_case_totals.minutes`) now adds up the office's hand-overs only, so a regency whose
 * SOP asks the complainant for a survey is no longer shown 10 hari kerja slower. Lines written
 * before keep no mark (null) and count as before; the totals already kept stay as counted.
 */
export class KartuCitizenStep1767200000000 implements MigrationInterface {
  name = 'KartuCitizenStep1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kartu_kendali ADD COLUMN citizen_step boolean');
    await q.query(`CREATE OR REPLACE ${REPORT_ROLLUPS_FUNCTION(ESCALATION, OFFICE_TIME)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE ${REPORT_ROLLUPS_FUNCTION(ESCALATION)}`);
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS citizen_step');
  }
}
