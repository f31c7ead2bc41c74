import type { CitizenEventRequest, CitizenEventResponse, FileComplaintRequest, FiledComplaint, PublicComplaint } from '@sop/api-contract';
import { requestJson } from '../api';

/** What the citizen's pages read and send: the contract the API builds them to (@sop/api-contract). */
export type {
  CitizenAnswer,
  CitizenEventRequest,
  CitizenEventResponse,
  CitizenStep,
  FileComplaintRequest,
  FiledComplaint,
  PublicComplaint,
  PublicStage,
  PublicTimelineEntry,
  StepRef as PublicStepRef,
} from '@sop/api-contract';

/**
 * Files a complaint. `idempotencyKey`: one per submission, sent again with a retry of the same
 * submission, so that a retry after a lost answer files nothing new and gets the same ticket and
 * access code (see submissionKey).
 */
export const fileComplaint = (body: FileComplaintRequest, idempotencyKey?: string) =>
  requestJson<FiledComplaint>('/api/public/complaints', {
    method: 'POST',
    body,
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined,
  });

const SUBMISSION_KEY = 'sop.public.filing-key';

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** A random UUID; crypto.randomUUID is only there on https and localhost, getRandomValues everywhere. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short digest of the request (cyrb53): what is kept beside the key, not the form's personal data. */
function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The key in use and the digest of the request it was made for (also kept here, should sessionStorage be off). */
let current: { key: string; request: string } | null = null;

/**
 * The Idempotency-Key of a submission: the same while the form sends the same thing (a retry after
 * a failure, also after a reload: kept in sessionStorage), a new one once the form changed. Forgotten
 * when a complaint is filed (forgetSubmissionKey), so that the next complaint gets its own.
 */
export function submissionKey(body: FileComplaintRequest): string {
  const store = sessionStore();
  const request = digest(JSON.stringify(body));
  try {
    const kept: unknown = JSON.parse(store?.getItem(SUBMISSION_KEY) ?? 'null');
    if (typeof kept === 'object' && kept !== null) {
      const { key, request: keptRequest } = kept as { key?: unknown; request?: unknown };
      if (typeof key === 'string' && keptRequest === request) return key;
    }
  } catch {
    /* unreadable: the one in memory, or a new key */
  }
  if (current?.request !== request) current = { key: newKey(), request };
  try {
    store?.setItem(SUBMISSION_KEY, JSON.stringify(current));
  } catch {
    /* storage full or off: the key in memory serves this page's retries */
  }
  return current.key;
}

/** After a filing (or a key the API no longer takes for this body): the next submission gets a new key. */
export function forgetSubmissionKey(): void {
  current = null;
  try {
    sessionStore()?.removeItem(SUBMISSION_KEY);
  } catch {
    /* nothing kept */
  }
}

export const fetchPublicComplaint = (ticket: string, signal?: AbortSignal) =>
  requestJson<PublicComplaint>(`/api/public/complaints/${encodeURIComponent(ticket)}`, { signal });

/** The complainant answers the citizen step the complaint waits at, with their access code. */
export const answerCitizenStep = (ticket: string, accessCode: string, body: CitizenEventRequest, idempotencyKey: string) =>
  requestJson<CitizenEventResponse>(`/api/public/complaints/${encodeURIComponent(ticket)}/events`, {
    method: 'POST',
    body,
    headers: { 'x-access-code': accessCode, 'idempotency-key': idempotencyKey },
  });
