import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CaseState, KartuEntry } from '@sop/case-engine';

/** The case events an endpoint may subscribe to (docs/adr/0019-webhooks.md). */
export const WEBHOOK_EVENTS = ['filed', 'handed_over', 'overdue', 'closed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What the same statement as a case write queues for the regency's endpoints: the event and its payload (no identity). */
export interface WebhookMessage {
  event: WebhookEvent;
  /** The JSON body without the case id (the statement adds it: a new case's id is the database's). */
  payload: string;
}

/**
 * The webhook event one accepted case write is, if any: the filing; a write that closes the case;
 * a passed deadline on an office step (the case is overdue, whether or not the SOP escalates it);
 * otherwise a move to another step or lane (a hand-over). A note, a consultation on the same step
 * or a citizen step's silence that keeps the case where it is, is none.
 */
export function webhookEventOf(
  before: { status: string; step: string; lane: string } | null,
  next: Pick<CaseState, 'status' | 'step' | 'lane'>,
  entry: Pick<KartuEntry, 'event'>,
  options: { waited?: boolean; citizenStep?: boolean } = {},
): WebhookEvent | null {
  if (!before) return 'filed';
  if (before.status === 'open' && next.status === 'done') return 'closed';
  if (entry.event === 'EXPIRE' && !options.waited && !options.citizenStep) return 'overdue';
  if (before.step !== next.step || before.lane !== next.lane) return 'handed_over';
  return null;
}

/**
 * The body every subscribed endpoint receives: what happened to which case, where it is now and
 * until when; never the complainant's identity, the complaint text, notes or replies (an endpoint
 * granted the identity gets it added at delivery, as its lane sees it).
 */
export function webhookPayload(args: {
  event: WebhookEvent;
  regency: string;
  occurredAt: Date;
  ticket: string;
  sopVersionId: string;
  channel: string | null;
  category: string | null;
  version: number;
  state: Pick<CaseState, 'status' | 'step' | 'lane' | 'dueAt' | 'overdue' | 'endStep'>;
  entry: Pick<KartuEntry, 'event' | 'outcome' | 'fromStep' | 'fromLane' | 'toStep' | 'toLane'> | null;
}): string {
  const { state, entry } = args;
  return JSON.stringify({
    event: `case.${args.event}`,
    occurredAt: args.occurredAt.toISOString(),
    regency: args.regency,
    case: {
      id: null,
      ticket: args.ticket,
      sopVersionId: args.sopVersionId,
      channel: args.channel,
      category: args.category,
      version: args.version,
      status: state.status,
      step: state.step,
      lane: state.lane,
      endStep: state.endStep,
      dueAt: state.dueAt ? new Date(state.dueAt).toISOString() : null,
      overdue: state.overdue,
    },
    transition: entry
      ? { event: entry.event, outcome: entry.outcome, from: { step: entry.fromStep, lane: entry.fromLane }, to: { step: entry.toStep, lane: entry.toLane } }
      : null,
  });
}

/** The signature header of one delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Checks a signature header as a receiver should (docs/webhooks.md): the MAC over the timestamp and
 * the raw body, compared in constant time, and the timestamp within `toleranceSeconds` of `now`.
 */
export function verifySignature(secret: string, header: string, body: string, now: Date, toleranceSeconds = 300): boolean {
  const parts: Record<string, string | undefined> = Object.fromEntries(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureHeader(secret, t, body).split('v1=')[1], 'hex');
  return timingSafeEqual(expected, Buffer.from(parts.v1 ?? '', 'hex'));
}
