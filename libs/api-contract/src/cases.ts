/**
 * The case API (`/api/cases`) as operators use it: the inbox, a case with its kartu kendali, the event
 * an officer sends. Built by apps/api/src/cases/case-view.ts, read by apps/web/src/console.
 *
 * `T` is the type of an instant: `Date` in the API before the answer is written, `string` (ISO 8601)
 * on the wire, which is what the web app reads (the default).
 */
import type { EventType, KartuEventType, MachineEventType } from './events';

export type CaseKind = 'complaint' | 'periodic';
export type CaseStatus = 'open' | 'done';
export type StepKind = 'start' | 'task' | 'decision' | 'end';

/** A step as the case names it: as the SOP writes it; the fields are null for a step the SOP no longer has. */
export interface StepRef {
  id: string;
  number: string | null;
  label: string | null;
  activity: string | null;
  kind: StepKind | null;
  /** The step's words for the complainant (docs/adr/0015). */
  publicLabel: string | null;
}

/** The unit of a lane with units (a Bidang). */
export interface UnitRef {
  id: string;
  name: string;
}

/** A case in the inbox (GET /api/cases). */
export interface InboxItem<T = string> {
  id: string;
  ticket: string;
  version: number;
  kind: CaseKind;
  status: CaseStatus;
  step: Pick<StepRef, 'id' | 'number' | 'label' | 'activity'>;
  lane: string;
  channel: string | null;
  category: string | null;
  overdue: boolean;
  /** The case waits for the complainant at a step of the citizen's lane (your lane may record their answer). */
  waitingOnCitizen: boolean;
  /** The unit of a lane with units (a Bidang), or null. */
  unit: UnitRef | null;
  /** The lane asked about the case (coordination), or null. */
  consultingLane: string | null;
  /** The date an officer set; the case waits until then. */
  waitingUntil: T | null;
  /** The officer who claimed the case within its lane; `mine` when it is you. */
  assignee: { name: string | null; mine: boolean } | null;
  createdAt: T;
  dueAt: T | null;
  /** The deadline lies in a year without an official holiday list: an estimate. */
  dueAtProvisional: boolean;
  timeLeftMinutes: number | null;
}

export interface InboxPage<T = string> {
  items: InboxItem<T>[];
  page: number;
  pageSize: number;
  total: number;
}

/** An event the current step accepts, as offered to the person working it. */
export interface AllowedEventView {
  type: MachineEventType;
  outcome?: string;
  label: string | null;
  target: string;
  escalates: boolean;
  rejects: boolean;
  /** With the decision's routeBy: the field values that lead to this outcome. */
  when?: string[];
  /** The event ends the case (its target is an end step). */
  finishes: boolean;
  /** The document the outcome produces, as the SOP writes it. */
  document?: string | null;
}

/** What an officer sends (POST /api/cases/:id/events): an allowed event, or CONSULT (with the lane asked), ANSWER, SCHEDULE (with the date). */
export interface CaseEventRequest {
  type: EventType;
  /** The decision outcome's id, for CHOOSE. */
  outcome?: string;
  /** With CONSULT: the lane asked. */
  lane?: string;
  /** With SCHEDULE: the date (YYYY-MM-DD, from the start of that day in the office's time zone) or instant the case waits until. */
  until?: string;
  /** Tokens of files uploaded for the event (POST /api/attachments). */
  attachments?: string[];
  /** Internal: the office's own note. */
  note?: string;
  /** The reply to the complainant, shown on the public ticket page. */
  reply?: string;
  /** The case version the client saw (409 when stale). */
  version: number;
}

/** The answer to an accepted event (a retry with the same Idempotency-Key gets the same answer again). */
/** POST /api/cases/{id}/reply-preview: a reply as it is about to be sent. */
export interface ReplyPreviewRequest {
  reply: string;
}

/** The reply as the complainant will read it on the ticket page and in messages: their identity struck, the office's own contacts kept. */
export interface ReplyPreviewResponse {
  reply: string;
}

export interface CaseEventResponse<T = string> {
  id: string;
  ticket: string;
  /** The case's version now: send it with the next event. */
  version: number;
  step: string;
  lane: string;
  status: CaseStatus;
  dueAt: T | null;
  /** The kartu kendali line the event wrote. */
  entry: {
    seq: number;
    event: KartuEventType;
    outcome: string | null;
    fromStep: string | null;
    toStep: string;
    officer: string;
    note: string | null;
    reply: string | null;
  };
}

/** One line of the kartu kendali as operators see it. */
export interface KartuLine<T = string> {
  seq: number;
  event: KartuEventType;
  outcome: string | null;
  outcomeLabel: string | null;
  from: { step: StepRef | null; lane: string | null; laneName: string | null };
  to: { step: StepRef | null; lane: string | null; laneName: string | null };
  receivedAt: T;
  handedOverAt: T;
  officer: string;
  limit: string | null;
  dueAt: T | null;
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
  scheduledFor: T | null;
}

/** What the step's time passing does, with the outcome's label (for a citizen step: how silence settles it). */
export interface TimeoutView {
  action: 'flag' | 'escalate' | 'complete' | 'choose';
  outcome: string | null;
  outcomeLabel: string | null;
  to: StepRef | null;
  finishes: boolean;
  /** Not printed in the source: a platform decision (ADR 0011), with its note. */
  inferred: { note: string | null } | null;
}

/** A form field as an operator sees it. */
export interface CaseFormField {
  id: string;
  label: string;
  type: string;
  confidential: boolean;
  /** The value shown is not the one filed (masked, or identity struck out of a text). */
  masked: boolean;
  value: string | null;
}

/** A case as an operator sees it (GET /api/cases/:id): form data masked. */
export interface CaseDetail<T = string> {
  id: string;
  ticket: string;
  version: number;
  kind: CaseKind;
  periodic: { id: string; name: string; period: string | null } | null;
  sop: { id: string; version: number; title: string; regency: string; timeZone: string };
  status: CaseStatus;
  step: StepRef & {
    lane: string;
    laneName: string;
    waktu: string | null;
    kelengkapan: string | string[] | null;
    output: string | null;
    keterangan: string | null;
    template: { id: string; name: string; text: string } | null;
  };
  endStep: StepRef | null;
  channel: string | null;
  category: string | null;
  overdue: boolean;
  createdAt: T;
  /** When the complaint was actually received (docs/adr/0023). */
  receivedAt: T;
  /** What the caller said, verbatim (identity struck out for lanes that may not see it). */
  callerWords: string | null;
  closedAt: T | null;
  stepEnteredAt: T;
  dueAt: T | null;
  /** The deadline lies in a year without an official holiday list: an estimate. */
  dueAtProvisional: boolean;
  deadlineNote: string | null;
  timeLeftMinutes: number | null;
  canAct: boolean;
  /** The officer who claimed the case within its lane, since when; `mine` when it is you. */
  assignee: { name: string | null; since: T | null; mine: boolean } | null;
  /** The case waits for the complainant at a step of the citizen's lane. */
  waitingOnCitizen: boolean;
  /** You record the complainant's answer on their behalf (your lane answers for the step). */
  actsForCitizen: boolean;
  /** What the step's time passing does (for a citizen step: how silence settles it). */
  onTimeout: TimeoutView | null;
  /** The unit of a lane with units (a Bidang), or null. */
  unit: UnitRef | null;
  /** The lane asked about the case, since when; null when none is. */
  consulting: { lane: string; laneName: string; since: T | null } | null;
  /** Your lane was asked and may answer. */
  canAnswer: boolean;
  /** The lanes you may ask (you hold the case and none is asked yet). */
  coordination: { lane: string; laneName: string; label: string | null }[];
  /** The step may wait for a date an officer sets: what, whether you may set it, and the date set. */
  schedule: { label: string | null; canSet: boolean; until: T | null } | null;
  /** Routing by the complaint's field: the outcome its value leads to. */
  suggestedOutcome: string | null;
  allowedEvents: AllowedEventView[];
  form: { title: string; fields: CaseFormField[]; canReveal: boolean };
  /** A periodic run's logbook: the complaints of its period, the first 500 of them. */
  logbook?: PeriodicLogbookEntry<T>[];
  /** A periodic run: how many complaints its period has (more than `logbook` lists in a large period). */
  logbookTotal?: number;
  kartuKendali: KartuLine<T>[];
}

/** A complaint as a periodic run's logbook lists it. */
export interface PeriodicLogbookEntry<T = string> {
  ticket: string;
  channel: string | null;
  category: string | null;
  status: string;
  created_at: T;
}

/** An officer's registration of a complaint received by phone, WhatsApp, letter (POST /api/cases). */
export interface RegisterCaseRequest {
  sop: string;
  channel: string;
  data: Record<string, string>;
  /** When the complaint was actually received (ISO 8601), at most 14 days back (docs/adr/0023). */
  receivedAt?: string;
  /** What the caller said, verbatim. */
  callerWords?: string;
  /** Accept a NIK that fails an offline rule, with the reason (recorded and audited). */
  nikOverride?: { field: string; reason: string };
}

/** The answer to a registration: the access code is shown once, for the complainant. */
export interface RegisterCaseResponse<T = string> {
  id: string;
  ticket: string;
  accessCode: string;
  version: number;
  step: string;
  lane: string;
  dueAt: T | null;
}
