import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { WorkLoop } from '../deadlines/work-loop.service';
import { HolidayCalendars } from '../holidays/holiday-calendars';
import { OutboxRepository } from '../notifications/outbox.repository';
import { OutboxWorker } from '../notifications/outbox-worker';

/**
 * Whether the API can do its work: the database answers, plainly and through the prepared
 * statements of the event path (503 when not), the holiday calendar is
 * covered by official lists far enough ahead, and no deadline is stuck. The last two turn the status
 * `degraded` (still 200: the API works, someone must act).
 */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly calendars: HolidayCalendars,
    private readonly loop: WorkLoop,
    private readonly clock: Clock,
    private readonly outbox: OutboxRepository,
    private readonly outboxWorker: OutboxWorker,
  ) {}

  /**
   * The outbox: messages waiting per channel, and the channels with no way out configured (their
   * messages stay pending until SMTP or the gateway is set). Never `degraded`: a deployment may
   * choose not to send (docs/adr/0015-notifications-outbox.md).
   */
  private async notifications() {
    const pending = await this.outbox.pendingByChannel();
    const configured = this.outboxWorker.channels();
    const unconfigured = (['email', 'whatsapp', 'sms'] as const).filter((c) => !configured.includes(c));
    const held = unconfigured.filter((c) => (pending[c] ?? 0) > 0);
    return {
      status: configured.length ? 'ok' : 'not-configured',
      channels: configured,
      pending,
      message: held.length
        ? `messages to complainants wait in the outbox: no ${held.join(', ')} delivery is configured (SMTP_URL or SMTP_HOST for e-mail, NOTIFY_HTTP_URL for WhatsApp/SMS)`
        : unconfigured.length
          ? `no delivery configured for ${unconfigured.join(', ')}: such messages would stay pending`
          : 'every channel has a delivery configured',
    };
  }

  @Get()
  @ApiOperation({ summary: 'Whether the API, its database, its holiday calendar and its deadlines are sound' })
  async health(@Res({ passthrough: true }) res: FastifyReply) {
    const started = Date.now();
    const calendar = this.calendars.coverage(this.clock.now());
    const failing = this.loop.failingDeadlines();
    const deadlines = {
      status: failing.length ? 'degraded' : 'ok',
      failing: failing.length,
      examples: failing.slice(0, 5).map((f) => ({ case: f.caseId, ticket: f.ticket, since: f.since, attempts: f.attempts, error: f.error.slice(0, 300) })),
    };
    try {
      await this.db.query('SELECT 1');
      // the event path's way to the database: a named prepared statement on the driver's pool
      await this.db.prepared('health_event_path', 'SELECT 1 AS ok', []);
    } catch (e) {
      res.status(503);
      return { status: 'error', database: { status: 'error', kind: this.db.kind, message: (e as Error).message }, calendar, deadlines };
    }
    const database = { status: 'ok', kind: this.db.kind, latencyMs: Date.now() - started, eventPath: 'ok' };
    const degraded = calendar.status !== 'ok' || deadlines.status !== 'ok';
    return { status: degraded ? 'degraded' : 'ok', database, calendar, deadlines, notifications: await this.notifications() };
  }
}
