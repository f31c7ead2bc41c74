import type { FormField } from '@sop/model';

/** The kinds of file a file field accepts when the SOP does not say (`accept`). */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];
/** The largest file a file field accepts when the SOP does not say (`maxSizeMb`), in megabytes. */
export const DEFAULT_ATTACHMENT_MAX_MB = 5;
/** The largest `maxSizeMb` the schema allows. */
export const MAX_ATTACHMENT_MB = 20;
/** One megabyte as the limits count it (2^20 bytes: what phones and Windows call a megabyte). */
export const BYTES_PER_MB = 1024 * 1024;

/** What a file field (or the officers' files on an event) accepts. */
export interface AttachmentLimits {
  /** MIME types, as recognised by the file's content ({@link sniffFileType}). */
  accept: readonly string[];
  maxBytes: number;
  /** The limit as the SOP wrote it, for messages. */
  maxSizeMb: number;
}

/**
 * The limits of a file field: its `accept` and `maxSizeMb`, or the defaults (JPEG, PNG and PDF; 5 MB).
 *
 * @example
 * ```ts
 * attachmentLimitsOf({ id: 'ktp', label: 'Foto KTP', type: 'file', maxSizeMb: 2 });
 * // { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 2097152, maxSizeMb: 2 }
 * ```
 */
export function attachmentLimitsOf(field: Pick<FormField, 'accept' | 'maxSizeMb'>): AttachmentLimits {
  const maxSizeMb = Math.min(field.maxSizeMb ?? DEFAULT_ATTACHMENT_MAX_MB, MAX_ATTACHMENT_MB);
  return { accept: field.accept?.length ? field.accept : DEFAULT_ATTACHMENT_TYPES, maxBytes: Math.floor(maxSizeMb * BYTES_PER_MB), maxSizeMb };
}

/** A size as people read it: "840 KB", "4.2 MB" (with a decimal comma in Bahasa Indonesia). */
export function sizeText(bytes: number, lang: 'en' | 'id' = 'en'): string {
  const text = bytes < BYTES_PER_MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(Math.round((bytes / BYTES_PER_MB) * 10) / 10).toString()} MB`;
  return lang === 'id' ? text.replace('.', ',') : text;
}
