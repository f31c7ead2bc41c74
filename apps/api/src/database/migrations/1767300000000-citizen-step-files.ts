import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A complainant's files at their own step (ADR 0013, addendum): a citizen step that asks for a
 * document ("Pemohon melengkapi berkas") takes the file from the ticket page, uploaded with the
 * ticket's access code before the answer is sent. `for_case` is the complaint a file was uploaded
 * for (the access code's), so that only that complaint's answer claims it; officers' files keep
 * `uploaded_by`, the public form's keep `field_id`.
 */
export class CitizenStepFiles1767300000000 implements MigrationInterface {
  name = 'CitizenStepFiles1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attachments ADD COLUMN for_case uuid REFERENCES cases (id) ON DELETE CASCADE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE attachments DROP COLUMN IF EXISTS for_case');
  }
}
