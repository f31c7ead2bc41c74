import type { FormField } from '@sop/model';
import { isAttachmentToken } from './attachment-token';
import { checkCalendarDate } from './check-calendar-date';
import { checkEmail } from './check-email';
import { checkKk } from './check-kk';
import { checkNik } from './check-nik';
import { checkNikOrKk } from './check-nik-or-kk';
import type { FieldIssue } from './field-issue';
import { LANDLINE_EXAMPLE, normalizeLandline } from './normalize-landline';
import { normalizePhone } from './normalize-phone';
import { reject, type Rejection } from './rejection';

/** The longest value of a `text` field (and of a `choice` field without options), in characters. */
export const MAX_TEXT_LENGTH = 200;
/** The longest value of a `textarea` field, in characters. */
export const MAX_TEXTAREA_LENGTH = 5000;
/**
 * At most this many issues are reported (every field of the form's own, then unknown keys): a
 * submission with thousands of unknown keys gets the first of them and a count of the rest, not an
 * answer thousands of times its size.
 */
export const MAX_FORM_ISSUES = 20;
/** A key or value quoted in a message is cut to this many characters. */
const MAX_QUOTED = 60;

export type FormSubmissionCheck = { ok: true; values: Record<string, string> } | { ok: false; issues: FieldIssue[] };

type Checked = { ok: true; value: string } | Rejection;

/**
 * Checks what a citizen submitted on a form and returns the values to store, or every issue found
 * (not only the first), each worded in English and in Bahasa Indonesia.
 *
 * `data` must be an object whose values are strings (a missing key, `null` and a blank string
 * count as empty). Reported: required fields left empty, keys that are not fields of the form,
 * values that are not strings, text over {@link MAX_TEXT_LENGTH} characters (textarea over
 * {@link MAX_TEXTAREA_LENGTH}), a choice that is not one of the options, and the checks of
 * {@link checkNik}, {@link checkKk}, {@link checkNikOrKk}, {@link normalizePhone},
 * {@link checkEmail}, `YYYY-MM-DD` for a real date, and for a `file` field the token of an
 * uploaded file ({@link ATTACHMENT_TOKEN_PATTERN}: one file per field; whether it was uploaded, for
 * this SOP and field, is for the server to check when it stores the complaint). Issues come in the order of the form's
 * fields, then unknown keys; unknown keys are listed up to {@link MAX_FORM_ISSUES} issues in all,
 * the last one listed counting those left out.
 *
 * The values are trimmed and normalised (Unicode NFC): runs of spaces in `text` and `choice`
 * become one space, a `textarea` keeps its line breaks as `\n`, a choice is stored as the option
 * is written (matched ignoring case and spacing), NIK and KK as 16 digits, a phone number as
 * `+628…`, an e-mail with its domain in lower case. Empty optional fields are left out of `values`.
 *
 * @example
 * ```ts
 * checkFormSubmission(DEFAULT_COMPLAINT_FORM.fields, { nama: ' Ni Luh Sari ', telepon: '0812-3456-7890', isi: 'KTP belum jadi' });
 * // { ok: true, values: { nama: 'Ni Luh Sari', telepon: '+6281234567890', isi: 'KTP belum jadi' } }
 * checkFormSubmission(DEFAULT_COMPLAINT_FORM.fields, { telepon: '021-5551234', umur: 40 });
 * // { ok: false, issues: [
 * //   { field: 'nama', code: 'field.required', … }, { field: 'telepon', code: 'phone.landline', … },
 * //   { field: 'isi', code: 'field.required', … }, { field: 'umur', code: 'field.unknown', … } ] }
 * ```
 */
export function checkFormSubmission(fields: FormField[], data: unknown): FormSubmissionCheck {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      issues: [
        {
          field: '',
          code: 'form.not-an-object',
          message: 'The form data must be an object with one text value per field.',
          messageId: 'Data formulir harus berupa objek dengan satu nilai teks untuk setiap isian.',
        },
      ],
    };
  }
  const record = data as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const values: Array<[string, string]> = [];
  for (const field of fields) {
    const raw = Object.prototype.hasOwnProperty.call(record, field.id) ? record[field.id] : undefined;
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      const kind = describeType(raw);
      issues.push({
        field: field.id,
        code: 'field.type',
        message: `"${field.label}" must be text (a string); ${kind.en} was sent.`,
        messageId: `"${field.label}" harus berupa teks; yang dikirim berupa ${kind.id}.`,
      });
      continue;
    }
    const text = (raw ?? '').normalize('NFC').trim();
    if (text === '') {
      if (field.required) {
        issues.push({
          field: field.id,
          code: 'field.required',
          message: `"${field.label}" is required: fill it in.`,
          messageId: `"${field.label}" wajib diisi.`,
        });
      }
      continue;
    }
    const checked = checkValue(field, text);
    if (checked.ok) {
      values.push([field.id, checked.value]);
    } else {
      issues.push({ field: field.id, code: checked.code, message: checked.message, messageId: checked.messageId });
    }
  }
  const known = new Set(fields.map((field) => field.id));
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  const list = fields.map((field) => field.id).join(', ');
  const listed = unknown.slice(0, Math.max(1, MAX_FORM_ISSUES - issues.length));
  listed.forEach((key, index) => {
    const more = index === listed.length - 1 ? unknown.length - listed.length : 0;
    const shown = key.length > MAX_QUOTED ? `${key.slice(0, MAX_QUOTED)}…` : key;
    issues.push({
      field: key,
      code: 'field.unknown',
      message: `This form has no field "${shown}"${more ? ` (nor ${more} more of the keys sent)` : ''}; its fields are: ${list}.`,
      messageId: `Formulir ini tidak memiliki isian "${shown}"${more ? ` (begitu pula ${more} kunci lain yang dikirim)` : ''}; isiannya adalah: ${list}.`,
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values: Object.fromEntries(values) };
}

function checkValue(field: FormField, text: string): Checked {
  switch (field.type) {
    case 'textarea':
      return withinLength(field, text.replace(/\r\n?/g, '\n'), MAX_TEXTAREA_LENGTH);
    case 'choice':
      return field.options && field.options.length > 0 ? checkChoice(field, field.options, text) : withinLength(field, collapse(text), MAX_TEXT_LENGTH);
    case 'nik': {
      const nik = checkNik(text);
      return nik.ok ? { ok: true, value: nik.nik } : nik;
    }
    case 'kk': {
      const kk = checkKk(text);
      return kk.ok ? { ok: true, value: kk.kk } : kk;
    }
    case 'nik-or-kk': {
      const either = checkNikOrKk(text);
      return either.ok ? { ok: true, value: either.nik } : either;
    }
    case 'phone': {
      const phone = normalizePhone(text);
      return phone.ok ? { ok: true, value: phone.e164 } : phone;
    }
    case 'landline': {
      const line = normalizeLandline(text);
      return line.ok ? { ok: true, value: line.e164 } : line;
    }
    case 'phone-or-landline': {
      // a form that says "telepon": a mobile number, else a fixed line with its area code
      const phone = normalizePhone(text);
      if (phone.ok) return { ok: true, value: phone.e164 };
      const line = normalizeLandline(text);
      if (line.ok) return { ok: true, value: line.e164 };
      return reject(
        'phone-or-landline.invalid',
        `"${field.label}" must be a mobile number (0812 3456 7890) or a telephone number with its area code, e.g. ${LANDLINE_EXAMPLE}; "${text}" is neither.`,
        `"${field.label}" harus nomor HP (0812 3456 7890) atau nomor telepon dengan kode wilayah, misalnya ${LANDLINE_EXAMPLE}.`,
      );
    }
    case 'email': {
      const email = checkEmail(text);
      return email.ok ? { ok: true, value: email.email } : email;
    }
    case 'date': {
      const date = checkCalendarDate(text, field.label);
      return date.ok ? { ok: true, value: date.date } : date;
    }
    case 'file':
      // the file itself was uploaded before (POST /api/public/attachments): the form carries its token
      return isAttachmentToken(text)
        ? { ok: true, value: text }
        : reject(
            'file.token',
            `"${field.label}" must be the token of an uploaded file (att_… as the upload answered): choose the file again.`,
            `"${field.label}" harus berisi berkas yang sudah diunggah: pilih berkasnya lagi.`,
          );
    default:
      // 'text', and any type this version does not know (a form from a newer schema): plain text.
      return withinLength(field, collapse(text), MAX_TEXT_LENGTH);
  }
}

function withinLength(field: FormField, text: string, max: number): Checked {
  const length = Array.from(text).length;
  if (length > max) {
    return reject(
      'field.too-long',
      `"${field.label}" has ${length} characters; at most ${max} are allowed: shorten it.`,
      `"${field.label}" berisi ${length} karakter, padahal paling banyak ${max} karakter: persingkat isinya.`,
    );
  }
  return { ok: true, value: text };
}

function checkChoice(field: FormField, options: string[], text: string): Checked {
  const exact = options.find((option) => option.trim() === text);
  if (exact !== undefined) return { ok: true, value: exact };
  const wanted = comparable(text);
  const loose = options.find((option) => comparable(option) === wanted);
  if (loose !== undefined) return { ok: true, value: loose };
  const list = options.map((option) => `"${option}"`).join(', ');
  return reject('choice.not-an-option', `Choose one of the options of "${field.label}": ${list}.`, `Pilih salah satu pilihan "${field.label}": ${list}.`);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function comparable(text: string): string {
  return collapse(text.normalize('NFC').trim()).toLowerCase();
}

function describeType(value: unknown): { en: string; id: string } {
  if (Array.isArray(value)) return { en: 'a list', id: 'daftar' };
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return { en: 'a number', id: 'angka' };
    case 'boolean':
      return { en: 'true or false', id: 'nilai benar/salah' };
    case 'object':
      return { en: 'an object', id: 'objek' };
    default:
      return { en: `a value of type ${typeof value}`, id: `nilai bertipe ${typeof value}` };
  }
}
