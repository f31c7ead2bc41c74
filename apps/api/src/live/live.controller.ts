import { Controller, Get, Headers, HttpException, HttpStatus, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountStatus, issuedAtOf } from '../auth/account-status';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { CasesService } from '../cases/cases.service';
import { BadInputException } from '../common/errors';
import { CaseChanges, type CaseChange, type Delivery } from './case-changes';

/** LIVE_HEARTBEAT_MS, LIVE_STREAMS_PER_USER: read once; a bad value stops the start with what is wrong. */
export function liveSettings(env: NodeJS.ProcessEnv = process.env): { heartbeatMs: number; streamsPerUser: number } {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}; "${raw}" is not one`);
    return n;
  };
  return { heartbeatMs: read('LIVE_HEARTBEAT_MS', 20_000, 100, 300_000), streamsPerUser: read('LIVE_STREAMS_PER_USER', 5, 1, 100) };
}

const LAST_EVENT_ID = /^[a-z0-9]{1,24}:[0-9]{1,15}$/;

/** Whether a change concerns the user's inbox: their regency, and one of their lanes (or a citizen step they answer for). */
export function concerns(user: Pick<Principal, 'regency' | 'lanes'>, citizenSteps: ReadonlySet<string>, change: CaseChange): boolean {
  return change.sop === user.regency && (change.lanes.some((l) => user.lanes.includes(l)) || change.steps.some((s) => citizenSteps.has(s)));
}

/**
 * The inbox's and the case page's live updates (docs/adr/0022-live-case-updates.md): server-sent
 * events of the changes to the cases the user's lanes see. An event carries the case id and
 * version only; the client reads the case again through the ordinary, access-checked endpoints.
 */
@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/cases/stream')
export class LiveController {
  private readonly settings = liveSettings();
  private readonly open = new Map<string, number>();

  constructor(
    private readonly changes: CaseChanges,
    private readonly cases: CasesService,
    private readonly accounts: AccountStatus,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Server-sent events: `case` ({ id, version }) when a case of your lanes changes, `resync` when changes may have been missed (read the inbox again); a comment every LIVE_HEARTBEAT_MS',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last event id received: the changes after it are sent first, or `resync`' })
  async stream(
    @CurrentUser() user: Principal,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (lastEventId !== undefined && !LAST_EVENT_ID.test(lastEventId)) {
      throw new BadInputException('Last-Event-ID is not an event id of this stream', [
        { field: 'Last-Event-ID', message: 'send the id of the last event received (such as "m3x9k2ab:41"), or no Last-Event-ID' },
      ]);
    }
    const count = this.open.get(user.userId) ?? 0;
    if (count >= this.settings.streamsPerUser) {
      reply.header('Retry-After', '30');
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `you already have ${count} live streams open (at most ${this.settings.streamsPerUser}): close a tab, or retry later`,
          retryAfterSeconds: 30,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const citizenSteps = new Set(await this.cases.citizenStepsFor(user));
    const token = (request.headers.authorization ?? '').split(' ')[1] ?? '';
    this.open.set(user.userId, count + 1);

    // the stream is written on Node's response: Fastify no longer answers this request
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no', // nginx: do not hold the events back
    });
    res.flushHeaders();

    const send = (d: Delivery) => {
      if (d.kind === 'gap') res.write(`id: ${this.changes.idOf(d)}\nevent: resync\ndata: {}\n\n`);
      else if (concerns(user, citizenSteps, d.change)) {
        res.write(`id: ${this.changes.idOf(d)}\nevent: case\ndata: ${JSON.stringify({ id: d.change.id, version: d.change.version })}\n\n`);
      }
    };
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(beat);
      const left = (this.open.get(user.userId) ?? 1) - 1;
      if (left > 0) this.open.set(user.userId, left);
      else this.open.delete(user.userId);
      res.end();
    };
    const unsubscribe = this.changes.subscribe((d) => (d.kind === 'end' ? close() : send(d)));
    // a reconnecting client first gets what it missed, or is told to read everything again
    res.write(`retry: 3000\n\n`);
    const missed = lastEventId === undefined ? [] : this.changes.since(lastEventId);
    if (missed === null) res.write(`id: ${this.changes.currentId()}\nevent: resync\ndata: {}\n\n`);
    else {
      for (const d of missed) send(d);
      if (lastEventId === undefined) res.write(`id: ${this.changes.currentId()}\nevent: ready\ndata: {}\n\n`);
    }
    const beat = setInterval(() => {
      // the heartbeat keeps proxies from closing an idle stream; a disabled account's stream ends here
      this.accounts.assertActive(user.userId, issuedAtOf(token)).then(
        () => res.write(': heartbeat\n\n'),
        () => close(),
      );
    }, this.settings.heartbeatMs);
    request.raw.on('close', close);
  }
}
