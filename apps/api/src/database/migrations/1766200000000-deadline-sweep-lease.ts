import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The batched deadline sweep (docs/adr/0020-batched-deadline-sweep.md): a process claims a batch of
 * passed deadlines by setting their lease (FOR UPDATE SKIP LOCKED), so that several processes sweep
 * different rows; a lease that ran out (its process died) lets another take the row. The lease only
 * spreads the work: exactly-once still rests on the conditional write of each case.
 */
export class DeadlineSweepLease1766200000000 implements MigrationInterface {
  name = 'DeadlineSweepLease1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN sweep_lease_until timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN IF EXISTS sweep_lease_until');
  }
}
