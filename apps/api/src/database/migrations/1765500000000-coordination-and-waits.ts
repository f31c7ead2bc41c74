import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination, lane units, scheduled waits and documents (docs/adr/0014-coordination-routing-units.md):
 * the lane asked and since when, the date a case waits until, the unit of its lane; on the kartu
 * kendali, the document an outcome produced and the date a SCHEDULE line set.
 */
export class CoordinationAndWaits1765500000000 implements MigrationInterface {
  name = 'CoordinationAndWaits1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE cases ADD COLUMN consulting_lane text, ADD COLUMN consulting_since timestamptz, ADD COLUMN waiting_until timestamptz, ADD COLUMN unit text',
    );
    await q.query('ALTER TABLE kartu_kendali ADD COLUMN document text, ADD COLUMN scheduled_for timestamptz');
    // the inbox of a lane that was asked
    await q.query('CREATE INDEX cases_consulting ON cases (sop_id, consulting_lane) WHERE consulting_lane IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS cases_consulting');
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS document, DROP COLUMN IF EXISTS scheduled_for');
    await q.query(
      'ALTER TABLE cases DROP COLUMN IF EXISTS consulting_lane, DROP COLUMN IF EXISTS consulting_since, DROP COLUMN IF EXISTS waiting_until, DROP COLUMN IF EXISTS unit',
    );
  }
}
