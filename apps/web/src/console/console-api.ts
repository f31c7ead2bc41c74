import type {
  CaseDetail,
  CaseEventRequest,
  CaseEventResponse,
  InboxPage,
  RegisterCaseRequest,
  RegisterCaseResponse,
  ReplyPreviewRequest,
  ReplyPreviewResponse,
} from '@sop/api-contract';
import type { Form } from '@sop/model';
import { requestJson } from '../api';

/** The API's answers the console reads: the contract the API builds them to (@sop/api-contract). */
export type {
  AllowedEventView as AllowedEvent,
  CaseDetail,
  CaseEventRequest,
  CaseEventResponse,
  InboxItem,
  InboxPage,
  KartuLine,
  RegisterCaseRequest,
  RegisterCaseResponse,
  StepRef,
} from '@sop/api-contract';

/** What an officer sends, without the version and texts the send adds. */
export type CaseEventInput = Omit<CaseEventRequest, 'note' | 'reply' | 'version'>;

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

/** A reply as the complainant will read it: their identity struck, the office's contacts kept (nothing is saved). */
export const previewReply = (token: string, id: string, reply: string, signal?: AbortSignal) =>
  requestJson<ReplyPreviewResponse>(`/api/cases/${id}/reply-preview`, { method: 'POST', token, body: { reply } satisfies ReplyPreviewRequest, signal });

export const revealIdentity = (token: string, id: string) =>
  requestJson<{ fields: Record<string, string> }>(`/api/cases/${id}/reveal`, { method: 'POST', token });

export const sendCaseEvent = (token: string, id: string, body: CaseEventRequest, idempotencyKey: string) =>
  requestJson<CaseEventResponse>(`/api/cases/${id}/events`, {
    method: 'POST',
    token,
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const registerCase = (token: string, body: RegisterCaseRequest) => requestJson<RegisterCaseResponse>('/api/cases', { method: 'POST', token, body });

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
