import type { ErrorCode } from '@sop/api-contract';
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
  /** 'yaml': `sop` is the validator's reading of `yaml`, its keys in the YAML's order (ADR 0034, addendum 2). */
  sopOrder?: 'yaml' | 'stored';
  inspection: SopInspection;
  changeNote: string | null;
  publishedBy: string | null;
  /** The version in effect since when, and the next one proposed or approved for a later date (ADR 0025). */
  versionStatus?: VersionStatus;
}

/** A version's approval: proposed (diusulkan), approved (disetujui), rejected (ditolak). */
export type VersionApproval = 'proposed' | 'approved' | 'rejected';

export interface VersionStatus {
  inEffect: { version: number; since: string | null; effectiveDate: string | null } | null;
  next: { version: number; status: VersionApproval; effectiveFrom: string | null; effectiveDate: string | null } | null;
  proposals: number;
}

/** A line of `GET /api/sops/:id/versions`. */
export interface SopVersionFacts {
  versionId: string;
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string | null;
  status: VersionApproval;
  effectiveFrom: string | null;
  effectiveDate: string | null;
  inEffect: boolean;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The response body (parsed JSON when it was JSON): `errors` lists the fields at fault for a 400. */
    readonly body: unknown = null,
  ) {
    super(message);
  }

  /** The API's field errors of a refused request (`[{ field, message, messageId? }]`), if any. */
  get fieldErrors(): { field: string; message: string; messageId?: unknown }[] {
    const errors = typeof this.body === 'object' && this.body ? (this.body as { errors?: unknown }).errors : undefined;
    return Array.isArray(errors) ? (errors as { field: string; message: string; messageId?: unknown }[]) : [];
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** A bearer token (see session.tsx). */
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The page's language (set by i18n.tsx on <html lang>), sent so that the API words SOP issues in it. */
export function pageLanguage(): string {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
}

/** Calls the API; answers the parsed JSON body, or throws an ApiError with the API's message. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': pageLanguage(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await apiFetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  return readResponse<T>(res);
}

/**
 * A request that never reached the API (the connection is down, the server is not running): the
 * browser's own words for it ("Failed to fetch", "Load failed") mean nothing to a reader, so the page
 * words it (`refusalText`); the browser's are kept as the cause.
 */
export class NetworkError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the server could not be reached (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'NetworkError';
  }
}

/** `fetch` for every call of the API: a request that could not be sent is a NetworkError (an abort stays an abort). */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (e) {
    if (init.signal?.aborted || (e as { name?: unknown } | null)?.name === 'AbortError') throw e;
    throw new NetworkError(e);
  }
}

/** Throws the API's refusal (an ApiError with its body) when a response that is not JSON on success is not OK. */
export async function assertOk(res: Response): Promise<void> {
  if (!res.ok) await readResponse<never>(res);
}

/** The parsed JSON body of a response, or an ApiError with the API's message. */
async function readResponse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (!res.ok) {
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
    throw new ApiError(res.status, message, body);
  }
  return body as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => requestJson<T>(path, { signal });

export const fetchSops = (signal?: AbortSignal) => getJson<SopList>('/api/sops', signal);
declare global {
  interface Window {
    /** The SOP request index.html starts before the app's code has loaded: the head for the editor's page, else the published SOP. */
    __sopPreload?: { id: string; head?: boolean; response: Promise<Response> };
  }
}

/** The answer index.html already asked for (`head`: the editor's), taken once; null when it asked for another. */
function takePreload(id: string, head: boolean): Promise<Response> | null {
  const preload = typeof window !== 'undefined' ? window.__sopPreload : undefined;
  if (!preload || preload.id !== id || !!preload.head !== head) return null;
  window.__sopPreload = undefined; // once: later reads (after a save) ask the API again
  return preload.response;
}

/** `path`'s answer, from the preloaded request when there is one (asked again if it failed to arrive). */
function readSop(path: string, preloaded: Promise<Response> | null, signal?: AbortSignal): Promise<SopDetail> {
  if (!preloaded) return getJson<SopDetail>(path, signal);
  return preloaded.then(
    (res) => readResponse<SopDetail>(res),
    () => getJson<SopDetail>(path, signal),
  );
}

/** The published SOP; the first request for the page's own SOP uses the answer index.html already asked for. */
export const fetchSop = (id: string, signal?: AbortSignal): Promise<SopDetail> =>
  readSop(`/api/sops/${encodeURIComponent(id)}`, takePreload(id, false), signal);

/** The newest version not rejected (a proposal, or the version in effect): what the editor edits (ADR 0025); preloaded on the editor's page. */
export const fetchSopHead = (id: string, signal?: AbortSignal): Promise<SopDetail> =>
  readSop(`/api/sops/${encodeURIComponent(id)}/head`, takePreload(id, true), signal);

/** Every version of an SOP, newest first, with its approval; `today` in its time zone on the API's clock (the earliest effective date). */
export const fetchVersions = (id: string, signal?: AbortSignal) =>
  getJson<{ versions: SopVersionFacts[]; today: string; timeZone: string }>(`/api/sops/${encodeURIComponent(id)}/versions`, signal);

/** The signer approves a proposed version from `effectiveDate` (YYYY-MM-DD), or rejects it with a reason. */
export const decideVersion = (id: string, version: number, decision: { effectiveDate: string } | { reason: string }, token: string) =>
  requestJson<{ version: SopVersionFacts; versionStatus: VersionStatus }>(
    `/api/sops/${encodeURIComponent(id)}/versions/${version}/${'effectiveDate' in decision ? 'approve' : 'reject'}`,
    { method: 'POST', body: decision, token },
  );

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
    body: unknown = null,
  ) {
    super(status, message, body);
  }
}

/**
 * The API's error codes whose refusal the web app words itself (the API's message is English; the
 * code is stable), docs/adr/0024-issue-messages-by-code.md. A code not listed keeps the API's message.
 */
const API_ERRORS: Record<'id' | 'en', Partial<Record<ErrorCode, string>>> = {
  id: {
    'sop.invalid': 'SOP memuat {n} galat: tidak ada yang diterbitkan. Perbaiki masalah yang tercantum lalu coba lagi.',
    'sop.stale-version':
      'Versi SOP ini sudah berganti (kini versi {n}) sejak Anda membukanya: tidak ada yang diterbitkan; buka versi terbaru lalu terapkan perubahan Anda.',
    'sop.publish-other-regency': 'Anda bukan penyusun SOP kabupaten/kota ini: hanya penyusunnya yang dapat menerbitkan versi baru.',
    'sop.publish-admin-later-version': 'SOP ini sudah terbit: versi berikutnya diterbitkan oleh penyusun SOP kabupaten/kota itu, bukan administrator platform.',
    'sop.approve-not-signer': 'Hanya pengesah SOP kabupaten/kota ini (Kepala Dinas) yang dapat menyetujui atau menolak usulan versi.',
    'sop.proposal-decided': 'Usulan ini sudah diputuskan (disetujui atau ditolak) oleh pengesah lain: muat ulang daftar usulan.',
    'sop.proposal-superseded': 'Versi yang lebih baru sudah disetujui: usulan ini tidak akan pernah berlaku.',
    'case.stale-version': 'Pengaduan ini sudah berubah sejak Anda membukanya (kini versi {n}): muat ulang lalu coba lagi.',
    'case.event-not-accepted': 'Langkah saat ini tidak menerima tindakan itu: muat ulang pengaduan untuk melihat tindakan yang tersedia.',
    unauthorized: 'Anda belum masuk, sesi Anda berakhir, atau nama pengguna/kata sandi salah.',
    forbidden: 'Akun Anda tidak berwenang untuk ini.',
    'not-found': 'Tidak ditemukan.',
    internal: 'Terjadi kesalahan pada server (sudah dicatat): silakan coba beberapa saat lagi.',
  },
  en: {
    'sop.invalid': 'The SOP has {n} error(s): nothing was published. Fix the problems listed and try again.',
    'sop.stale-version':
      'This SOP has moved on (it is now at version {n}) since you opened it: nothing was published; open the latest version and apply your change to it.',
    'sop.publish-other-regency': "You are not an author of this regency's SOP: only its authors publish new versions.",
    'sop.publish-admin-later-version': "This SOP is published: later versions are published by that regency's SOP authors, not the platform administrator.",
    'sop.approve-not-signer': "Only this regency's SOP signer (the Kepala Dinas) approves or rejects proposed versions.",
    'sop.proposal-decided': 'This proposal was decided (approved or rejected) by another signer already: reload the proposals.',
    'sop.proposal-superseded': 'A newer version is approved already: this proposal would never take effect.',
    'case.stale-version': 'This complaint changed since you opened it (it is now at version {n}): reload it and try again.',
    'case.event-not-accepted': 'The current step does not accept that action: reload the complaint to see what it accepts.',
    unauthorized: 'You are not signed in, your session has ended, or the username or password is wrong.',
    forbidden: 'Your account may not do this.',
    'not-found': 'Not found.',
    internal: 'Something went wrong on the server (it has been logged): try again in a moment.',
  },
};

/**
 * An API error body worded by its code in the page's language, or null when its code is not one the
 * web app words (then the API's own message is shown).
 */
export function apiErrorText(body: unknown, lang: string): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { code, currentVersion, issues } = body as { code?: unknown; currentVersion?: unknown; issues?: unknown };
  if (typeof code !== 'string') return null;
  const text = API_ERRORS[lang === 'en' ? 'en' : 'id'][code as ErrorCode];
  if (text === undefined) return null;
  const errors = Array.isArray(issues) ? issues.filter((i: { severity?: unknown }) => i.severity === 'error').length : 0;
  return text.replace('{n}', String(code === 'sop.invalid' ? errors : typeof currentVersion === 'number' ? currentVersion : '?'));
}

/**
 * A refusal as the page's language says it: the API's own Bahasa Indonesia wording (`messageId`, as
 * a 429 "too many requests" carries) where it gives one, otherwise its message.
 */
export function refusalText(e: unknown, lang: string): string {
  if (e instanceof NetworkError)
    return lang === 'en'
      ? 'The server could not be reached: check the connection, then try again.'
      : 'Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.';
  // a 5xx that is not the API's own answer (a proxy's page, a gateway's JSON without the API's code): its status, in words
  if (e instanceof ApiError && e.status >= 500 && typeof (e.body as { code?: unknown } | null)?.code !== 'string')
    return lang === 'en'
      ? `The server did not answer properly (HTTP ${e.status}): try again in a moment.`
      : `Server tidak merespons dengan semestinya (HTTP ${e.status}): silakan coba beberapa saat lagi.`;
  if (e instanceof ApiError && typeof e.body === 'object' && e.body !== null) {
    // a refusal the API words in both languages says more than the page's words for its code
    const worded = (e.body as { messageId?: unknown }).messageId;
    if (typeof worded === 'string' && worded) return lang === 'id' ? worded : e.message;
  }
  // in English the API's own words for a refusal by status ("no published SOP \"x\"") say more than "Not found."
  const code = e instanceof ApiError ? (e.body as { code?: unknown } | null)?.code : undefined;
  if (lang === 'en' && (code === 'forbidden' || code === 'not-found') && e instanceof ApiError && e.message) return e.message;
  // the refusals the API marks with a code of the catalogue are worded here, in the page's language
  const byCode = e instanceof ApiError ? apiErrorText(e.body, lang) : null;
  if (byCode) return byCode;
  return e instanceof Error ? e.message : String(e);
}

/** A field error as the page's language says it: the API's Bahasa Indonesia (`messageId`) where it gives one. */
export function fieldErrorText(error: { message: string; messageId?: unknown }, lang: string): string {
  return lang === 'id' && typeof error.messageId === 'string' && error.messageId ? error.messageId : error.message;
}

/**
 * A field error as one line of the page: in Bahasa Indonesia the API's own wording, which names the
 * field in the page's words ("nama pengguna terdiri atas …"); otherwise the field's code, then why.
 */
export function fieldErrorLine(error: { field: string; message: string; messageId?: unknown }, lang: string): string {
  const worded = fieldErrorText(error, lang);
  return worded === error.message ? `${error.field}: ${worded}` : worded;
}

/** A refusal in lines, in the page's language: what was refused, then each field at fault and why. */
export function refusalLines(e: unknown, lang: string): string[] {
  const fields = e instanceof ApiError ? e.fieldErrors : [];
  if (!fields.length) return [refusalText(e, lang)];
  return [lang === 'id' ? 'Permintaan ditolak: periksa isian berikut.' : refusalText(e, lang), ...fields.map((f) => fieldErrorLine(f, lang))];
}

async function postJson<T>(path: string, payload: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': pageLanguage(), 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await apiFetch(path, { method: 'POST', headers, body: JSON.stringify(payload) });
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
    throw new PublishError(res.status, message, Array.isArray(obj.issues) ? (obj.issues as PublishIssue[]) : [], body);
  }
  return body as T;
}

export const login = (username: string, password: string) =>
  postJson<{ token: string; expiresIn: number; user: { username: string; displayName: string; regency: string; lanes: string[]; permissions: string[] } }>(
    '/api/auth/login',
    { username, password },
  );
/** Publishes on top of `basedOnVersion` (the version the author edited): 409 when another was published since. */
export const publishSop = (id: string, yaml: string, changeNote: string, token: string, basedOnVersion?: number) =>
  postJson<SopDetail & { created: boolean; status?: VersionApproval; inEffect?: boolean }>(
    `/api/sops/${encodeURIComponent(id)}/versions`,
    { yaml, changeNote, ...(basedOnVersion === undefined ? {} : { basedOnVersion }) },
    token,
  );
