import { requestJson } from '../api';

/** The API's answer to a filed complaint. */
export interface FiledComplaint {
  ticket: string;
  /** The complainant's access code to the SOP's citizen steps: shown once, never again. */
  accessCode: string;
  status: 'open' | 'done';
  createdAt: string;
  sop: { id: string; regency: string };
  message: string;
}

/** A step as the public view names it: as the SOP writes it. */
export interface PublicStepRef {
  id: string;
  number: string | null;
  label: string | null;
  activity: string | null;
  kind: 'start' | 'task' | 'decision' | 'end' | null;
}

/** What a citizen sees of a complaint (`GET /api/public/complaints/{ticket}`): no personal data, no officers. */
/** One answer the complainant may give at a citizen step. */
export interface CitizenAnswer {
  type: 'COMPLETE' | 'CHOOSE' | 'ESCALATE' | 'REJECT';
  outcome: string | null;
  label: string | null;
  /** The answer ends the complaint. */
  finishes: boolean;
}

/** What the complainant is asked when the case waits for them (a step in the citizen's lane). */
export interface CitizenStep {
  step: PublicStepRef;
  output: string | null;
  kelengkapan: string[] | null;
  answers: CitizenAnswer[];
  dueAt: string | null;
  /** What happens when the complainant does not answer in time. */
  onTimeout: { action: 'flag' | 'escalate' | 'complete' | 'choose'; outcome: string | null; outcomeLabel: string | null; finishes: boolean } | null;
  /** False for a complaint filed before access codes existed: only the office can record the answer. */
  accessCode: boolean;
}

export interface PublicComplaint {
  ticket: string;
  /** The version to send with an answer (409 when the complaint moved since). */
  version: number;
  /** Set when the complaint waits for the complainant. */
  citizenStep: CitizenStep | null;
  /** A date the office set (a re-meeting): what, and when. */
  scheduled: { label: string | null; until: string } | null;
  sop: { id: string; title: string; regency: string; office?: string | null; timeZone?: string };
  status: 'open' | 'done';
  endStep: PublicStepRef | null;
  currentStep: { number: string | null; label: string | null; activity: string | null; laneName: string | null; publicLabel?: string | null };
  /** When the office promises to have finished, counted from filing (docs/adr/0015). */
  promisedBy?: string | null;
  /** `sop`: the SOP's worst case on the office calendar; `lapor`: the national limit (the SOP loops or is silent). */
  promisedBasis?: 'sop' | 'lapor' | null;
  /** The promised date touches a year without an official holiday list. */
  provisional?: boolean;
  /** Progress in plain words: the stages passed, the current one, those ahead. */
  stages?: { step: string; label: string; state: 'done' | 'current' | 'next'; at: string | null }[];
  createdAt: string;
  closedAt: string | null;
  dueAt: string | null;
  /** The date is an estimate: the official holiday list of its year is not loaded yet. */
  dueAtProvisional: boolean;
  timeline: {
    at: string;
    event: 'START' | 'COMPLETE' | 'CHOOSE' | 'ESCALATE' | 'REJECT' | 'EXPIRE' | string;
    outcomeLabel: string | null;
    from: PublicStepRef | null;
    to: PublicStepRef | null;
    toLaneName: string | null;
    /** The document the hand-over produced (berita acara, surat keberatan). */
    document?: string | null;
    /** On a SCHEDULE line: the date set. */
    scheduledFor?: string | null;
    /** The office's reply sent with this hand-over (identity struck out), or null. */
    reply: string | null;
  }[];
  /** The office's most recent reply to the complainant, or null when it has not replied yet. */
  latestReply: { at: string; text: string } | null;
}

export const fileComplaint = (body: { sop: string; channel?: string; data: Record<string, string> }) =>
  requestJson<FiledComplaint>('/api/public/complaints', { method: 'POST', body });

export const fetchPublicComplaint = (ticket: string, signal?: AbortSignal) =>
  requestJson<PublicComplaint>(`/api/public/complaints/${encodeURIComponent(ticket)}`, { signal });

/** The complainant answers the citizen step the complaint waits at, with their access code. */
export const answerCitizenStep = (
  ticket: string,
  accessCode: string,
  body: { type: CitizenAnswer['type']; outcome?: string; note?: string; version: number },
  idempotencyKey: string,
) =>
  requestJson<{ ticket: string; version: number; status: 'open' | 'done'; step: string }>(`/api/public/complaints/${encodeURIComponent(ticket)}/events`, {
    method: 'POST',
    body,
    headers: { 'x-access-code': accessCode, 'idempotency-key': idempotencyKey },
  });
