import type { Form, FormField, SopDocument } from '@sop/model';
import { bodyValueProblem } from './open311-params';

/**
 * Open311 GeoReport v2 in the SOP's terms (docs/integrations-open311-lapor.md): the pure mapping
 * between an SOP's complaint form and Open311's services, service definitions and requests. No I/O.
 */

/** An Open311 error: a list of `{ code, description }` (the code is the HTTP status). */
export interface Open311Error {
  code: number;
  description: string;
}

/** What the mapping needs of a published SOP. */
export interface Open311Sop {
  sopId: string;
  sop: Pick<SopDocument, 'identity' | 'intake'>;
  form: Form;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

/** The one service of an SOP whose form offers no categories. */
export const GENERAL_SERVICE_CODE = 'pengaduan';

/** The parameters of POST requests.json that Open311 defines (GeoReport v2), besides `attribute`. */
export const STANDARD_PARAMS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;

/**
 * A category as a service code: lower-case letters and digits joined by dashes.
 *
 * @example
 * serviceCodeOf('Lain - Lain') // 'lain-lain'
 */
export function serviceCodeOf(category: string): string {
  const slug = category
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'kategori';
}

/** The form's category field when it is a choice with options (each option a service), else null. */
function categoryChoice(p: Open311Sop): FormField | null {
  const id = p.sop.intake?.categoryField;
  const field = id ? p.form.fields.find((f) => f.id === id) : undefined;
  return field && field.type === 'choice' && field.options && field.options.length > 0 ? field : null;
}

/** Each category (or the one general service) with its code; repeated slugs get a number. */
function categories(p: Open311Sop): { code: string; category: string | null }[] {
  const field = categoryChoice(p);
  if (!field?.options) return [{ code: GENERAL_SERVICE_CODE, category: null }];
  const seen = new Map<string, number>();
  return field.options.map((option) => {
    const base = serviceCodeOf(option);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { code: n === 1 ? base : `${base}-${n}`, category: option };
  });
}

/** The services of one jurisdiction (an SOP): one per complaint category, or one general service. */
export function servicesOf(p: Open311Sop): Open311Service[] {
  const { regency, office, title } = p.sop.identity;
  return categories(p).map(({ code, category }) => ({
    service_code: code,
    service_name: category ?? (p.form.title || 'Pengaduan'),
    description: `${category ? `Pengaduan: ${category}. ` : ''}${title}, ${office} ${regency}`,
    metadata: true,
    type: 'realtime',
    keywords: ['pengaduan', 'dukcapil', ...(category ? [category.toLowerCase()] : [])].join(','),
    group: p.form.title || 'Pengaduan',
  }));
}

/** The category a service code stands for: null for the general service, undefined for no service. */
export function categoryOfService(p: Open311Sop, code: string): string | null | undefined {
  return categories(p).find((c) => c.code === code)?.category;
}

/** The service code of a filed case's category (the general service when it has none of the options). */
export function serviceOfCategory(p: Open311Sop, category: string | null): Open311Service {
  const services = servicesOf(p);
  const found = categories(p).findIndex((c) => c.category !== null && c.category === category);
  return services[found >= 0 ? found : 0] ?? services[0];
}

/** Which form field each Open311 standard field fills, when the form has one. */
export function standardFieldsOf(form: Form): { description?: string; email?: string; phone?: string; name?: string } {
  const first = (test: (f: FormField) => boolean) => form.fields.find(test)?.id;
  return {
    description: first((f) => f.type === 'textarea'),
    email: first((f) => f.type === 'email'),
    phone: first((f) => f.type === 'phone' || f.type === 'phone-or-landline' || f.type === 'landline'),
    name: first((f) => f.type === 'text' && (/^(nama|name)\b/i.test(f.id) || /^nama\b/i.test(f.label))),
  };
}

const DATATYPE_NOTES: Record<FormField['type'], string> = {
  text: 'text, at most 200 characters',
  textarea: 'text, at most 5000 characters',
  email: 'an e-mail address',
  phone: 'an Indonesian mobile number: 08…, 628… or +628…',
  landline: 'a fixed line with its area code, e.g. (0361) 222333',
  'phone-or-landline': 'a mobile number (08…) or a fixed line with its area code',
  nik: 'NIK: 16 digits with its structure',
  kk: 'No. KK: 16 digits with its structure',
  'nik-or-kk': 'NIK or No. KK: 16 digits',
  choice: 'one of the values',
  date: 'a date, YYYY-MM-DD',
  file: 'the token of a file uploaded to POST /api/public/attachments?sop=&field= (within 24 hours)',
};

/** A service's definition: the form's fields as attributes (the category is the service itself). */
export function serviceDefinitionOf(p: Open311Sop, code: string): { service_code: string; attributes: Open311Attribute[] } | null {
  if (categoryOfService(p, code) === undefined) return null;
  const categoryField = categoryChoice(p)?.id;
  const standard = standardFieldsOf(p.form);
  const standardOf = (id: string) =>
    id === standard.description
      ? 'description'
      : id === standard.email
        ? 'email'
        : id === standard.phone
          ? 'phone'
          : id === standard.name
            ? 'first_name and last_name'
            : null;
  const attributes = p.form.fields
    .filter((f) => f.id !== categoryField)
    .map((f, i): Open311Attribute => {
      const alias = standardOf(f.id);
      const notes = [
        DATATYPE_NOTES[f.type],
        ...(alias ? [`or the standard field ${alias}`] : []),
        ...(f.confidential ? ['confidential: never shown publicly'] : []),
      ];
      return {
        variable: true,
        code: f.id,
        datatype: f.type === 'choice' ? 'singlevaluelist' : f.type === 'textarea' ? 'text' : f.type === 'date' ? 'datetime' : 'string',
        required: f.required === true,
        datatype_description: notes.join('; '),
        order: i + 1,
        description: f.label,
        ...(f.type === 'choice' ? { values: (f.options ?? []).map((o) => ({ key: o, name: o })) } : {}),
      };
    });
  return { service_code: code, attributes };
}

/** The text of a parameter, or a problem: Open311 sends text (form-encoded); JSON numbers are taken for lat and long. */
function textOf(name: string, value: unknown, max: number, problems: Open311Error[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && !(typeof value === 'number' && (name === 'lat' || name === 'long'))) {
    // a form's `a=1&a=2` and `a[]=1` read as a list, as JSON's `[…]`; a form's `a[x]=1` as a set
    problems.push({ code: 400, description: bodyValueProblem(name, value, 'send one value') ?? `${name} must be text, not a ${typeof value}` });
    return undefined;
  }
  const text = String(value);
  if (text.length > max) {
    problems.push({ code: 400, description: `${name} is at most ${max} characters` });
    return undefined;
  }
  return text;
}

/** The complaint a POST requests.json asks to file: the form's values, or what is wrong with the request. */
export interface Open311Submission {
  data: Record<string, string>;
  /** For each form field filled, the parameter the client used (to word the form's errors in its terms). */
  paramOf: Record<string, string>;
}

/**
 * The form's values from a POST requests.json: `attribute[<field id>]` for any field, the standard
 * fields for the form's text (`description`), e-mail, phone and name (`first_name` `last_name`),
 * and the category from the service code. Location and device fields are checked and not kept;
 * `media_url` is refused (files go through the attachment upload). Unknown parameters are refused.
 */
export function submissionOf(p: Open311Sop, code: string, params: Record<string, unknown>): Open311Submission | { errors: Open311Error[] } {
  const problems: Open311Error[] = [];
  const unknown = Object.keys(params).filter((k) => k !== 'attribute' && !(STANDARD_PARAMS as readonly string[]).includes(k));
  if (unknown.length) {
    problems.push({
      code: 400,
      description: `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown
        .slice(0, 10)
        .map((k) => `"${k.slice(0, 40)}"`)
        .join(', ')}: GeoReport v2 takes ${STANDARD_PARAMS.join(', ')} and attribute[<code>]`,
    });
  }
  const category = categoryOfService(p, code);
  if (category === undefined) {
    problems.push({
      code: 404,
      description: `service_code "${code.slice(0, 60)}" is not a service of ${p.sopId}: see services.json?jurisdiction_id=${p.sopId}`,
    });
    return { errors: problems };
  }
  const data: Record<string, string> = {};
  const paramOf: Record<string, string> = {};
  const fields = new Map(p.form.fields.map((f) => [f.id, f]));
  const categoryField = categoryChoice(p)?.id;
  const put = (fieldId: string, value: string, param: string) => {
    if (fieldId in data) {
      problems.push({ code: 400, description: `${param} and ${paramOf[fieldId]} both fill the field "${fieldId}": send one of them` });
      return;
    }
    data[fieldId] = value;
    paramOf[fieldId] = param;
  };
  const attributes = params.attribute;
  if (attributes !== undefined && (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))) {
    problems.push({ code: 400, description: 'attribute must be a set of attribute[<code>]=<value> pairs' });
  } else if (attributes) {
    for (const [id, raw] of Object.entries(attributes as Record<string, unknown>)) {
      const param = `attribute[${id.slice(0, 40)}]`;
      if (!fields.has(id)) {
        problems.push({ code: 400, description: `${param} is not an attribute of service ${code}: see services/${code}.json?jurisdiction_id=${p.sopId}` });
        continue;
      }
      if (id === categoryField) {
        problems.push({ code: 400, description: `${param} is chosen by the service_code: send the service of the category instead` });
        continue;
      }
      const value = textOf(param, raw, 10_000, problems);
      if (value !== undefined) put(id, value, param);
    }
  }
  const standard = standardFieldsOf(p.form);
  const mapped: [keyof typeof standard, 'description' | 'email' | 'phone'][] = [
    ['description', 'description'],
    ['email', 'email'],
    ['phone', 'phone'],
  ];
  for (const [key, param] of mapped) {
    const value = textOf(param, params[param], 10_000, problems);
    if (value === undefined) continue;
    const field = standard[key];
    if (field) put(field, value, param);
    else problems.push({ code: 400, description: `service ${code} takes no ${param}: its form has no such field (see its attributes)` });
  }
  const first = textOf('first_name', params.first_name, 200, problems);
  const last = textOf('last_name', params.last_name, 200, problems);
  if (first !== undefined || last !== undefined) {
    if (standard.name) put(standard.name, [first, last].filter(Boolean).join(' '), 'first_name/last_name');
    else problems.push({ code: 400, description: `service ${code} takes no name: its form has no name field (see its attributes)` });
  }
  for (const [name, max] of [
    ['address_string', 500],
    ['address_id', 200],
    ['device_id', 200],
    ['account_id', 200],
  ] as const) {
    textOf(name, params[name], max, problems);
  }
  for (const [name, limit] of [
    ['lat', 90],
    ['long', 180],
  ] as const) {
    const text = textOf(name, params[name], 40, problems);
    if (text === undefined) continue;
    const n = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(n) || Math.abs(n) > limit) {
      problems.push({ code: 400, description: `${name} must be a number from -${limit} to ${limit} (WGS84 degrees)` });
    }
  }
  if (params.media_url !== undefined && params.media_url !== '') {
    const fileField = p.form.fields.find((f) => f.type === 'file');
    problems.push({
      code: 400,
      description: fileField
        ? `media_url is not fetched: upload the file to POST /api/public/attachments?sop=${p.sopId}&field=${fileField.id} and send its token as attribute[${fileField.id}]`
        : `service ${code} takes no files (media_url)`,
    });
  }
  if (category !== null && categoryField) put(categoryField, category, 'service_code');
  // a field left empty is named as the client would fill it
  const aliases: Record<string, string> = {};
  if (standard.description) aliases[standard.description] = 'description';
  if (standard.email) aliases[standard.email] = 'email';
  if (standard.phone) aliases[standard.phone] = 'phone';
  if (standard.name) aliases[standard.name] = 'first_name/last_name';
  for (const f of p.form.fields) paramOf[f.id] ??= aliases[f.id] ?? `attribute[${f.id}]`;
  return problems.length ? { errors: problems } : { data, paramOf };
}

/** The status of a case in Open311's two words. */
export function open311Status(status: 'open' | 'done'): 'open' | 'closed' {
  return status === 'done' ? 'closed' : 'open';
}

/** What the public ticket page shows of a case, as the request view needs it. */
export interface PublicCase {
  ticket: string;
  status: 'open' | 'done';
  currentStep: { publicLabel: string | null };
  endStep: { publicLabel: string | null } | null;
  citizenStep: unknown;
  scheduled: { label: string | null; until: Date | string } | null;
  latestReply: { text: string } | null;
  promisedBy: Date | string | null;
  createdAt: Date | string;
  closedAt: Date | string | null;
}

/**
 * The status notes of a request, in the ticket page's public words: the office's latest reply (with
 * the identity struck out, as the ticket page shows it), else where the complaint is.
 */
export function statusNotesOf(view: PublicCase): string {
  const reply = view.latestReply?.text;
  if (view.status === 'done') return reply ? `Selesai. ${reply}` : `Selesai${view.endStep?.publicLabel ? `: ${view.endStep.publicLabel}` : ''}`;
  const where = view.currentStep.publicLabel;
  const now = view.citizenStep
    ? `Menunggu tanggapan pelapor${where ? `: ${where}` : ''}`
    : view.scheduled
      ? `Dijadwalkan${view.scheduled.label ? `: ${view.scheduled.label}` : ''}`
      : `Sedang diproses${where ? `: ${where}` : ''}`;
  return reply ? `${now}. Tanggapan terakhir: ${reply}` : now;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * A request as GET requests.json shows it: status and public words only. Never the complaint's
 * text (`description` is null), the complainant's identity, location or files.
 */
export function requestViewOf(p: Open311Sop, view: PublicCase, category: string | null, updatedAt: Date | string) {
  const service = serviceOfCategory(p, category);
  return {
    service_request_id: view.ticket,
    status: open311Status(view.status),
    status_notes: statusNotesOf(view),
    service_name: service.service_name,
    service_code: service.service_code,
    description: null,
    agency_responsible: `${p.sop.identity.office} ${p.sop.identity.regency}`,
    service_notice: null,
    requested_datetime: iso(view.createdAt),
    updated_datetime: iso(updatedAt),
    expected_datetime: view.status === 'open' ? iso(view.promisedBy) : null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
