import { requestJson } from '../api';

/** The API's answer to a filed complaint. */
export interface FiledComplaint {
  ticket: string;
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
export interface PublicComplaint {
  ticket: string;
  sop: { id: string; title: string; regency: string; office?: string | null; timeZone?: string };
  status: 'open' | 'done';
  endStep: PublicStepRef | null;
  currentStep: { number: string | null; label: string | null; activity: string | null; laneName: string | null };
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
