import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications outbox (docs/adr/0015-notifications-outbox.md): one row per message to the
 * complainant (the ticket on filing, a reply, the closing) per contact, written by the same statement
 * as the case insert or the event; the address sealed like the form's confidential fields, a masked
 * copy for the operator; delivered by a worker that claims rows with FOR UPDATE SKIP LOCKED.
 */
export class Notifications1765600000000 implements MigrationInterface {
  name = 'Notifications1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        kartu_seq integer NOT NULL,
        moment text NOT NULL CHECK (moment IN ('filed', 'reply', 'closed')),
        channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'sms')),
        recipient text NOT NULL CHECK (recipient LIKE 'enc:v1:%'),
        recipient_masked text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        claim_token uuid,
        claimed_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await q.query('CREATE INDEX notifications_case ON notifications (case_id, id)');
    // the worker's queue and health's count: only rows still to deliver
    await q.query("CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending')");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notifications');
  }
}
