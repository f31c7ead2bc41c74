import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (docs/adr/0019-webhooks.md): endpoints a regency's administrator registers for case
 * events, and their deliveries as rows of the notifications outbox (channel `webhook`), written by
 * the same statement as the case event and delivered by the same worker. The endpoint's secret is
 * sealed with the data key (it signs every delivery, so it cannot be a hash); the delivery log keeps
 * the far end's HTTP status.
 */
export class Webhooks1766000000000 implements MigrationInterface {
  name = 'Webhooks1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        regency text NOT NULL,
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        events text[] NOT NULL CHECK (cardinality(events) > 0 AND events <@ ARRAY['filed', 'handed_over', 'overdue', 'closed']::text[]),
        identity_lane text,
        secret text NOT NULL CHECK (secret LIKE 'enc:v1:%'),
        enabled boolean NOT NULL DEFAULT true,
        created_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX webhooks_regency ON webhooks (regency) WHERE enabled');
    await q.query('ALTER TABLE notifications ADD COLUMN webhook_id uuid REFERENCES webhooks (id) ON DELETE CASCADE, ADD COLUMN response_status integer');
    await q.query(
      'ALTER TABLE notifications DROP CONSTRAINT notifications_moment_check, DROP CONSTRAINT notifications_channel_check, DROP CONSTRAINT notifications_recipient_check',
    );
    await q.query(`ALTER TABLE notifications
      ADD CONSTRAINT notifications_moment_check CHECK (moment IN ('filed', 'reply', 'closed', 'handed_over', 'overdue')),
      ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'whatsapp', 'sms', 'webhook')),
      -- a message to a person carries a sealed address; a webhook delivery names its endpoint (the URL is no one's personal data)
      ADD CONSTRAINT notifications_recipient_check CHECK ((channel = 'webhook' AND webhook_id IS NOT NULL) OR (channel <> 'webhook' AND recipient LIKE 'enc:v1:%'))`);
    // the delivery log of one endpoint, newest first
    await q.query('CREATE INDEX notifications_webhook ON notifications (webhook_id, id DESC) WHERE webhook_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM notifications WHERE channel = 'webhook'");
    await q.query(
      'ALTER TABLE notifications DROP CONSTRAINT notifications_moment_check, DROP CONSTRAINT notifications_channel_check, DROP CONSTRAINT notifications_recipient_check',
    );
    await q.query(`ALTER TABLE notifications
      ADD CONSTRAINT notifications_moment_check CHECK (moment IN ('filed', 'reply', 'closed')),
      ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'whatsapp', 'sms')),
      ADD CONSTRAINT notifications_recipient_check CHECK (recipient LIKE 'enc:v1:%')`);
    await q.query('ALTER TABLE notifications DROP COLUMN IF EXISTS webhook_id, DROP COLUMN IF EXISTS response_status');
    await q.query('DROP TABLE IF EXISTS webhooks');
  }
}
