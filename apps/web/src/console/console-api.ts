import type { Form } from '@sop/model';
import { requestJson } from '../api';

/** The API's answers the console reads (apps/api/src/cases/case-view.ts). */
export interface StepRef {
  id: string;
  number: string | null;
  label: string | null;
  activity: string | null;
  kind?: string | null;
}

export interface InboxItem {
  id: string;
  ticket: string;
  version: number;
  kind: 'complaint' | 'periodic';
  status: 'open' | 'done';
  step: StepRef;
  lane: string;
  channel: string | null;
  category: string | null;
  overdue: boolean;
  /** The case waits for the complainant at a step of the citizen's lane (your lane may record their answer). */
  waitingOnCitizen: boolean;
  /** The unit of a lane with units (a Bidang), or null. */
  unit: { id: string; name: string } | null;
  /** The lane asked about the case (coordination), or null. */
  consultingLane: string | null;
  /** The date an officer set; the case waits until then. */
  waitingUntil: string | null;
  /** The officer who claimed the case within its lane; `mine` when it is you. */
  assignee: { name: string | null; mine: boolean } | null;
  createdAt: string;
  dueAt: string | null;
  /** The deadline lies in a year without an official holiday list: an estimate. */
  dueAtProvisional: boolean;
  timeLeftMinutes: number | null;
}

export interface InboxPage {
  items: InboxItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface AllowedEvent {
  type: 'COMPLETE' | 'CHOOSE' | 'ESCALATE' | 'REJECT';
  outcome?: string;
  label: string | null;
  target: string;
  escalates: boolean;
  rejects: boolean;
  /** The event ends the case (its target is an end step). */
  finishes: boolean;
  /** The document the outcome produces, as the SOP writes it. */
  document?: string | null;
}

/** What an officer sends: an allowed event, or CONSULT (with the lane asked), ANSWER, SCHEDULE (with the date). */
export interface CaseEventInput {
  type: AllowedEvent['type'] | 'CONSULT' | 'ANSWER' | 'SCHEDULE';
  outcome?: string;
  lane?: string;
  until?: string;
  /** Tokens of files uploaded for the event (POST /api/attachments). */
  attachments?: string[];
}

export interface KartuLine {
  seq: number;
  event: string;
  outcome: string | null;
  outcomeLabel: string | null;
  from: { step: StepRef | null; lane: string | null; laneName: string | null };
  to: { step: StepRef | null; lane: string | null; laneName: string | null };
  receivedAt: string;
  handedOverAt: string;
  officer: string;
  limit: string | null;
  dueAt: string | null;
  spentWorkingMinutes: number | null;
  overLimit: boolean | null;
  /** Internal: the office's own note. */
  note: string | null;
  /** The reply to the complainant, shown (identity struck out) on the public ticket page. */
  reply: string | null;
  /** An officer recorded the complainant's own answer on their behalf. */
  onBehalfOfCitizen: boolean;
  /** The document the outcome produced (berita acara, surat keberatan). */
  document: string | null;
  /** On a SCHEDULE line: the date set. */
  scheduledFor: string | null;
}

export interface CaseDetail {
  id: string;
  ticket: string;
  version: number;
  kind: 'complaint' | 'periodic';
  periodic: { id: string; name: string; period: string | null } | null;
  sop: { id: string; version: number; title: string; regency: string; timeZone: string };
  status: 'open' | 'done';
  step: StepRef & {
    lane: string;
    laneName: string;
    waktu: string | null;
    output: string | null;
    keterangan: string | null;
    template: { id: string; name: string; text: string } | null;
  };
  endStep: StepRef | null;
  channel: string | null;
  category: string | null;
  overdue: boolean;
  createdAt: string;
  /** When the complaint was actually received (docs/adr/0023). */
  receivedAt?: string;
  /** What the caller said, verbatim (identity struck out for lanes that may not see it). */
  callerWords?: string | null;
  closedAt: string | null;
  stepEnteredAt: string;
  dueAt: string | null;
  /** The deadline lies in a year without an official holiday list: an estimate. */
  dueAtProvisional: boolean;
  deadlineNote: string | null;
  timeLeftMinutes: number | null;
  canAct: boolean;
  /** The case waits for the complainant at a step of the citizen's lane. */
  waitingOnCitizen: boolean;
  /** The officer who claimed the case within its lane, since when; `mine` when it is you. */
  assignee: { name: string | null; since: string | null; mine: boolean } | null;
  /** You record the complainant's answer on their behalf (your lane answers for the step). */
  actsForCitizen: boolean;
  /** The unit of a lane with units (a Bidang), or null. */
  unit: { id: string; name: string } | null;
  /** The lane asked about the case, since when; null when none is. */
  consulting: { lane: string; laneName: string; since: string } | null;
  /** Your lane was asked and may answer. */
  canAnswer: boolean;
  /** The lanes you may ask (you hold the case and none is asked yet). */
  coordination: { lane: string; laneName: string; label: string | null }[];
  /** The step may wait for a date an officer sets: what, whether you may set it, and the date set. */
  schedule: { label: string | null; canSet: boolean; until: string | null } | null;
  /** Routing by the complaint's field: the outcome its value leads to. */
  suggestedOutcome: string | null;
  /** What the step's time passing does (for a citizen step: how silence settles it). */
  onTimeout: {
    action: 'flag' | 'escalate' | 'complete' | 'choose';
    outcome: string | null;
    outcomeLabel: string | null;
    to: StepRef | null;
    finishes: boolean;
    /** Not printed in the source: a platform decision, with its note. */
    inferred: { note: string | null } | null;
  } | null;
  allowedEvents: AllowedEvent[];
  form: {
    title: string;
    fields: {
      id: string;
      label: string;
      type: string;
      confidential: boolean;
      /** the value shown is not the one filed (masked, or identity struck out of a text) */ masked: boolean;
      value: string | null;
    }[];
    canReveal: boolean;
  };
  logbook?: { ticket: string; channel: string | null; category: string | null; status: string; created_at: string }[];
  kartuKendali: KartuLine[];
}

export interface Channel {
  id: string;
  kind: string;
  label: string;
}

export interface InboxQuery {
  /** open: waiting in your lanes now; scheduled: open but waiting for a date an officer set; done. */
  status: 'open' | 'done' | 'scheduled';
  overdue: '' | 'true' | 'false';
  channel: string;
  step: string;
  ticket: string;
  page: number;
}

export const fetchInbox = (token: string, q: InboxQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams({ status: q.status === 'scheduled' ? 'open' : q.status, page: String(q.page), pageSize: '20' });
  if (q.status === 'scheduled') params.set('scheduled', 'true');
  if (q.overdue) params.set('overdue', q.overdue);
  if (q.channel) params.set('channel', q.channel);
  if (q.step) params.set('step', q.step);
  if (q.ticket.trim()) params.set('ticket', q.ticket.trim());
  return requestJson<InboxPage>(`/api/cases?${params}`, { token, signal });
};

export const fetchCase = (token: string, id: string, signal?: AbortSignal) => requestJson<CaseDetail>(`/api/cases/${id}`, { token, signal });

export const revealIdentity = (token: string, id: string) =>
  requestJson<{ fields: Record<string, string> }>(`/api/cases/${id}/reveal`, { method: 'POST', token });

export const sendCaseEvent = (token: string, id: string, body: CaseEventInput & { note?: string; reply?: string; version: number }, idempotencyKey: string) =>
  requestJson<{ version: number; step: string; status: string }>(`/api/cases/${id}/events`, {
    method: 'POST',
    token,
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const registerCase = (
  token: string,
  body: {
    sop: string;
    channel: string;
    data: Record<string, string>;
    receivedAt?: string;
    callerWords?: string;
    nikOverride?: { field: string; reason: string };
  },
) => requestJson<{ id: string; ticket: string; accessCode: string }>('/api/cases', { method: 'POST', token, body });

/** The intake form and channels of an SOP's version (the latest when `version` is omitted). */
export interface SopForIntake {
  id: string;
  version: number;
  title: string;
  regency: string;
  sop: import('@sop/model').SopDocument;
  form: Form;
  channels: Channel[];
}

export const fetchSopVersion = (id: string, version?: number, signal?: AbortSignal) =>
  requestJson<SopForIntake>(version ? `/api/sops/${encodeURIComponent(id)}/versions/${version}` : `/api/sops/${encodeURIComponent(id)}`, { signal });

/** A message to the complainant from the outbox (docs/adr/0015-notifications-outbox.md): never the address, only its masked form. */
export interface CaseNotification {
  id: number;
  moment: 'filed' | 'reply' | 'closed';
  channel: 'email' | 'whatsapp' | 'sms';
  to: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export const fetchCaseNotifications = (token: string, id: string, signal?: AbortSignal) =>
  requestJson<{ items: CaseNotification[] }>(`/api/cases/${id}/notifications`, { token, signal });

/** Claims the case within its lane; `takeOver` with a note takes a colleague's claim. */
export const claimCase = (token: string, id: string, body: { takeOver?: boolean; note?: string }) =>
  requestJson<{ assignee: string | null; since: string | null }>(`/api/cases/${id}/claim`, { method: 'POST', token, body });

/** Gives a claimed case back to its lane. */
export const releaseCase = (token: string, id: string) => requestJson<{ released: boolean }>(`/api/cases/${id}/release`, { method: 'POST', token, body: {} });
