import {
  checkFormSubmission,
  checkKk,
  checkNik,
  checkNikOrKk,
  DEFAULT_COMPLAINT_FORM,
  FILE_TYPES,
  fileTypesText,
  sizeText,
  sniffFileType,
  SNIFF_BYTES,
  type AttachmentLimits,
  type FieldIssue,
} from '@sop/citizen-data';
import type { Form, FormField, SopDocument } from '@sop/model';
import { ApiError, refusalText } from '../api';

/** The form a citizen fills for an SOP: the SOP's own, or the platform's default (as the API decides). */
export function complaintFormOf(sop: SopDocument): { form: Form; isDefault: boolean } {
  const own = sop.intake?.form;
  return own ? { form: own, isDefault: false } : { form: DEFAULT_COMPLAINT_FORM, isDefault: true };
}

/**
 * The channel a complaint filed on this page is recorded under: the SOP's own website channel when it
 * names one (the citizen is using it), otherwise none, which the API records as its web form ("web").
 */
export function publicChannelOf(sop: SopDocument): string | undefined {
  return sop.intake?.channels.find((c) => c.kind === 'website')?.id;
}

/** The words of an issue in the UI language (the checks word each issue in both). */
export function issueText(issue: Pick<FieldIssue, 'message' | 'messageId'>, lang: 'id' | 'en'): string {
  return lang === 'id' ? issue.messageId : issue.message;
}

/** One field's issue with the value typed, by the same checks the API runs; null when it is fine. */
export function checkField(field: FormField, value: string): FieldIssue | null {
  const checked = checkFormSubmission([field], { [field.id]: value });
  return checked.ok ? null : (checked.issues.find((i) => i.field === field.id) ?? checked.issues[0]);
}

/** Every field's issue, by field id. */
export function checkAll(fields: FormField[], values: Record<string, string>): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  for (const field of fields) {
    const issue = checkField(field, values[field.id] ?? '');
    if (issue) issues[field.id] = issue;
  }
  return issues;
}

/**
 * Notes on an accepted NIK or No. KK that do not stop it (e.g. a province code that is not one of
 * today's 38): worth a second look, not an error.
 */
export function identityNotes(field: FormField, value: string, lang: 'id' | 'en'): string[] {
  if (value.trim() === '') return [];
  const check = field.type === 'nik' ? checkNik(value) : field.type === 'kk' ? checkKk(value) : field.type === 'nik-or-kk' ? checkNikOrKk(value) : null;
  if (!check || !check.ok) return [];
  return lang === 'id' ? check.warningsId : check.warnings;
}

/** What is sent: the fields that were filled in, as typed (the API trims and normalises). */
export function submissionOf(fields: FormField[], values: Record<string, string>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.id] ?? '';
    if (value.trim() !== '') data[field.id] = value;
  }
  return data;
}

/**
 * The API's field errors of a refused complaint, by form field id (`data.<id>`), and those about
 * no field of the form (the SOP, the channel, the submission as a whole). An error that also carries
 * `messageId` (Bahasa Indonesia, as the citizen-data checks word it) is shown in that language.
 */
export function serverErrorsByField(
  errors: { field: string; message: string; messageId?: unknown }[],
  fields: FormField[],
  lang: 'id' | 'en' = 'en',
): { byField: Record<string, string>; other: string[] } {
  const known = new Set(fields.map((f) => f.id));
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const error of errors) {
    const text = lang === 'id' && typeof error.messageId === 'string' && error.messageId ? error.messageId : error.message;
    const id = error.field.startsWith('data.') ? error.field.slice('data.'.length) : null;
    if (id !== null && known.has(id)) {
      byField[id] ??= text;
    } else {
      other.push(text);
    }
  }
  return { byField, other };
}

export interface InputAttributes {
  type: 'text' | 'tel' | 'email' | 'date';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete: string;
  maxLength?: number;
}

/**
 * How a field's input is set up for a phone keyboard and autofill: digits for NIK and No. KK, the
 * phone pad for a mobile number, the e-mail keyboard, and the browser's name and address autofill
 * for the fields whose label says so.
 */
export function inputAttributesOf(field: FormField): InputAttributes {
  switch (field.type) {
    case 'nik':
    case 'kk':
    case 'nik-or-kk':
      // 16 digits, perhaps typed in groups ("1872 0161 0785 0001")
      return { type: 'text', inputMode: 'numeric', autoComplete: 'off', maxLength: 24 };
    case 'phone':
    case 'landline':
    case 'phone-or-landline':
      return { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 24 };
    case 'email':
      return { type: 'email', inputMode: 'email', autoComplete: 'email', maxLength: 254 };
    case 'date':
      return { type: 'date', autoComplete: 'off' };
    default: {
      const words = `${field.id} ${field.label}`.toLowerCase();
      if (/\bnama\b/.test(words)) return { type: 'text', autoComplete: 'name' };
      if (/\balamat\b/.test(words) && !/e-?mail/.test(words)) return { type: 'text', autoComplete: 'street-address' };
      return { type: 'text', autoComplete: 'off' };
    }
  }
}

/** A file uploaded for a file field (or an officer's event): the token to send, and what the server read. */
export interface UploadedFile {
  token: string;
  name: string;
  size: number;
  type: string;
}

/** The `accept` of a file input for kinds of file: MIME types and their extensions (some phones go by the extension). */
export function fileInputAcceptOf(types: readonly string[]): string {
  return types.flatMap((t) => [t, ...(FILE_TYPES[t]?.extensions.map((e) => `.${e}`) ?? [])]).join(',');
}

/** A sentence for the reader in either language: kept as words, not text, so that it follows a switch of language. */
export type Words = (lang: 'id' | 'en') => string;

/** An upload's failure, with its words in both languages (`message` is the words in the language it failed in). */
export class UploadFailure extends Error {
  constructor(
    readonly words: Words,
    lang: 'id' | 'en',
  ) {
    super(words(lang));
    this.name = 'UploadFailure';
  }
}

/** An upload's failure in words of either language (another error keeps its own words). */
export function wordsOf(err: unknown): Words {
  if (err instanceof UploadFailure) return err.words;
  const text = err instanceof Error ? err.message : String(err);
  return () => text;
}

/**
 * What is wrong with a chosen file before it is sent, by the same rules as the server: its kind read
 * from its first bytes and its size against the field's limit, in words of either language; null
 * when it may be sent.
 */
export async function checkChosenFile(limits: AttachmentLimits, label: string, file: Blob & { name?: string }): Promise<Words | null> {
  if (file.size === 0)
    return (lang) => (lang === 'id' ? `Berkas untuk "${label}" kosong: pilih berkas lain.` : `The file chosen for "${label}" is empty: choose another.`);
  if (file.size > limits.maxBytes) {
    return (lang) => {
      const max = lang === 'id' ? String(limits.maxSizeMb).replace('.', ',') : String(limits.maxSizeMb);
      return lang === 'id'
        ? `"${label}" menerima berkas paling besar ${max} MB; berkas ini ${sizeText(file.size, 'id')}. Pilih berkas yang lebih kecil (foto beresolusi lebih rendah).`
        : `"${label}" takes files of at most ${max} MB; this one is ${sizeText(file.size)}. Choose a smaller file (a photo at a lower resolution).`;
    };
  }
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffFileType(head);
  if (!type || !limits.accept.includes(type)) {
    return (lang) => {
      const kinds = fileTypesText(limits.accept, lang);
      const what = type ? fileTypesText([type], lang) : lang === 'id' ? 'jenis yang tidak diterima' : 'a kind it does not take';
      return lang === 'id' ? `"${label}" hanya menerima berkas ${kinds}; berkas ini ${what}.` : `"${label}" takes ${kinds} files; this one is ${what}.`;
    };
  }
  return null;
}

/** The server's refusal of an upload, in either language (it words each in both). */
function uploadRefusal(status: number, body: unknown): Words {
  const b = (typeof body === 'object' && body ? body : {}) as { message?: string; messageId?: string; code?: unknown };
  // a gateway's answer, not the API's (no code of its own): worded as every page words it
  if (status >= 500 && typeof b.code !== 'string') return (lang) => refusalText(new ApiError(status, `HTTP ${status}`, body), lang);
  return (lang) => {
    const text = lang === 'id' ? (b.messageId ?? b.message) : (b.message ?? b.messageId);
    if (text) return text;
    return lang === 'id' ? `Unggahan gagal (HTTP ${status}): coba lagi.` : `The upload failed (HTTP ${status}): try again.`;
  };
}

/**
 * Uploads one file as `multipart/form-data` (part `file`) with progress (XMLHttpRequest: fetch
 * reports no upload progress). Answers the token, or throws an {@link UploadFailure} worded in both languages.
 */
export function uploadFile(
  url: string,
  file: Blob & { name?: string },
  options: { token?: string; headers?: Readonly<Record<string, string>>; lang: 'id' | 'en'; onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (options.token) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && options.onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 201 || xhr.status === 200) resolve(body as UploadedFile);
      else reject(new UploadFailure(uploadRefusal(xhr.status, body), options.lang));
    };
    xhr.onerror = () =>
      reject(
        new UploadFailure(
          (lang) =>
            lang === 'id' ? 'Unggahan terputus: periksa koneksi internet lalu coba lagi.' : 'The upload was cut off: check the connection and try again.',
          options.lang,
        ),
      );
    options.signal?.addEventListener('abort', () => xhr.abort());
    const data = new FormData();
    data.append('file', file, file.name ?? 'lampiran');
    xhr.send(data);
  });
}
