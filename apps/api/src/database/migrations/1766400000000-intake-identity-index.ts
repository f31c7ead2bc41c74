import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration and identity search (issue 11, docs/adr/0023-identity-search-and-intake.md): a blind
 * index of the complainant's NIK and phone (keyed HMAC of the normalised value, never the value),
 * the key it was made with (a case filed before, or under another key, is indexed again by the work
 * loop), when the complaint was actually received, and what the caller said (sealed).
 */
export class IntakeIdentityIndex1766400000000 implements MigrationInterface {
  name = 'IntakeIdentityIndex1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE cases ADD COLUMN nik_hash text, ADD COLUMN phone_hash text, ADD COLUMN blind_key text, ADD COLUMN received_at timestamptz, ADD COLUMN caller_words text',
    );
    await q.query('CREATE INDEX cases_nik_hash ON cases (sop_id, nik_hash, created_at) WHERE nik_hash IS NOT NULL');
    await q.query('CREATE INDEX cases_phone_hash ON cases (sop_id, phone_hash, created_at) WHERE phone_hash IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS cases_nik_hash');
    await q.query('DROP INDEX IF EXISTS cases_phone_hash');
    await q.query(
      'ALTER TABLE cases DROP COLUMN IF EXISTS nik_hash, DROP COLUMN IF EXISTS phone_hash, DROP COLUMN IF EXISTS blind_key, DROP COLUMN IF EXISTS received_at, DROP COLUMN IF EXISTS caller_words',
    );
  }
}
