import { randomUUID } from 'node:crypto';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import type { Clock } from '../common/clock';
import type { FieldCipher } from '../common/field-cipher';
import type { NotifySettings } from '../config';
import type { NotificationChannel } from './compose-message';
import { recipientField } from './notification-planner';
import type { OutboxRepository, OutboxRow } from './outbox.repository';
import type { Transport } from './transports';
import type { WebhookSender } from '../webhooks/webhook-sender';

/** How long a claim holds before another process may take the row (a process that died mid-send). */
const LEASE_MS = 5 * 60_000;

/** The wait before attempt `attempts + 1`: the base, doubled after each further failure, at most a day. */
export function retryDelayMs(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 86_400_000);
}

/**
 * Delivers the outbox (docs/adr/0015-notifications-outbox.md) on its own timer in every API process:
 * claims due rows of the configured channels (FOR UPDATE SKIP LOCKED: each row to one process),
 * opens the sealed address, sends, and marks the row `sent`, or `pending` again after a backoff, or
 * `failed` after the last attempt. Channels without a transport are not claimed: they stay pending.
 */
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** Webhook deliveries (docs/adr/0019-webhooks.md): rows of channel `webhook` of the same outbox. */
  private webhooks: WebhookSender | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transports: Partial<Record<NotificationChannel, Transport>>,
    private readonly cipher: FieldCipher,
    private readonly settings: Pick<NotifySettings, 'maxAttempts' | 'retryBaseMs' | 'intervalMs'>,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  /** The channels this process can deliver. */
  channels(): NotificationChannel[] {
    return (Object.keys(this.transports) as NotificationChannel[]).filter((c) => this.transports[c]);
  }

  /** Delivers the webhook rows of the outbox too (set once at start). */
  useWebhooks(sender: WebhookSender): void {
    this.webhooks = sender;
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), this.settings.intervalMs);
    void this.tick();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    for (const t of Object.values(this.transports)) (t as { close?: () => void }).close?.();
  }

  /** One pass: batches until nothing is due; overlapping passes are skipped. Returns how many were sent. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = (async () => {
      let sent = 0;
      try {
        for (let batch = 0; batch < 20; batch++) {
          const token = randomUUID();
          const claimed: string[] = [...this.channels(), ...(this.webhooks ? ['webhook'] : [])];
          const rows = await this.outbox.claim(claimed, this.clock.now(), LEASE_MS, 20, token);
          if (!rows.length) break;
          for (const row of rows) if (await this.deliver(row, token)) sent++;
        }
      } catch (e) {
        this.logger.error({ err: e }, 'notifications pass failed');
      } finally {
        this.running = null;
      }
      return sent;
    })();
    return this.running;
  }

  private async deliver(row: OutboxRow, token: string): Promise<boolean> {
    if (row.channel === 'webhook') return this.deliverWebhook(row, token);
    const to = this.cipher.open(recipientField(row.channel), row.recipient);
    try {
      if (to === row.recipient || to.startsWith('[')) throw new Error('the address cannot be opened with this data key');
      const transport = this.transports[row.channel];
      if (!transport) throw new Error(`no transport is configured for the channel "${row.channel}"`);
      await transport.send({ to, subject: row.subject, text: row.body, channel: row.channel });
      await this.outbox.markSent(row.id, token, this.clock.now());
      this.logger.info({ notification: row.id, case: row.case_id, channel: row.channel, moment: row.moment, attempt: row.attempts }, 'notification sent');
      return true;
    } catch (e) {
      // the reason as the operator will read it: never the address in plain text
      const reason = (e instanceof Error ? e.message : String(e)).split(to).join(row.recipient_masked);
      const last = row.attempts >= this.settings.maxAttempts;
      const retryAt = last ? null : new Date(this.clock.now().getTime() + retryDelayMs(this.settings.retryBaseMs, row.attempts));
      await this.outbox.markFailed(row.id, token, this.clock.now(), reason, retryAt);
      this.logger.warn(
        { notification: row.id, case: row.case_id, channel: row.channel, attempt: row.attempts, final: last, error: reason },
        last ? 'notification failed for good' : 'notification failed; retried later',
      );
      return false;
    }
  }

  /** One webhook delivery: its HTTP status kept in the log either way; never the payload in the logs. */
  private async deliverWebhook(row: OutboxRow, token: string): Promise<boolean> {
    try {
      if (!this.webhooks) throw new Error('webhooks are not configured in this process');
      const status = await this.webhooks.send(row);
      await this.outbox.markSent(row.id, token, this.clock.now(), status);
      this.logger.info({ delivery: row.id, webhook: row.webhook_id, case: row.case_id, event: row.moment, attempt: row.attempts, status }, 'webhook delivered');
      return true;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const responseStatus = (e as { responseStatus?: number | null }).responseStatus ?? null;
      const last = row.attempts >= this.settings.maxAttempts;
      const retryAt = last ? null : new Date(this.clock.now().getTime() + retryDelayMs(this.settings.retryBaseMs, row.attempts));
      await this.outbox.markFailed(row.id, token, this.clock.now(), reason, retryAt, responseStatus);
      this.logger.warn(
        { delivery: row.id, webhook: row.webhook_id, case: row.case_id, attempt: row.attempts, final: last, error: reason, status: responseStatus },
        last ? 'webhook failed for good' : 'webhook failed; retried later',
      );
      return false;
    }
  }
}
