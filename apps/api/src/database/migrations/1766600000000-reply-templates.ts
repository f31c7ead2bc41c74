import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office's own reply templates (issue 11): texts an operator picks when writing to the
 * complainant, kept per regency beside the SOP's own `templates` (which stay in its YAML). A title is
 * unique within its regency; the limits match the API's (title 120, body 2000 characters).
 */
export class ReplyTemplates1766600000000 implements MigrationInterface {
  name = 'ReplyTemplates1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reply_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency text NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        created_by text,
        updated_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // one title per regency, whatever its case: "Dokumen siap" and "dokumen siap" would confuse the picker
    await q.query('CREATE UNIQUE INDEX reply_templates_title ON reply_templates (regency, lower(title))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS reply_templates');
  }
}
