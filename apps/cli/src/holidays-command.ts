import { parseArgs } from 'node:util';
import { checkHolidayYear, INDONESIA_HOLIDAYS, provisionalHolidayYear, type DatedEntry, type HolidayYear } from '@sop/business-time';
import { parse as parseYaml } from 'yaml';
import { call, loginFromEnv, refusal, type ApiIo } from './api-client';

/** What the holidays command reads, writes and calls; tests pass their own. */
export type HolidaysIo = ApiIo;

export const HOLIDAYS_HELP = `Usage: sop holidays <show|check|load> …

  show <year> [--json] [--api <url>]
      The national holidays and cuti bersama of a year: the list shipped with the platform, or for a
      year without one the provisional estimate (fixed dates, Hijri dates by Umm al-Qura, Imlek,
      Easter-based dates, Nyepi and Waisak by new and full moon; no cuti bersama). With --api, the
      list in force on that server (loaded by an administrator, shipped or provisional).
  check <file>
      Checks a list file (YAML or JSON: year, source, holidays, cutiBersama) as the server would.
  load <file> --api <url> [--office <sop>] [--based-on <version>] [--note <text>]
      Loads the list into the running server (the same service as the API and the /hari-libur page):
      a new version; the pending deadlines it moves are computed again. --office loads that office's
      own closures instead of the national list. Credentials come from SOP_USERNAME and SOP_PASSWORD
      (a platform administrator for the national list, the regency's administrator for its closures).

A list file:
  year: 2027
  source: SKB 3 Menteri No. … tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027
  holidays:
    - { date: 2027-01-01, name: Tahun Baru Masehi }
  cutiBersama:
    - { date: 2027-01-04, name: Cuti bersama Tahun Baru }

Exit status: 0 done, 1 the list is invalid or the server refused it, 2 wrong usage or unreachable.`;

function readList(path: string, io: HolidaysIo): HolidayYear | string {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    return `cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
  }
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 0 });
  } catch (e) {
    return `${path} is not YAML or JSON: ${(e as Error).message.split('\n')[0]}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${path} must hold one list: year, source, holidays, cutiBersama`;
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !['year', 'source', 'holidays', 'cutiBersama'].includes(k));
  if (unknown.length) return `${path}: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: a list has year, source, holidays and cutiBersama`;
  return {
    year: v.year as number,
    source: v.source as string,
    holidays: (v.holidays ?? []) as DatedEntry[],
    cutiBersama: (v.cutiBersama ?? []) as DatedEntry[],
  };
}

function formatList(list: HolidayYear & { status?: string }): string {
  const lines = [`${list.year} — ${list.status ?? (list.provisional ? 'provisional' : 'official')}`, `source: ${list.source}`, '', 'Hari libur nasional:'];
  lines.push(...list.holidays.map((h) => `  ${h.date}  ${h.name}`));
  lines.push('', `Cuti bersama:${list.cutiBersama.length ? '' : ' none'}`, ...list.cutiBersama.map((h) => `  ${h.date}  ${h.name}`));
  if (list.notes?.length) lines.push('', 'Notes:', ...list.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

/**
 * `sop holidays …`: shows, checks and loads holiday lists.
 *
 * @example
 * await runHolidaysCommand(['show', '2027'], io); // prints the provisional 2027 list
 */
export async function runHolidaysCommand(args: string[], io: HolidaysIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        api: { type: 'string' },
        office: { type: 'string' },
        'based-on': { type: 'string' },
        note: { type: 'string' },
      },
      strict: true,
    });
  } catch (e) {
    io.stderr(`sop holidays: ${(e as Error).message}\n\n${HOLIDAYS_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, arg, ...extra] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr)(HOLIDAYS_HELP);
    return values.help ? 0 : 2;
  }
  if (!['show', 'check', 'load'].includes(action) || !arg || extra.length) {
    io.stderr(`sop holidays: expected "show <year>", "check <file>" or "load <file>"\n\n${HOLIDAYS_HELP}`);
    return 2;
  }
  if (action === 'show') {
    if (!/^\d{4}$/.test(arg) || Number(arg) < 1900 || Number(arg) > 2200) {
      io.stderr(`sop holidays show: "${arg}" is not a year from 1900 to 2200`);
      return 2;
    }
    const year = Number(arg);
    if (values.api) {
      const r = await call(io, values.api, 'GET', `/api/holidays/${year}`);
      if (typeof r === 'string') return (io.stderr(`sop holidays show: ${r}`), 2);
      if (r.status !== 200) return (io.stderr(`sop holidays show: ${refusal(r)}`), 1);
      io.stdout(values.json ? JSON.stringify(r.body, null, 2) : formatList(r.body as HolidayYear & { status?: string }));
      return 0;
    }
    const list = INDONESIA_HOLIDAYS.find((y) => y.year === year) ?? provisionalHolidayYear(year);
    io.stdout(values.json ? JSON.stringify(list, null, 2) : formatList({ ...list, status: list.provisional ? 'provisional' : 'shipped' }));
    if (list.provisional && !values.json)
      io.stderr(`(an estimate: to load it after checking it against the SKB, save it as a file with:\n  sop holidays show ${year} --json > ${year}.json)`);
    return 0;
  }
  const list = readList(arg, io);
  if (typeof list === 'string') return (io.stderr(`sop holidays ${action}: ${list}`), 2);
  const problems = checkHolidayYear(list);
  if (problems.length) {
    for (const p of problems) io.stderr(`${arg}: ${p.message}`);
    return 1;
  }
  if (action === 'check') {
    io.stdout(`${arg}: ${list.year}: ${list.holidays.length} holidays, ${list.cutiBersama.length} cuti bersama: sound`);
    return 0;
  }
  if (!values.api) return (io.stderr('sop holidays load: --api <url> is required (the running server, e.g. http://localhost:3000)'), 2);
  const basedOn = values['based-on'];
  if (basedOn !== undefined && !/^\d{1,9}$/.test(basedOn)) return (io.stderr(`sop holidays load: --based-on "${basedOn}" is not a version number`), 2);
  if (values.office !== undefined && !/^[a-z][a-z0-9-]*$/.test(values.office))
    return (io.stderr(`sop holidays load: --office "${values.office}" is not an SOP id`), 2);
  const login = await loginFromEnv(io, values.api, 'sop holidays load');
  if ('code' in login) return login.code;
  const path = values.office ? `/api/holidays/${list.year}/offices/${values.office}` : `/api/holidays/${list.year}`;
  const body = {
    source: list.source,
    holidays: list.holidays,
    ...(values.office ? {} : { cutiBersama: list.cutiBersama }),
    ...(values.note ? { changeNote: values.note } : {}),
    ...(basedOn !== undefined ? { basedOnVersion: Number(basedOn) } : {}),
  };
  const r = await call(io, values.api, 'PUT', path, body, login.token);
  if (typeof r === 'string') return (io.stderr(`sop holidays load: ${r}`), 2);
  if (r.status !== 200) return (io.stderr(`sop holidays load: ${refusal(r)}`), 1);
  const loaded = r.body as { version: number; recomputedDeadlines: number };
  io.stdout(
    `loaded ${list.year} (${values.office ?? 'national'}) as version ${loaded.version}; ${loaded.recomputedDeadlines} pending deadline(s) computed again`,
  );
  return 0;
}
