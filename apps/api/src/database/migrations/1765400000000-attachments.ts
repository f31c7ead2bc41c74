import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (docs/adr/0013-attachments.md): files uploaded for a form's file field or an officer's
 * event. A file is uploaded first ("staged": no case yet, `case_id` null) and claimed by the write
 * that files the complaint or records the event, by its token. Staged files not claimed within 24 h
 * are removed by the work loop. The bytes live in the attachment storage (DATA_DIR/attachments or
 * S3), sealed with the data key; the row keeps what is needed to list, check and find them.
 */
export class Attachments1765400000000 implements MigrationInterface {
  name = 'Attachments1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token text NOT NULL UNIQUE,
        sop_id text NOT NULL,
        case_id uuid REFERENCES cases (id),
        kartu_seq integer,
        field_id text,
        original_name text NOT NULL,
        mime_type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        claimed_at timestamptz,
        CHECK ((case_id IS NULL) = (claimed_at IS NULL))
      )`);
    await q.query('CREATE INDEX attachments_case ON attachments (case_id, created_at) WHERE case_id IS NOT NULL');
    await q.query('CREATE INDEX attachments_staged ON attachments (created_at) WHERE case_id IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS attachments');
  }
}
