import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { dateOrInstantOf } from '../common/date-or-instant';
import { quoted } from '../common/quoted';
import { BadInputException } from '../common/errors';
import type { ReplyPreviewResponse } from '@sop/api-contract';
import { caseDetailView, inboxItemView, replyAsCitizenReads } from './case-view';
import { ClaimDto, EventDto, HandOverDto, InboxQueryDto, IntakeDto, ReplyPreviewDto } from './cases.dto';
import { CasesService } from './cases.service';
import { OutboxRepository } from '../notifications/outbox.repository';
import { idempotencyKeyOf } from './public.controller';
import { ticketSearchTerm } from './tickets';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadInputException('not a case id', [{ field: 'id', message: 'the case id must be a UUID' }]) });

/** An ISO 8601 value as an instant; ISO forms JavaScript does not read (week or ordinal dates) are refused. */
function instant(field: 'from' | 'to', value: string): Date {
  const date = dateOrInstantOf(value);
  if (!date) {
    throw new BadInputException('the request is not valid: see errors', [
      {
        field,
        message: `${field} must be a calendar date or instant that exists, e.g. 2026-11-01 or 2026-11-01T08:00:00+07:00; ${quoted(value)} is not one`,
        messageId: `${field} harus tanggal atau waktu yang ada, mis. 2026-11-01 atau 2026-11-01T08:00:00+07:00; ${quoted(value)} bukan salah satunya`,
      },
    ]);
  }
  return date;
}

@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly clock: Clock,
    private readonly outbox: OutboxRepository,
  ) {}

  @Post(':id/reply-preview')
  @HttpCode(200)
  @ApiOperation({
    summary: "A reply as the complainant will read it (ticket page, messages): their identity struck out, the office's own contacts kept; nothing is saved",
  })
  async replyPreview(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReplyPreviewDto): Promise<ReplyPreviewResponse> {
    const { row, published } = await this.cases.view(user, id);
    return { reply: replyAsCitizenReads(body.reply, row, published) };
  }

  @Get(':id/notifications')
  @ApiOperation({ summary: 'The messages sent (or waiting) to the complainant: channel, masked address, status, time (docs/adr/0015)' })
  async notifications(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    const { row } = await this.cases.view(user, id);
    const rows = await this.outbox.ofCase(row.id);
    return {
      items: rows.map((n) => ({
        id: Number(n.id),
        moment: n.moment,
        channel: n.channel,
        to: n.recipient_masked,
        status: n.status,
        attempts: n.attempts,
        error: n.last_error,
        createdAt: n.created_at,
        updatedAt: n.updated_at,
        sentAt: n.sent_at,
        nextAttemptAt: n.status === 'pending' ? n.next_attempt_at : null,
      })),
    };
  }

  @Get()
  @ApiOperation({ summary: "The inbox: cases waiting in the caller's lanes, most urgent first" })
  async inbox(@CurrentUser() user: Principal, @Query() q: InboxQueryDto) {
    const from = q.from ? instant('from', q.from) : undefined;
    const to = q.to ? instant('to', q.to) : undefined;
    if (from && to && from >= to)
      throw new BadInputException('empty date range', [{ field: 'to', message: 'to must be after from', messageId: 'to harus sesudah from' }]);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { rows, total } = await this.cases.inbox(user, {
      sop: q.sop,
      step: q.step,
      status: q.status ?? 'open',
      overdue: q.overdue,
      scheduled: q.scheduled,
      mine: q.mine,
      channel: q.channel,
      ticket: q.ticket ? ticketSearchTerm(q.ticket) : undefined,
      from,
      to,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const now = this.clock.now();
    const items = [];
    for (const row of rows) items.push(inboxItemView(row, await this.cases.publishedOf(row.sopVersionId), now, user.userId));
    return { items, page, pageSize, total };
  }

  @Post()
  @ApiOperation({ summary: "Register a complaint received by phone, WhatsApp, letter or social media on a citizen's behalf" })
  async register(@CurrentUser() user: Principal, @Body() body: IntakeDto) {
    const { row, accessCode } = await this.cases.intake(body, user);
    // the access code is for the complainant (their citizen steps): the operator passes it on, once
    return { id: row.id, ticket: row.ticket, accessCode, version: row.version, step: row.step, lane: row.lane, dueAt: row.dueAt };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: current step, allowed events, deadline, masked form data, kartu kendali' })
  async detail(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    const { row, published, kartu } = await this.cases.view(user, id);
    return caseDetailView({
      row,
      published,
      kartu,
      now: this.clock.now(),
      form: this.cases.maskedForm(row, published),
      canAct: this.cases.canAct(user, row, published),
      actsForCitizen: this.cases.actsForCitizen(user, row, published),
      canAnswer: this.cases.canAnswer(user, row),
      userId: user.userId,
      canReveal: this.cases.canReveal(user, row, published),
      allowedEvents: this.cases.allowedEvents(row, published),
    });
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: "Claim the case within its lane (you work it); takeOver with a note takes a colleague's claim" })
  claim(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ClaimDto) {
    return this.cases.claim(user, id, body);
  }

  @Get(':id/colleagues')
  @ApiOperation({ summary: "The officers of the case's lane (or unit) it may be handed to" })
  async colleagues(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return { items: await this.cases.colleagues(user, id) };
  }

  @Post(':id/handover')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the case to a named colleague of its lane: they own it (audited)' })
  handOver(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: HandOverDto) {
    return this.cases.handOver(user, id, body);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a claimed case back to its lane' })
  async release(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    await this.cases.release(user, id);
    return { released: true };
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: "Reveal the complainant's identity (allowed lanes only; every reveal is recorded)" })
  reveal(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.cases.reveal(user, id).then((fields) => ({ fields }));
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key changes nothing twice' })
  @ApiOperation({ summary: 'Move the case: complete the step, choose an outcome, escalate or reject' })
  async event(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: EventDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { body: result, replayed } = await this.cases.sendEvent(user, id, body, idempotencyKeyOf(key));
    if (replayed) res.header('Idempotent-Replayed', 'true');
    return result;
  }
}
