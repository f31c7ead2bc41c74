/**
 * The public complaint API (`/api/public/complaints`) as the citizen's pages use it: no personal data,
 * no officers' names, never the internal notes. Built by apps/api/src/cases/case-view.ts (publicView),
 * read by apps/web/src/public. `T` is the type of an instant, as in ./cases.ts.
 */
import type { CaseStatus, StepRef, TimeoutView } from './cases';
import type { KartuEventType, MachineEventType } from './events';

/** One answer the complainant may give at a citizen step. */
export interface CitizenAnswer {
  type: MachineEventType;
  outcome: string | null;
  label: string | null;
  /** The answer ends the complaint. */
  finishes: boolean;
}

/** What the complainant is asked when the case waits for them (a step in the citizen's lane). */
export interface CitizenStep<T = string> {
  step: StepRef;
  output: string | null;
  kelengkapan: string | string[] | null;
  answers: CitizenAnswer[];
  dueAt: T | null;
  /** What happens when the complainant does not answer in time. */
  onTimeout: TimeoutView | null;
  /** False for a complaint filed before access codes existed: only the office can record the answer. */
  accessCode: boolean;
}

/** Progress in plain words: a stage passed, the current one, or one ahead on the slowest path. */
export interface PublicStage<T = string> {
  step: string;
  label: string;
  state: 'done' | 'current' | 'next';
  /** When the complaint reached it (done and current stages). */
  at: T | null;
}

/** One hand-over as the complainant sees it. */
export interface PublicTimelineEntry<T = string> {
  at: T;
  event: KartuEventType;
  outcomeLabel: string | null;
  from: StepRef | null;
  to: StepRef | null;
  toLaneName: string | null;
  /** The document the hand-over produced (berita acara, surat keberatan). */
  document: string | null;
  /** On a SCHEDULE line: the date set. */
  scheduledFor: T | null;
  /** The office's reply sent with this hand-over (identity struck out), or null. */
  reply: string | null;
}

/** What a citizen sees of a complaint (GET /api/public/complaints/{ticket}). */
export interface PublicComplaint<T = string> {
  ticket: string;
  /** The version to send with an answer (409 when the complaint moved since). */
  version: number;
  sop: { id: string; title: string; regency: string; office: string | null; timeZone: string };
  status: CaseStatus;
  /**
   * The complaint was handed to the agency whose it is (an SOP outcome of kind referral: SP4N-LAPOR!'s
   * Bukan Wewenang, dilimpahkan to the Inspektorat): the outcome as the SOP words it, and when; null otherwise.
   */
  referral: { label: string | null; at: T } | null;
  /** A date the office set (a re-meeting): what, and when. */
  scheduled: { label: string | null; until: T } | null;
  /** Set when the complaint waits for the complainant. */
  citizenStep: CitizenStep<T> | null;
  endStep: StepRef | null;
  currentStep: { number: string | null; label: string | null; activity: string | null; laneName: string | null; publicLabel: string | null };
  /** When the office promises to have finished, counted from filing (docs/adr/0015). */
  promisedBy: T | null;
  /** `standard`: the service standard's jangka waktu penyelesaian the SOP prints; `sop`: the SOP's worst case on the office calendar; `lapor`: the national limit (the SOP loops or is silent). */
  promisedBasis: 'standard' | 'sop' | 'lapor' | null;
  /**
   * With the service standard: the conditions the SOP prints for its time, as written ("sejak berkas
   * pengaduan dinyatakan lengkap"); null when it prints none. `promisedBy` is still counted from filing.
   */
  promisedCondition: string | null;
  /** The promised date touches a year without an official holiday list. */
  provisional: boolean;
  /** The complaint is still open past `promisedBy` (by the server's clock). */
  promisePassed: boolean;
  stages: PublicStage<T>[];
  createdAt: T;
  closedAt: T | null;
  dueAt: T | null;
  /** The date is an estimate: the official holiday list of its year is not loaded yet. */
  dueAtProvisional: boolean;
  timeline: PublicTimelineEntry<T>[];
  /** The office's most recent reply to the complainant, or null when it has not replied yet. */
  latestReply: { at: T; text: string } | null;
}

/** A complaint a citizen files (POST /api/public/complaints). */
export interface FileComplaintRequest {
  sop: string;
  channel?: string;
  data: Record<string, string>;
}

/** The API's answer to a filed complaint. */
export interface FiledComplaint<T = string> {
  ticket: string;
  /** The complainant's access code to the SOP's citizen steps: shown once, never again. */
  accessCode: string;
  status: CaseStatus;
  createdAt: T;
  sop: { id: string; regency: string };
  message: string;
}

/** The complainant's answer at a citizen step (POST /api/public/complaints/{ticket}/events, with X-Access-Code). */
export interface CitizenEventRequest {
  type: MachineEventType;
  /** The outcome id, for CHOOSE. */
  outcome?: string;
  /** The complainant's own words for the office; kept in the kartu kendali. */
  note?: string;
  /** Files the step asks for, uploaded first (POST /api/public/complaints/{ticket}/attachments): their tokens, at most 10. */
  attachments?: string[];
  /** The version shown on the ticket page (409 when the complaint moved since). */
  version: number;
}

/** The answer to the complainant's event. */
export interface CitizenEventResponse {
  ticket: string;
  version: number;
  status: CaseStatus;
  step: string;
  event: MachineEventType;
  outcome: string | null;
}
