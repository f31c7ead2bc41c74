import { isLocalDate } from '@sop/business-time';
import { dateOrInstantOf } from '../common/date-or-instant';
import { quoted } from '../common/quoted';

/**
 * Reading Open311 GeoReport v2 parameters as the client sent them (docs/integrations-open311-lapor.md):
 * each one value, and the dates in W3C's form on a day and at a time that exist. Pure: the problems
 * are returned in words for the client, and the service answers them in Open311's shape.
 */

/** What GeoReport v2's dates may be, as a refusal says what to send. */
export const W3C_FORMS =
  'a date (2026-12-01, read as midnight UTC) or a date and time with its offset (2026-12-01T09:00:00+07:00, in a URL 2026-12-01T09:00:00%2B07:00, or 2026-12-01T02:00:00Z)';

/**
 * W3C's date and time forms (https://www.w3.org/TR/NOTE-datetime, as GeoReport v2 asks): a complete
 * date, or a date with hours and minutes, seconds and a fraction, and the offset (Z or ±hh:mm), which
 * a time must have. Matched loosely enough to say what is wrong with a near miss: a space for the T,
 * the offset's + read as a space (a URL's + unencoded), an offset without its colon, no offset.
 */
const NEAR_W3C = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+ -]\d{2}:?\d{2})?)?$/;

/**
 * A W3C date or instant on a day and at a time that exist: the instant (a date alone is its midnight
 * UTC), or what is wrong with it (no problems named: it is not written as a date at all).
 */
export function w3cInstantOf(text: string): { at: Date } | { problems: string[] } {
  // the forms the API reads everywhere (LAPOR!'s since, the audit log's and the inbox's from and to)
  const at = dateOrInstantOf(text);
  if (at) return { at };
  // what is wrong with a near miss, in words
  const m = NEAR_W3C.exec(text);
  if (!m) return { problems: [] };
  const [year, month, day] = [m[1], m[2], m[3]];
  // the time's parts, each absent when not written
  const [separator, hour, minute, second, offset] = m.slice(4) as (string | undefined)[];
  const problems: string[] = [];
  const monthNumber = Number(month);
  // the day as the working-day calendar checks a local date: 29 February only in a leap year
  if (monthNumber < 1 || monthNumber > 12) problems.push(`month ${month} does not exist (01 to 12)`);
  else if (!isLocalDate(`${year}-${month}-${day}`)) problems.push(`${year}-${month} has no day ${day}`);
  if (separator === ' ') problems.push(`separate the date and the time with T (${year}-${month}-${day}T${hour}:${minute}), not a space`);
  if (hour !== undefined && Number(hour) > 23)
    problems.push(`hour ${hour} does not exist (00 to 23${hour === '24' ? '; midnight is T00:00 of the next day' : ''})`);
  if (minute !== undefined && Number(minute) > 59) problems.push(`minute ${minute} does not exist (00 to 59)`);
  if (second !== undefined && Number(second) > 59) problems.push(`second ${second} does not exist (00 to 59)`);
  if (hour !== undefined && offset === undefined) problems.push('the time has no offset: add Z (UTC) or one such as +07:00 (WIB)');
  if (offset !== undefined && offset !== 'Z') {
    const [offsetHours, offsetMinutes] = [offset.slice(1, 3), offset.slice(-2)];
    if (offset.startsWith(' '))
      problems.push(
        `the + of the offset arrived as a space: in a URL write it %2B (T${hour}:${minute}${second ? `:${second}` : ''}%2B${offsetHours}:${offsetMinutes})`,
      );
    if (!offset.includes(':')) problems.push(`write the offset with a colon (${offset.startsWith('-') ? '-' : '+'}${offsetHours}:${offsetMinutes})`);
    if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) problems.push(`the offset ${offset.trim()} does not exist (hours 00 to 23, minutes 00 to 59)`);
  }
  return { problems };
}

/** The refusal of a date parameter that is not a W3C date or instant that exists: what is wrong, and what to send. */
export function dateProblem(name: string, text: string, problems: string[]): string {
  return `${name} ${quoted(text)} is not a W3C date or date and time${problems.length ? `: ${problems.join('; ')}` : ''}. Send ${W3C_FORMS}`;
}

/** A day in milliseconds (a span of dates is counted in days of 24 hours, whatever the offsets). */
export const DAY = 86_400_000;

/**
 * GeoReport v2: a request covers at most 90 days of requested_datetime. Without dates, the last 90
 * days; with end_date alone, the 90 days before it; with start_date alone, from it to now (so it is
 * at most 90 days before now).
 */
export const MAX_SPAN_DAYS = 90;

/**
 * The refusal of a start_date and end_date (or now, when end_date is left out) more than 90 days
 * apart: how far apart they are, and the end_date of a first part that may be asked for.
 */
export function spanProblem(startText: string, endText: string | null, from: Date, to: Date, now: Date): string {
  const rule = `a request may cover at most ${MAX_SPAN_DAYS} days`;
  const firstEnd = new Date(from.getTime() + MAX_SPAN_DAYS * DAY).toISOString();
  if (endText === null) {
    return `start_date ${startText} is more than ${MAX_SPAN_DAYS} days before now (${now.toISOString()}), the end_date when none is sent; ${rule}: send an end_date too, at most ${MAX_SPAN_DAYS} days after the start_date (end_date=${firstEnd}), and ask for the rest of the period in parts`;
  }
  return `start_date ${startText} and end_date ${endText} span ${durationOf(to.getTime() - from.getTime())}; ${rule}: ask for the period in parts (the first from this start_date to end_date=${firstEnd})`;
}

/** A duration in words: "364 days", "90 days and 1 second", "90 days, 2 hours and 0.5 seconds". */
export function durationOf(ms: number): string {
  const seconds = (ms % 60_000) / 1000;
  const parts = [
    [Math.floor(ms / DAY), 'day'],
    [Math.floor((ms % DAY) / 3_600_000), 'hour'],
    [Math.floor((ms % 3_600_000) / 60_000), 'minute'],
    [seconds, 'second'],
  ] as const;
  const words = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  if (words.length === 0) return '0 seconds';
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What to send instead of a jurisdiction_id sent twice or as a list. */
const ONE_JURISDICTION = "send one jurisdiction id (the regency's SOP id, as discovery.json lists them)";

/** For each query parameter of GET services.json, services/{code}.json and requests/{id}.json: what to send once. */
export const LOOKUP_PARAMS: Record<string, string> = { jurisdiction_id: ONE_JURISDICTION };

/** For each parameter of GET requests.json: what to send once. */
export const LIST_PARAMS: Record<string, string> = {
  jurisdiction_id: ONE_JURISDICTION,
  api_key: 'send your key once',
  service_request_id: 'send it once, several ids separated by commas (service_request_id=BUL-7K4Q9P,BUL-3M8R2T)',
  service_code: 'send it once, several codes separated by commas (service_code=pelayanan,lain-lain)',
  start_date: 'send one date, e.g. start_date=2026-12-01T00:00:00Z',
  end_date: 'send one date, e.g. end_date=2026-12-31T23:59:59Z',
  status: 'send it once: status=open, status=closed, or both as status=open,closed',
  page: 'send one page number, e.g. page=2',
  page_size: 'send one page size, e.g. page_size=50',
};

/** For the parameters of POST requests.json that are read before the form (the others are the form's): what to send once. */
export const SUBMIT_PARAMS: Record<string, string> = {
  jurisdiction_id: ONE_JURISDICTION,
  api_key: 'send your key once',
  service_code: 'send one service code: a request is filed under one service',
};

/** A list key of a parameter (`name[]`, `name[0]`, `name[a][b]`): the parameter's name. */
const LIST_KEY = /^([^[\]]+)\[[^\]]*\]/;

/**
 * The query string's parameters a route reads, each the one text sent (or undefined), or what is
 * wrong: each of them sent more than once (`a=1&a=2`: a list of texts) or as a list (`a[]=1`,
 * `a[0]=1`: the query parser keeps such a key as it is written). Other keys are the route's to judge.
 * The values are never quoted (an api_key is a secret).
 *
 * @param hints for each parameter read, what to send once
 */
export function queryValuesOf(
  query: Record<string, unknown>,
  hints: Record<string, string>,
): { values: Record<string, string | undefined> } | { problems: string[] } {
  const problems: string[] = [];
  const values: Record<string, string | undefined> = {};
  const keys = Object.keys(query);
  for (const [name, hint] of Object.entries(hints)) {
    const value = query[name];
    if (Array.isArray(value)) problems.push(`${name} was sent ${value.length} times: ${hint}`);
    else if (value !== undefined && typeof value !== 'string') problems.push(`${name} was sent as a list: ${hint}`);
    else values[name] = value;
    const listed = keys.find((k) => LIST_KEY.exec(k)?.[1] === name);
    if (listed !== undefined) problems.push(`${name} was sent as a list (${listed.slice(0, 60)}=…): ${hint}`);
  }
  return problems.length ? { problems } : { values };
}

/**
 * What is wrong with a body parameter that is not one value: a list (JSON `[…]`, or a form's `a=1&a=2`
 * or `a[]=1`, which read the same) or a set of values (a form's `a[x]=1`, a JSON object); null when it
 * is one value or none. Never quotes the value.
 */
export function bodyValueProblem(name: string, value: unknown, hint: string): string | null {
  if (Array.isArray(value)) return `${name} was sent more than once or as a list: ${hint}`;
  if (value !== null && typeof value === 'object') return `${name} was sent as a set of values (${name}[…]=…): ${hint}`;
  return null;
}
