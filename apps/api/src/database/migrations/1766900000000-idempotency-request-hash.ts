import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fingerprint of the request an Idempotency-Key was first sent with: the key replays its answer
 * only to that request, and refuses another body (422 case.idempotency-key-reused). Keys recorded
 * before have none and replay as before; they expire with the rest.
 */
export class IdempotencyRequestHash1766900000000 implements MigrationInterface {
  name = 'IdempotencyRequestHash1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_keys ADD COLUMN request_hash text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE idempotency_keys DROP COLUMN request_hash');
  }
}
