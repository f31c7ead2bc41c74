import type { SopDocument, SopInspection } from '@sop/model';

export interface SopSummary {
  id: string;
  version: number;
  title: string;
  regency: string;
  timeZone: string;
  publishedAt: string;
  lanes: number;
  steps: number;
}

export interface SopList {
  sops: SopSummary[];
  rejected: { file: string; issues?: unknown[] }[];
}

export interface SopDetail extends SopSummary {
  yaml: string;
  sop: SopDocument;
  inspection: SopInspection;
  changeNote: string | null;
  publishedBy: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!res.ok) {
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
    throw new ApiError(res.status, message);
  }
  return body as T;
}

export const fetchSops = (signal?: AbortSignal) => getJson<SopList>('/api/sops', signal);
export const fetchSop = (id: string, signal?: AbortSignal) => getJson<SopDetail>(`/api/sops/${encodeURIComponent(id)}`, signal);

/** A located issue of a refused publication (422). */
export interface PublishIssue {
  severity: string;
  code: string;
  message: string;
  pointer: string;
  line: number;
  column: number;
}

export class PublishError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly issues: PublishIssue[],
  ) {
    super(status, message);
  }
}

async function postJson<T>(path: string, payload: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(payload) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!res.ok) {
    const obj = typeof body === 'object' && body ? (body as { message?: unknown; issues?: unknown }) : {};
    const message = obj.message !== undefined ? String(obj.message) : `HTTP ${res.status}`;
    throw new PublishError(res.status, message, Array.isArray(obj.issues) ? (obj.issues as PublishIssue[]) : []);
  }
  return body as T;
}

export const login = (username: string, password: string) =>
  postJson<{ token: string; expiresIn: number; user: { username: string; displayName: string; regency: string; lanes: string[]; permissions: string[] } }>('/api/auth/login', { username, password });
export const publishSop = (id: string, yaml: string, changeNote: string, token: string) =>
  postJson<SopDetail & { created: boolean }>(`/api/sops/${encodeURIComponent(id)}/versions`, { yaml, changeNote }, token);
