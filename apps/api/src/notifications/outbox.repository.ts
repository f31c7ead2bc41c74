import type { Database } from '../database/database';

export interface OutboxRow {
  id: string;
  case_id: string;
  kartu_seq: number;
  moment: string;
  channel: 'email' | 'whatsapp' | 'sms' | 'webhook';
  recipient: string;
  recipient_masked: string;
  subject: string;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  claim_token: string | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  /** A webhook delivery's endpoint (docs/adr/0019-webhooks.md); null for a message to the complainant. */
  webhook_id?: string | null;
}

/**
 * The notifications outbox: rows are written by the case statements (cases.repository.ts); here
 * they are claimed, marked and listed. Each write one statement. A claim takes due rows with
 * FOR UPDATE SKIP LOCKED and marks them `sending` with a token and a lease in the same statement, so
 * two processes never claim the same row; a row whose lease ran out (its process died mid-send) is due again.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  async claim(channels: string[], now: Date, leaseMs: number, limit: number, token: string): Promise<OutboxRow[]> {
    if (!channels.length) return [];
    return this.db.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM notifications
         WHERE channel = ANY($1::text[])
           AND ((status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND claimed_until <= $2))
           -- a disabled endpoint's deliveries wait until it is enabled again
           AND (webhook_id IS NULL OR webhook_id IN (SELECT id FROM webhooks WHERE enabled))
         ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED),
       c AS (
         UPDATE notifications n SET status = 'sending', claim_token = $5::uuid, claimed_until = $2::timestamptz + ($3 || ' milliseconds')::interval,
                attempts = n.attempts + 1, updated_at = $2
         FROM due WHERE n.id = due.id RETURNING n.*)
       SELECT * FROM c ORDER BY id`,
      [channels, now, String(leaseMs), limit, token],
    );
  }

  /** Marks a claimed row sent; false when the claim was lost (its lease ran out and another took it). */
  async markSent(id: string, token: string, now: Date, responseStatus: number | null = null): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `WITH u AS (UPDATE notifications SET status = 'sent', sent_at = $3, updated_at = $3, claim_token = NULL, claimed_until = NULL, last_error = NULL, response_status = $4
                  WHERE id = $1 AND claim_token = $2::uuid AND status = 'sending' RETURNING id) SELECT id FROM u`,
      [id, token, now, responseStatus],
    );
    return rows.length > 0;
  }

  /** A failed attempt: pending again at `retryAt`, or `failed` for good when `retryAt` is null. */
  async markFailed(id: string, token: string, now: Date, error: string, retryAt: Date | null, responseStatus: number | null = null): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `WITH u AS (UPDATE notifications SET status = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                         next_attempt_at = COALESCE($5::timestamptz, next_attempt_at), last_error = $4, updated_at = $3, claim_token = NULL, claimed_until = NULL,
                         response_status = $6
                  WHERE id = $1 AND claim_token = $2::uuid AND status = 'sending' RETURNING id) SELECT id FROM u`,
      [id, token, now, error.slice(0, 500), retryAt, responseStatus],
    );
    return rows.length > 0;
  }

  async ofCase(caseId: string): Promise<OutboxRow[]> {
    return this.db.query<OutboxRow>('SELECT * FROM notifications WHERE case_id = $1 AND webhook_id IS NULL ORDER BY id', [caseId]);
  }

  /** Messages still to deliver, per channel (an index on the undelivered rows only). */
  async pendingByChannel(): Promise<Record<string, number>> {
    const rows = await this.db.query<{ channel: string; n: string }>(
      "SELECT channel, count(*) AS n FROM notifications WHERE status IN ('pending', 'sending') AND webhook_id IS NULL GROUP BY channel",
    );
    return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  }
}
