import { parseArgs } from 'node:util';
import { compileSop } from '@sop/compiler';
import { CalendarRangeError, formatDuration, INDONESIA_HOLIDAYS, type DurationUnit } from '@sop/business-time';
import { compareSops } from '@sop/compare';
import {
  formatIssue,
  type IssueLanguage,
  inspectSop,
  runnability,
  validateSop,
  type Runnability,
  type SopDocument,
  type SopInspection,
  type SopIssue,
  type TimeTotal,
} from '@sop/model';
import { formatComparison } from './format-comparison';

/** The order units are summed in, the largest first (as inspectSop writes its total). */
const UNITS_LARGEST_FIRST: readonly DurationUnit[] = ['month', 'week', 'day', 'workingDay', 'hour', 'minute'];

/** A path's total in English, for the summary's English lines ("3 working days + 30 minutes (+1 step without a known Waktu)"). */
function totalInEnglish(total: TimeTotal): string {
  const shown = UNITS_LARGEST_FIRST.flatMap((unit) => {
    const amount = total.parts[unit];
    return amount
      ? [formatDuration({ amount, unit, basis: unit === 'day' || unit === 'week' || unit === 'month' ? 'calendar' : 'working', text: '' }, 'en')]
      : [];
  });
  const n = total.unknownSteps.length;
  const base = shown.length ? shown.join(' + ') : n ? 'unknown' : '0 minutes';
  return base + (n ? ` (+${n} step${n === 1 ? '' : 's'} without a known Waktu)` : '');
}

/** Where the command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: sop <command> [options]

Commands:
  validate <files…>        check SOP files; prints file:line:col: error|warning: message (at its YAML path)
  compile <file>           print the XState machine config of an SOP as JSON
  inspect <file> [--json]  lanes, steps, decisions, escalation depth, best and worst case time, channels, service standard, source gaps
  diff <a> <b> [--json]    compare two to five SOPs (regencies, or two versions of one) side by side
  holidays <show|check|load> …  a year's national holidays (shipped or provisional); check a list;
                           load one into a running server (run "sop holidays --help")
  users <list|create|disable|enable|reset-password|unlock> …  accounts on a running server
                           (run "sop users --help")
  lapor import <file> …    send a batch of reports exported from SP4N-LAPOR! to a running server
                           (run "sop lapor --help")
  export --format bpmn <file>   the SOP as BPMN 2.0 XML (lanes, tasks, gateways, timers, our layout)
  import --from bpmn <file>     a draft SOP YAML from a BPMN 2.0 file, with what remains to fill

Run "sop <command> --help" for a command's options.
--lang id|en (validate, compile, inspect, diff): the language of an SOP's issues; default id (Bahasa Indonesia).
Exit status: 0 no error, 1 an SOP has errors, 2 wrong usage or unreadable file.`;

const HELP: Record<string, string> = {
  validate: `Usage: sop validate <files…> [--lang id|en]

Loads each SOP file, checks YAML syntax, the schema (schemas/sop.schema.json) and the semantic rules
(references, reachability, decisions, durations, lanes, roles), and prints every issue as
  file:line:col: error|warning: message (di <YAML path>)
in Bahasa Indonesia by default, in English with --lang en ("error" and "warning" stay as they are,
for editors that jump to the line).
Exit status: 0 when no file has an error (warnings allowed), 1 when any has, 2 on wrong usage or an
unreadable file.`,
  compile: `Usage: sop compile <file> [--flow <periodic-id>]

Prints the XState v5 machine config of the SOP as JSON: states keyed by step id, each with meta
holding its lane, Mutu Baku, parsed time limit and output. --flow picks a periodic procedure instead
of the per-complaint flow. Exit status 1 (with the issues) when the SOP is invalid.`,
  inspect: `Usage: sop inspect <file> [--json]

Summarises an SOP: lanes (each with the common national role it plays, or "other" and the SOP's own
description of the role), steps, decisions, escalation depth, best- and worst-case total time (the
Waktu of the task and decision steps on a path, in working time where the SOP says so), channels and
periodic procedures. --json prints the same as JSON.`,
  diff: `Usage: sop diff <a> <b> [<c> <d> <e>] [--json] [--date YYYY-MM-DD]

Compares two to five SOP files side by side: lanes grouped by common role (lanes of role "other"
listed apart, by the SOP's own description of the role), steps, decision
points, escalation depth, best- and worst-case time (as the SOP writes it, and in working time on
each office's own calendar: its time zone, hours and holidays; a step without a known Waktu keeps the
figure a lower bound, "≥ … (+1 langkah tanpa Waktu)"), channels, form fields, periodic procedures,
and the regulations of the Dasar Hukum, shared or unique. Two versions of one regency's SOP also get
the steps, form fields, lanes and channels added, removed and changed (matched by id).
--date is the day a complaint arrives, as the office opens, for the working time (default 2026-02-02).
--json prints the same data as JSON. Exit status 1 (with the issues) when a file is invalid.`,
};

function readSop(path: string, io: CliIo): { text: string } | { error: string } {
  try {
    return { text: io.readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `sop: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}` };
  }
}

function summary(issues: SopIssue[], files: number, lang: IssueLanguage): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (lang === 'id') return `${files} berkas diperiksa: ${errors} galat, ${warnings} peringatan`;
  return `${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

function validateCommand(files: string[], lang: IssueLanguage, io: CliIo): number {
  if (files.length === 0) {
    io.stderr(`sop validate: no file given\n\n${HELP.validate}`);
    return EXIT_USAGE;
  }
  let unreadable = false;
  const all: SopIssue[] = [];
  for (const file of files) {
    const read = readSop(file, io);
    if ('error' in read) {
      io.stderr(read.error);
      unreadable = true;
      continue;
    }
    const { issues } = validateSop(read.text, { file });
    for (const issue of issues) io.stdout(formatIssue(issue, { lang }));
    all.push(...issues);
  }
  io.stderr(summary(all, files.length, lang));
  if (unreadable) return EXIT_USAGE;
  return all.some((i) => i.severity === 'error') ? EXIT_INVALID : EXIT_OK;
}

function loadValid(file: string, io: CliIo, lang: IssueLanguage) {
  const read = readSop(file, io);
  if ('error' in read) {
    io.stderr(read.error);
    return EXIT_USAGE;
  }
  const result = validateSop(read.text, { file });
  if (!result.sop) {
    for (const issue of result.issues) io.stderr(formatIssue(issue, { lang }));
    return EXIT_INVALID;
  }
  return result.sop;
}

/** The SOP id is the file name without directory and extension. */
export function sopIdOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

const SERVICE_LABELS: [keyof NonNullable<SopInspection['service']>, string][] = [
  ['biaya', 'Cost (biaya)'],
  ['dasarBiaya', 'Legal basis of the cost'],
  ['persyaratan', 'Requirements'],
  ['waktuPenyelesaian', 'Overall service time'],
  ['kondisiWaktu', 'Conditions of the time'],
  ['produk', 'Product'],
];

/** The service standard as printed, the source's state and what is marked inferred or incomplete. */
function formatSourceAndService(r: SopInspection, runs: Runnability): string[] {
  const lines: string[] = [];
  const service = r.service;
  const printed = SERVICE_LABELS.filter(([key]) => service && key in service);
  if (!service || !printed.length) lines.push('Service standard: none printed');
  else {
    lines.push('Service standard (as printed):');
    for (const [key, label] of printed) {
      const value = service[key];
      lines.push(`  ${label}: ${value == null ? '(printed, illegible in the source)' : Array.isArray(value) ? value.join('; ') : value}`);
    }
  }
  lines.push(
    `Source: ${r.source.complete ? 'complete' : `INCOMPLETE${r.source.note ? ` (${r.source.note})` : ''}: kept as printed, for viewing and comparison only`}`,
  );
  lines.push(`Runs cases: ${runs.runnable ? 'yes' : `no (${runs.reasons.length} reason${runs.reasons.length === 1 ? '' : 's'})`}`);
  for (const reason of runs.runnable ? [] : runs.reasons) lines.push(`  - ${reason}`);
  if (!r.gaps.length) lines.push('Marked inferred or incomplete: none');
  else {
    lines.push(`Marked inferred (a platform decision, not written in the source) or incomplete (damaged in the source): ${r.gaps.length}`);
    for (const g of r.gaps) {
      const where = g.step ? `${g.step}${g.number ? ` (no. ${g.number})` : ''}${g.flow && g.flow !== 'main' ? ` [${g.flow}]` : ''}` : 'intake';
      const what = g.kind === 'step' ? 'the step' : g.kind === 'timeout' ? `on timeout: ${g.text}` : `${g.kind} "${g.text ?? ''}"`;
      lines.push(`  ${g.status.padEnd(10)}  ${where}: ${what}${g.note ? ` — ${g.note}` : ''}`);
    }
  }
  return lines;
}

function formatInspection(r: SopInspection, runs: Runnability): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const laneWidth = r.lanes.reduce((w, l) => Math.max(w, l.id.length), 0);
  const roleWidth = r.lanes.reduce((w, l) => Math.max(w, l.role.length + 2), 0);
  const path = (steps: string[]) => steps.join(' → ');
  const lines = [
    `${r.title} — ${r.regency} (${r.timeZone})`,
    '',
    `Lanes (${r.lanes.length}):`,
    // a lane of no common role says what it is in the SOP's words, as comparisons list it
    ...r.lanes.map(
      (l) =>
        `  ${pad(l.id, laneWidth)}  ${pad(`[${l.role}]`, roleWidth)}  ${String(l.steps).padStart(2)} step${l.steps === 1 ? ' ' : 's'}  ${l.name}${l.roleDescription !== null ? `  (other role: ${l.roleDescription})` : ''}`,
    ),
    '',
    `Steps: ${r.steps}    Decisions: ${r.decisions.length}    Escalation depth: ${r.escalationDepth}`,
    ...r.decisions.map((d) => `  decision ${d.id} (no. ${d.number ?? '?'}): ${d.outcomes.join(' / ')}`),
    '',
    `Best case:  ${r.bestCase ? `${totalInEnglish(r.bestCase.total)}  via ${path(r.bestCase.steps)}` : 'no path to an end'}`,
    `Worst case: ${r.worstCase ? `${totalInEnglish(r.worstCase.total)}  via ${path(r.worstCase.steps)}` : r.loops ? 'unbounded (the flow loops)' : 'no path to an end'}`,
    '',
    `Channels: ${r.channels.length ? r.channels.map((c) => c.label).join(', ') : 'none named'}`,
    `Periodic procedures: ${r.periodic.length ? r.periodic.map((p) => `${p.id} (every ${p.every}, ${p.steps} steps)`).join(', ') : 'none'}`,
    `Steps without a known Waktu: ${r.unknownDurations.length ? r.unknownDurations.map((u) => `${u.step} (${u.waktu === null ? 'blank' : `"${u.waktu}"`})`).join(', ') : 'none'}`,
    '',
    ...formatConstructs(r.constructs),
    ...formatSourceAndService(r, runs),
  ];
  return lines.join('\n');
}

/** The citizen's own steps, coordination, units, routing, scheduled waits and documents (ADR 0010, 0014); nothing when the SOP uses none. */
function formatConstructs(c: SopInspection['constructs']): string[] {
  const lines = [
    ...c.citizenSteps.map(
      (s) =>
        `  complainant's step ${s.number ?? '?'} ${s.id}: ${s.waktu ?? 'no Waktu'}, when they do not answer: ${s.onTimeout ?? 'nothing settles it'} (not counted as office time)`,
    ),
    ...c.coordination.map((x) => `  step ${x.step} may ask ${x.lanes.join(', ')}`),
    ...c.units.map((u) => `  lane ${u.lane} has units by ${u.field ?? '?'}: ${u.units.join(', ')}`),
    ...c.routedDecisions.map((d) => `  decision ${d.step} is routed by ${d.field}`),
    ...c.scheduledWaits.map((w) => `  step ${w.step} waits for a date${w.label ? ` (${w.label})` : ''}`),
    ...c.documents.map((d) => `  outcome "${d.outcome}" of ${d.step} produces ${d.document ?? 'a document illegible in the source'}`),
  ];
  return lines.length ? ['Beyond hand-overs:', ...lines, ''] : [];
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The years from the arrival day to the latest worst-case end that have no shipped holiday list. */
function provisionalYearsOf(referenceDate: string, ends: (string | null)[]): number[] {
  const first = Number(referenceDate.slice(0, 4));
  const last = ends.reduce((year, e) => (e === null ? year : Math.max(year, new Date(e).getUTCFullYear())), first);
  const shipped = new Set(INDONESIA_HOLIDAYS.map((y) => y.year));
  const years: number[] = [];
  for (let year = first; year <= last; year++) if (!shipped.has(year)) years.push(year);
  return years;
}

function diffCommand(files: string[], values: { json?: boolean; date?: string }, lang: IssueLanguage, io: CliIo): number {
  if (files.length < 2 || files.length > 5) {
    io.stderr(`sop diff: expected two to five files, got ${files.length}\n\n${HELP.diff}`);
    return EXIT_USAGE;
  }
  if (values.date !== undefined && (!isCalendarDate(values.date) || Number(values.date.slice(0, 4)) < 1900 || Number(values.date.slice(0, 4)) > 2199)) {
    io.stderr(`sop diff: --date ${JSON.stringify(values.date)} is not a date from 1900 to 2199: write YYYY-MM-DD, e.g. 2026-02-02`);
    return EXIT_USAGE;
  }
  const sops: SopDocument[] = [];
  let status = EXIT_OK;
  for (const file of files) {
    const sop = loadValid(file, io, lang);
    if (typeof sop === 'number') status = Math.max(status, sop);
    else sops.push(sop);
  }
  if (status !== EXIT_OK) return status;
  // the key is the file's SOP id; two files of the same id (two versions) are told apart by their path
  const ids = files.map(sopIdOf);
  const keys = ids.map((id, i) => (ids.indexOf(id) !== ids.lastIndexOf(id) ? files[i] : id));
  let comparison: ReturnType<typeof compareSops>;
  try {
    comparison = compareSops(
      sops.map((sop, i) => ({ key: keys[i], sop })),
      { referenceDate: values.date, lang: 'id' },
    );
  } catch (e) {
    if (!(e instanceof CalendarRangeError)) throw e;
    io.stderr(
      `sop diff: a complaint arriving on ${values.date ?? 'that day'} is not settled before the end of the holiday data (${e.availableYears.join(', ')}): choose an earlier --date`,
    );
    return EXIT_USAGE;
  }
  io.stdout(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
  const estimated = provisionalYearsOf(
    comparison.referenceDate,
    comparison.sops.map((c) => c.worstCase?.endsAt ?? null),
  );
  if (estimated.length) {
    io.stderr(
      `note: the holidays of ${estimated.join(', ')} are a provisional estimate (no SKB 3 Menteri list shipped; cuti bersama unknown): working times that reach them may change`,
    );
  }
  return EXIT_OK;
}

/**
 * Runs the `sop` command with its arguments and returns the exit status.
 *
 * @example
 * const code = runCli(['validate', 'sops/metro.yaml'], { stdout: console.log, stderr: console.error, readFile: (p) => fs.readFileSync(p, 'utf8') });
 */
export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? EXIT_OK : EXIT_USAGE;
  }
  if (!(command in HELP)) {
    io.stderr(`sop: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        flow: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
    });
  } catch (e) {
    io.stderr(`sop ${command}: ${(e as Error).message}\n\n${HELP[command]}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP[command]);
    return EXIT_OK;
  }
  const wrongOption =
    command !== 'inspect' && command !== 'diff' && values.json
      ? '--json'
      : command !== 'compile' && values.flow !== undefined
        ? '--flow'
        : command !== 'diff' && values.date !== undefined
          ? '--date'
          : null;
  if (wrongOption) {
    io.stderr(`sop ${command}: ${wrongOption} is not an option of this command\n\n${HELP[command]}`);
    return EXIT_USAGE;
  }
  // the issues' language: Bahasa Indonesia unless asked (docs/adr/0024-issue-messages-by-code.md)
  const lang = values.lang ?? 'id';
  if (lang !== 'id' && lang !== 'en') {
    io.stderr(`sop ${command}: --lang is id (Bahasa Indonesia) or en (English), not "${lang}"\n\n${HELP[command]}`);
    return EXIT_USAGE;
  }
  if (command === 'validate') return validateCommand(positionals, lang, io);
  if (command === 'diff') return diffCommand(positionals, values, lang, io);
  if (positionals.length !== 1) {
    io.stderr(`sop ${command}: expected exactly one file, got ${positionals.length}\n\n${HELP[command]}`);
    return EXIT_USAGE;
  }
  const sop = loadValid(positionals[0], io, lang);
  if (typeof sop === 'number') return sop;
  if (command === 'compile') {
    const compiled = compileSop(sop, { id: sopIdOf(positionals[0]) });
    const periodic: Readonly<Partial<typeof compiled.periodic>> = compiled.periodic;
    const flow = values.flow === undefined ? compiled : periodic[values.flow];
    if (!flow) {
      const known = Object.keys(compiled.periodic);
      io.stderr(`sop compile: no periodic procedure "${values.flow}" in ${positionals[0]}; ${known.length ? `it has: ${known.join(', ')}` : 'it has none'}`);
      return EXIT_USAGE;
    }
    io.stdout(JSON.stringify(flow.config, null, 2));
    return EXIT_OK;
  }
  const inspection = inspectSop(sop);
  const runs = runnability(sop);
  io.stdout(values.json ? JSON.stringify({ ...inspection, runnability: runs }, null, 2) : formatInspection(inspection, runs));
  return EXIT_OK;
}
