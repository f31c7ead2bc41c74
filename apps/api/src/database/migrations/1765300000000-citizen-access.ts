import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen acts (docs/adr/0010-the-citizen-acts.md): each complaint gets an access code, shown once
 * to whoever filed it and kept only as a hash, with which the complainant works the SOP's citizen
 * steps from the ticket page; and a kartu kendali line says when an officer recorded the citizen's
 * answer on their behalf. Complaints filed before have no code (the office records for them).
 */
export class CitizenAccess1765300000000 implements MigrationInterface {
  name = 'CitizenAccess1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN access_code_hash text');
    await q.query('ALTER TABLE kartu_kendali ADD COLUMN on_behalf_of_citizen boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS on_behalf_of_citizen');
    await q.query('ALTER TABLE cases DROP COLUMN IF EXISTS access_code_hash');
  }
}
