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
