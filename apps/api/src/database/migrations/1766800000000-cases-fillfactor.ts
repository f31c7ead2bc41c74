import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each page of `cases` for a row's next version (docs/adr/0030-a-cheaper-sweep-and-event-path.md).
 * A case row is rewritten by every event, claim and deadline sweep; a write that changes no indexed
 * column (the sweep's lease, an officer's claim) is a heap-only update only when the new version fits
 * on the row's own page. With every page full it never fits, and each such write also adds an entry
 * to every one of the table's indexes. Applies to the pages written from now on.
 */
export class CasesFillfactor1766800000000 implements MigrationInterface {
  name = 'CasesFillfactor1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases SET (fillfactor = 80)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases RESET (fillfactor)');
  }
}
