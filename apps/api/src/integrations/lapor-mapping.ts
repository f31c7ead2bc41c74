import { MAX_TEXT_LENGTH, MAX_TEXTAREA_LENGTH } from '@sop/citizen-data';
import { parseCsv, type CsvParseError } from '@sop/csv';
import type { Form, SopDocument } from '@sop/model';

/**
 * The SP4N-LAPOR! exchange in the SOP's terms (docs/integrations-open311-lapor.md): reading a batch
 * of reports exported from LAPOR! (CSV or JSON), mapping a report to the SOP's form, and the status
 * update written back in the same shape. Pure: no I/O.
 */

/** The fields of a LAPOR! report as exchanged, in the order of the CSV columns. */
export const LAPOR_FIELDS = ['tracking_id', 'title', 'content', 'category', 'disposition', 'status'] as const;
export type LaporField = (typeof LAPOR_FIELDS)[number];

/** Column names accepted for each field (LAPOR!'s Indonesian export headers too), compared without case, spaces or underscores. */
const ALIASES: Record<LaporField, string[]> = {
  tracking_id: ['tracking_id', 'trackingid', 'tracking', 'idlaporan', 'notracking', 'nomortracking', 'kodetracking'],
  title: ['title', 'judul', 'judullaporan'],
  content: ['content', 'isi', 'isilaporan', 'uraian'],
  category: ['category', 'kategori', 'kategorilaporan'],
  disposition: ['disposition', 'disposisi', 'instansitujuan', 'instansi'],
  status: ['status', 'statuslaporan'],
};

const normalizeName = (name: string): string => name.toLowerCase().replace(/[\s_\-.]+/g, '');

function fieldOfColumn(name: string): LaporField | null {
  const n = normalizeName(name);
  return LAPOR_FIELDS.find((f) => ALIASES[f].includes(n)) ?? null;
}

/** A report of a batch, with its 1-based row (a CSV's data row, or a JSON list's item). */
export interface LaporReport {
  row: number;
  trackingId: string;
  title: string;
  content: string;
  category: string | null;
  disposition: string | null;
  status: string | null;
}

/** A problem of one row (`row` 0: the batch as a whole), worded in English and in Bahasa Indonesia. */
export interface LaporRowError {
  row: number;
  field: string;
  message: string;
  /** The same in Bahasa Indonesia. */
  messageId: string;
}

/** Each field as an Indonesian sentence names it (LAPOR!'s own words: Judul, Isi Laporan, …). */
const FIELD_ID: Record<LaporField, string> = {
  tracking_id: 'nomor tracking',
  title: 'judul',
  content: 'isi laporan',
  category: 'kategori',
  disposition: 'disposisi',
  status: 'status',
};

/** A count as Indonesian writes it: thousands separated by a dot (5.000). */
export function angka(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The most reports in one batch. */
export const MAX_BATCH_REPORTS = 5000;

/** The most fields on one line of a CSV batch: more says the separator or the quoting went wrong. */
export const MAX_CSV_FIELDS = 50;

const LIMITS: Record<LaporField, number> = {
  tracking_id: 64,
  title: MAX_TEXT_LENGTH,
  content: MAX_TEXTAREA_LENGTH,
  category: MAX_TEXT_LENGTH,
  disposition: 300,
  status: 100,
};
const TRACKING_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
// control characters other than tab and line breaks
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /\p{Cs}/u;

/** One report's fields, checked; each problem listed with its row and field. */
function checkReport(row: number, raw: Partial<Record<LaporField, unknown>>, errors: LaporRowError[]): LaporReport | null {
  const before = errors.length;
  const text = (field: LaporField, required: boolean): string | null => {
    const value = raw[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) errors.push({ row, field, message: `${field} is missing`, messageId: `${FIELD_ID[field]} wajib diisi` });
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push({ row, field, message: `${field} must be text`, messageId: `${FIELD_ID[field]} harus berupa teks` });
      return null;
    }
    const t = String(value).replace(/\r\n?/g, '\n').trim();
    if (CONTROL.test(t) || LONE_SURROGATE.test(t)) {
      errors.push({
        row,
        field,
        message: `${field} holds control characters or invalid Unicode: remove them`,
        messageId: `${FIELD_ID[field]} memuat karakter kendali atau Unicode yang tidak sah: hapus karakter tersebut`,
      });
      return null;
    }
    if (t.length > LIMITS[field]) {
      errors.push({
        row,
        field,
        message: `${field} is at most ${LIMITS[field]} characters (it has ${t.length})`,
        messageId: `${FIELD_ID[field]} melebihi ${angka(LIMITS[field])} karakter (berisi ${angka(t.length)} karakter): persingkat isinya`,
      });
      return null;
    }
    return t;
  };
  const trackingId = typeof raw.tracking_id === 'number' ? numericTrackingId(row, raw.tracking_id, errors) : text('tracking_id', true);
  if (trackingId !== null && !TRACKING_ID.test(trackingId)) {
    errors.push({
      row,
      field: 'tracking_id',
      message: `"${trackingId.slice(0, 40)}" is not a LAPOR! tracking id: letters and digits (also . _ / -), at most 64`,
      messageId: `"${trackingId.slice(0, 40)}" bukan nomor tracking LAPOR!: hanya huruf dan angka (juga . _ / -), paling banyak 64 karakter`,
    });
  }
  const title = text('title', true);
  const content = text('content', true);
  const category = text('category', false);
  const disposition = text('disposition', false);
  const status = text('status', false);
  if (title !== null && content !== null && complaintText(title, content).length > MAX_TEXTAREA_LENGTH) {
    errors.push({
      row,
      field: 'content',
      message: `title and content together are at most ${MAX_TEXTAREA_LENGTH} characters`,
      messageId: `gabungan judul dan isi laporan melebihi ${angka(MAX_TEXTAREA_LENGTH)} karakter: persingkat isinya`,
    });
  }
  if (errors.length > before || trackingId === null || title === null || content === null) return null;
  return { row, trackingId, title, content, category, disposition, status };
}

/**
 * A tracking id JSON gives as a number: as its digits when JSON holds it exactly (a whole number
 * from 0 to 2^53 - 1); otherwise (9007199254740993 reads as …992, 1e309 as Infinity, -0 as 0) the
 * id is not what LAPOR! wrote, and the report is refused: such an id must come as a string.
 */
function numericTrackingId(row: number, value: number, errors: LaporRowError[]): string | null {
  if (Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) return String(value);
  const read = Object.is(value, -0) ? '-0' : String(value);
  errors.push({
    row,
    field: 'tracking_id',
    message: `tracking_id is a number JSON reads as ${read}, not a whole number from 0 to ${Number.MAX_SAFE_INTEGER} that it holds exactly: send the id as a string, e.g. "tracking_id": "4412001"`,
    messageId: `tracking_id berupa angka yang terbaca oleh JSON sebagai ${read}, bukan bilangan bulat 0 sampai ${Number.MAX_SAFE_INTEGER} yang tersimpan dengan tepat: kirim id sebagai teks, mis. "tracking_id": "4412001"`,
  });
  return null;
}

/** The complaint text a report becomes: its title, a blank line, its content. */
export function complaintText(title: string, content: string): string {
  return `${title}\n\n${content}`;
}

/**
 * The reports of a batch exported from SP4N-LAPOR!: a CSV document with a header row (the field
 * names, or LAPOR!'s Indonesian headers: Tracking ID, Judul, Isi Laporan, Kategori, Disposisi,
 * Status), or JSON (a list of reports, or `{ "reports": [...] }` / `{ "data": [...] }`). Every row
 * is checked; any problem fails the whole batch with the list of problems by row.
 */
export function readLaporBatch(format: 'csv' | 'json', content: string): { reports: LaporReport[] } | { errors: LaporRowError[] } {
  const errors: LaporRowError[] = [];
  const reports: LaporReport[] = [];
  if (format === 'csv') {
    const parsed = parseCsv(content, { maxRows: MAX_BATCH_REPORTS + 1, maxFields: MAX_CSV_FIELDS });
    if (!parsed.ok) return { errors: [csvProblem(parsed.error)] };
    const [header, ...rows] = parsed.value.rows as (string[] | undefined)[];
    if (!header) {
      return {
        errors: [
          {
            row: 0,
            field: 'content',
            message: 'the CSV is empty: send a header row and one row per report',
            messageId: 'CSV kosong: kirim satu baris judul kolom dan satu baris untuk setiap laporan',
          },
        ],
      };
    }
    const columns = header.map(fieldOfColumn);
    const missing = (['tracking_id', 'title', 'content'] as const).filter((f) => !columns.includes(f));
    if (missing.length) {
      return {
        errors: [
          {
            row: 0,
            field: 'content',
            message: `the header has no column for ${missing.join(', ')}; columns: ${LAPOR_FIELDS.join(', ')} (or Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)`,
            messageId: `baris judul kolom tidak memuat kolom ${missing.join(', ')}; kolom yang dikenali: ${LAPOR_FIELDS.join(', ')} (atau Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)`,
          },
        ],
      };
    }
    rows.forEach((cells = [], i) => {
      const raw: Partial<Record<LaporField, unknown>> = {};
      columns.forEach((field, c) => {
        if (field && raw[field] === undefined) raw[field] = cells[c];
      });
      const report = checkReport(i + 1, raw, errors);
      if (report) reports.push(report);
    });
  } else {
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (e) {
      return {
        errors: [
          {
            row: 0,
            field: 'content',
            message: `the content is not valid JSON: ${(e as Error).message}`,
            messageId: `content bukan JSON yang sah: ${(e as Error).message}`,
          },
        ],
      };
    }
    const list = Array.isArray(value)
      ? value
      : value && typeof value === 'object'
        ? ((value as { reports?: unknown; data?: unknown }).reports ?? (value as { data?: unknown }).data)
        : undefined;
    if (!Array.isArray(list)) {
      return {
        errors: [
          {
            row: 0,
            field: 'content',
            message: 'send a JSON list of reports, or an object with "reports": [...]',
            messageId: 'kirim daftar laporan dalam JSON, atau objek dengan "reports": [...]',
          },
        ],
      };
    }
    if (list.length > MAX_BATCH_REPORTS)
      return {
        errors: [
          {
            row: 0,
            field: 'content',
            message: `more than ${MAX_BATCH_REPORTS} reports: send the rest in another batch`,
            messageId: `lebih dari ${MAX_BATCH_REPORTS} laporan: kirim sisanya dalam kiriman lain`,
          },
        ],
      };
    list.forEach((item: unknown, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        errors.push({
          row: i + 1,
          field: 'report',
          message: 'each report must be an object with tracking_id, title, content, category, disposition, status',
          messageId: 'setiap laporan harus berupa objek dengan tracking_id, title, content, category, disposition, status',
        });
        return;
      }
      const raw: Partial<Record<LaporField, unknown>> = {};
      for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
        const field = fieldOfColumn(key);
        if (field && raw[field] === undefined) raw[field] = v;
      }
      const report = checkReport(i + 1, raw, errors);
      if (report) reports.push(report);
    });
  }
  if (!errors.length && !reports.length) {
    return { errors: [{ row: 0, field: 'content', message: 'the batch holds no report', messageId: 'kiriman ini tidak memuat laporan' }] };
  }
  return errors.length ? { errors } : { reports };
}

/** Why a CSV batch could not be read, at its line: too many rows or fields in LAPOR!'s terms, else as the reader says. */
function csvProblem(error: CsvParseError): LaporRowError {
  const { line } = error;
  if (/^more than \d+ rows/.test(error.message)) {
    return {
      row: 0,
      field: 'content',
      message: `line ${line}: more than ${MAX_BATCH_REPORTS} reports: send the rest in another batch`,
      messageId: `baris ${line}: lebih dari ${MAX_BATCH_REPORTS} laporan: kirim sisanya dalam kiriman lain`,
    };
  }
  if (/^more than \d+ fields/.test(error.message)) {
    return {
      row: 0,
      field: 'content',
      message: `line ${line} has more than ${MAX_CSV_FIELDS} fields; a LAPOR! export has at most ${MAX_CSV_FIELDS}: check the separator and the quoting`,
      messageId: `baris ${line} berisi lebih dari ${MAX_CSV_FIELDS} kolom; ekspor LAPOR! paling banyak ${MAX_CSV_FIELDS} kolom: periksa pemisah dan tanda kutipnya`,
    };
  }
  const quote = /^a quoted field must end at a (comma|semicolon)/.exec(error.message);
  if (quote) {
    return {
      row: 0,
      field: 'content',
      message: `line ${line}: ${error.message}`,
      messageId: `baris ${line}: kolom bertanda kutip harus berakhir pada ${quote[1] === 'comma' ? 'koma' : 'titik koma'} atau akhir baris`,
    };
  }
  if (/^a quoted field is not closed/.test(error.message)) {
    return {
      row: 0,
      field: 'content',
      message: `line ${line}: ${error.message}`,
      messageId: `baris ${line}: kolom bertanda kutip tidak ditutup (kurang satu tanda ")`,
    };
  }
  return { row: 0, field: 'content', message: `line ${line}: ${error.message}`, messageId: `baris ${line}: CSV tidak dapat dibaca (${error.message})` };
}

/** LAPOR! statuses that say the report is finished there: such a report is not opened as a case. */
const CLOSED_STATUSES = new Set(['selesai', 'ditutup', 'diarsipkan', 'arsip', 'closed', 'done']);

export function isClosedLaporStatus(status: string | null): boolean {
  return status !== null && CLOSED_STATUSES.has(status.trim().toLowerCase());
}

/** Where a report goes in the SOP's form: the complaint text field, and the category field when a report's category is one of its options. */
export interface LaporFormMapping {
  textField: string;
  categoryField: string | null;
  categoryOptions: string[];
}

/** The form's fields a LAPOR! report fills, or why the SOP cannot take reports. */
export function laporFormMapping(form: Form, sop: Pick<SopDocument, 'intake'>): LaporFormMapping | { reason: string } {
  const text = form.fields.find((f) => f.type === 'textarea');
  if (!text) return { reason: 'its intake form has no text area for the complaint (a field of type textarea) to hold the report' };
  const id = sop.intake?.categoryField ?? null;
  const field = id ? form.fields.find((f) => f.id === id) : undefined;
  return {
    textField: text.id,
    categoryField: field?.type === 'choice' ? field.id : null,
    categoryOptions: field?.type === 'choice' ? (field.options ?? []) : [],
  };
}

/**
 * A report as the case's form data and category: the text field holds title and content; the
 * category field the SOP's option when the report's category names one (compared without case),
 * and the case's category is that option, or else LAPOR!'s category as written.
 */
export function laporCaseData(m: LaporFormMapping, r: LaporReport): { data: Record<string, string>; category: string | null } {
  const data: Record<string, string> = { [m.textField]: complaintText(r.title, r.content) };
  const wanted = r.category?.trim().toLowerCase();
  const option = wanted ? m.categoryOptions.find((o) => o.trim().toLowerCase() === wanted) : undefined;
  if (option && m.categoryField) data[m.categoryField] = option;
  return { data, category: option ?? r.category };
}

/** A status update for LAPOR!: the report's fields, its status in LAPOR!'s words, and the follow-up in public words. */
export interface LaporStatusUpdate {
  tracking_id: string;
  title: string;
  category: string | null;
  disposition: string | null;
  status: string;
  status_notes: string;
  ticket: string;
  updated_at: string;
}

/** The status a case is reported back with: not yet acted on, in progress, or finished. */
export function laporStatusOf(status: 'open' | 'done', version: number): string {
  if (status === 'done') return 'Selesai';
  return version <= 1 ? 'Belum Ditindaklanjuti' : 'Sedang Diproses';
}

/** The CSV of status updates: a header of the field names, then one row per update. */
export const LAPOR_UPDATE_COLUMNS = ['tracking_id', 'title', 'category', 'disposition', 'status', 'status_notes', 'ticket', 'updated_at'] as const;

export function laporUpdateCells(u: LaporStatusUpdate): (string | null)[] {
  return LAPOR_UPDATE_COLUMNS.map((c) => u[c]);
}
