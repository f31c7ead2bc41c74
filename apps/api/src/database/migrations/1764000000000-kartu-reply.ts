import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's reply to the complainant, on the kartu kendali line of the event that sent it: shown
 * on the public ticket page, unlike the line's `note`, which stays internal. Null on every line
 * without a reply (all lines before this migration).
 */
export class KartuReply1764000000000 implements MigrationInterface {
  name = 'KartuReply1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kartu_kendali ADD COLUMN reply text CHECK (reply IS NULL OR char_length(reply) BETWEEN 1 AND 2000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kartu_kendali DROP COLUMN IF EXISTS reply');
  }
}
