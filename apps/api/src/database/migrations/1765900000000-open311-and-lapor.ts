import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 and the SP4N-LAPOR! exchange (docs/adr/0018-open311-and-lapor-exchange.md):
 * - `open311_keys`: the API keys of a regency's submitting clients, kept as SHA-256 hashes (the key
 *   itself is shown once); revoked keys stay for the record;
 * - `cases.open311_key_id`: the key a case was filed with, so a client lists its own requests only;
 * - `lapor_reports`: a case imported from SP4N-LAPOR!, with the report's tracking id (unique per
 *   regency: a second import of it changes nothing) and the fields LAPOR! exported.
 */
export class Open311AndLapor1765900000000 implements MigrationInterface {
  name = 'Open311AndLapor1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE open311_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sop_id text NOT NULL,
        label text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by text
      )`);
    await q.query('CREATE INDEX open311_keys_regency ON open311_keys (sop_id, created_at)');
    await q.query('ALTER TABLE cases ADD COLUMN open311_key_id uuid');
    await q.query('CREATE INDEX cases_open311_client ON cases (open311_key_id, created_at) WHERE open311_key_id IS NOT NULL');
    await q.query(`
      CREATE TABLE lapor_reports (
        sop_id text NOT NULL,
        tracking_id text NOT NULL,
        case_id uuid NOT NULL UNIQUE REFERENCES cases (id),
        title text NOT NULL,
        category text,
        disposition text,
        status_in text,
        imported_at timestamptz NOT NULL,
        imported_by text NOT NULL,
        PRIMARY KEY (sop_id, tracking_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS lapor_reports');
    await q.query('DROP INDEX IF EXISTS cases_open311_client');
    await q.query('ALTER TABLE cases DROP COLUMN IF EXISTS open311_key_id');
    await q.query('DROP TABLE IF EXISTS open311_keys');
  }
}
