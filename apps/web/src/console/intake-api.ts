import { requestJson } from '../api';

/** A complaint found by the complainant's NIK or phone (docs/adr/0023): never the value itself. */
export interface IdentityMatch {
  id: string;
  ticket: string;
  status: 'open' | 'done';
  step: string;
  stepLabel: string;
  lane: string;
  laneName: string;
  channel: string | null;
  createdAt: string;
  receivedAt: string | null;
  matchedBy: ('nik' | 'phone')[];
}

/** What is searched: travels in the request body, never in the address bar. */
export interface IdentityQuery {
  nik?: string;
  phone?: string;
}

export const searchByIdentity = (token: string, q: IdentityQuery, page = 1) =>
  requestJson<{ items: IdentityMatch[]; total: number; page: number; pageSize: number }>('/api/cases/search', {
    method: 'POST',
    token,
    body: { ...q, page, pageSize: 20 },
  });

export const checkDuplicates = (token: string, q: IdentityQuery) =>
  requestJson<{ windowDays: number; total: number; items: IdentityMatch[] }>('/api/cases/duplicates', { method: 'POST', token, body: q });

export const fetchCaseDuplicates = (token: string, id: string, signal?: AbortSignal) =>
  requestJson<{ windowDays: number; total: number; items: IdentityMatch[] | null }>(`/api/cases/${id}/duplicates`, { token, signal });

/** The lanes that may see a complainant's identity (ADR 0005): the intake lanes and those the SOP names. */
export function identityLanes(intakeLanes: readonly string[], revealTo: readonly string[] | undefined): string[] {
  return [...new Set([...intakeLanes, ...(revealTo ?? [])])];
}
