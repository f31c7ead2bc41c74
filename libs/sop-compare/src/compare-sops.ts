import {
  citizenLanesOf,
  COMMON_ROLES,
  inspectSop,
  isKnownRole,
  KNOWN_ROLES,
  normalizeRoleText,
  OTHER_ROLE,
  type LaneRole,
  type PathTime,
  type ServiceStandard,
  type SopConstructs,
  type SopDocument,
  type SopInspection,
  type SourceGap,
  type Step,
  type TimeTotal,
} from '@sop/model';
import { citationsOf } from './legal-basis';
import { CalendarRangeError } from '@sop/business-time';
import {
  datesOf,
  formatWorkingSpan,
  officeCalendar,
  officeOpening,
  pathEnd,
  shorterSpan,
  workingDayMinutes,
  workingSpan,
  type WorkingSpan,
} from './office-time';
import { diffSopVersions, type SopVersionDiff } from './diff-versions';

/** One SOP to compare: a key for the reader (e.g. "metro" or "metro@2") and the document. */
export interface CompareInput {
  key: string;
  sop: SopDocument;
  /** The published version number, when known. */
  version?: number;
}

export interface CompareOptions {
  /**
   * The local date ("YYYY-MM-DD", a working day) a complaint arrives, as the office opens, for the
   * working-time figures. Defaults to {@link REFERENCE_DATE}.
   */
  referenceDate?: string;
  /** The language of the working-time texts (durations stay as the SOP writes them). */
  lang?: 'id' | 'en';
}

/** Monday 2 February 2026: a full working week without holidays in WIB, WITA and WIT. */
export const REFERENCE_DATE = '2026-02-02';

/**
 * The time of a best- or worst-case path, as the SOP writes it (per unit, ADR 0001) and on the
 * office's real calendar for a complaint arriving as the office opens on the reference date.
 */
export interface CaseTime {
  /** The steps of the path, from the start to an end. */
  path: string[];
  /** The SOP's own durations summed per unit, e.g. "6 hari (+ 1 langkah tanpa waktu yang diketahui)". */
  sopText: string;
  /** The same sum per unit, for writing it in another language. */
  sopTotal: TimeTotal;
  /** Steps on the path whose Waktu is blank or unknown: the working time is then a lower bound. */
  unknownSteps: string[];
  /** The arrival the working time counts from (ISO instant): the office's opening on the reference date (its first working instant). */
  startsAt: string;
  /** Working minutes on the office calendar from `startsAt` to `endsAt`; null when no step of the path has a known Waktu. */
  workingMinutes: number | null;
  /** The same in the office's own working days (each with its own hours) and the minutes of the rest; null as `workingMinutes`. */
  workingSpan: WorkingSpan | null;
  /**
   * When that complaint is settled at the latest (ISO instant): each step taking its full Waktu, one
   * after the other, on the office's calendar from `startsAt`. Null when no step has a known Waktu.
   */
  endsAt: string | null;
  /** e.g. "≥ 7 hari kerja (+1 langkah tanpa Waktu)", or "tidak diketahui (2 langkah tanpa Waktu)" when no Waktu on the path is known. */
  workingText: string;
  /** The fewest and most working minutes over every working day of the reference year as arrival day (null when no Waktu is known). */
  yearRange: { min: number; max: number; text: string } | null;
}

/** Figures of one SOP in the comparison. */
export interface ComparedSop {
  key: string;
  version: number | null;
  title: string;
  regency: string;
  timeZone: string;
  /** Working minutes of the office's average working day (450 under Perpres 21/2023): for information, never used to convert a time. */
  workingDayMinutes: number;
  /** Each lane with its common role, or `other` and the SOP's own description of the role (null otherwise). */
  lanes: { id: string; name: string; role: LaneRole; roleDescription: string | null }[];
  steps: number;
  decisions: number;
  escalationDepth: number;
  bestCase: CaseTime | null;
  /** null when the flow loops (no upper bound) or has no path to an end. */
  worstCase: CaseTime | null;
  loops: boolean;
  channels: { id: string; kind: string; label: string }[];
  form: { document: string | null; title: string | null; fields: { id: string; label: string; type: string; required: boolean }[] } | null;
  periodic: { id: string; name: string; every: string; steps: number }[];
  legalBasis: { key: string; label: string; text: string }[];
  /** The service standard as the SOP prints it (null when it prints none). */
  service: ServiceStandard | null;
  /** Whether the source is whole; an incomplete one is compared as printed and does not run cases. */
  source: { complete: boolean; note: string | null };
  /** Steps, outcomes, jumps, timeout rules and channels marked inferred (a platform decision) or incomplete. */
  gaps: SourceGap[];
  /** The citizen's own steps, coordination, units, routing, scheduled waits and documents (ADR 0010, 0014). */
  constructs: SopConstructs;
}

/**
 * `roles` lines lanes up by common national role; `otherRoles` lists the lanes of role `other`, one
 * row per description (the SOP's own words, compared without case, spaces or punctuation), never
 * merged into a common role.
 */
export type MatrixSection = 'figures' | 'service' | 'gaps' | 'constructs' | 'roles' | 'otherRoles' | 'channels' | 'forms' | 'periodic' | 'legal';

/**
 * How a row compares: figures are `same` or `differs`; items (roles, channels, field types,
 * periodic procedures, regulations) are `shared` by every SOP, `partial` (several) or `unique` (one).
 */
export type RowStatus = 'same' | 'differs' | 'shared' | 'partial' | 'unique';

/** One row of the comparison matrix: one cell per SOP, in the order they were given. */
export interface MatrixRow {
  section: MatrixSection;
  /**
   * Stable within the section: a figure name ("worstCaseWorking"), a common role, an other role's
   * description as compared ("koordinator iso"), a channel kind, a regulation key.
   */
  key: string;
  /** English label for the command line; SOP content (a regulation's short name, an other role's description) as written. */
  label: string;
  /** '' where the SOP has nothing for an item row. */
  cells: string[];
  status: RowStatus;
}

export interface SopComparison {
  referenceDate: string;
  sops: ComparedSop[];
  matrix: MatrixRow[];
  /** Present when two versions of the same regency's SOP are compared (first → second). */
  versionDiff: SopVersionDiff | null;
}

const UNKNOWN_WORDS = {
  id: (n: number) => `(+${n} langkah tanpa Waktu)`,
  en: (n: number) => `(+${n} step${n === 1 ? '' : 's'} without a Waktu)`,
};

/** A path none of whose Waktu is known: its time is unknown, not zero. */
const NONE_KNOWN_WORDS = {
  id: (n: number) => `tidak diketahui (${n} langkah tanpa Waktu)`,
  en: (n: number) => `unknown (${n} step${n === 1 ? '' : 's'} without a Waktu)`,
};

function stepsOf(sop: SopDocument, ids: string[]): Step[] {
  const byId = new Map(sop.steps.map((s) => [s.id, s]));
  return ids.map((id) => {
    const step = byId.get(id);
    if (!step) throw new Error(`step "${id}" is not in the SOP ${sop.identity.regency}`);
    return step;
  });
}

function caseTime(sop: SopDocument, path: PathTime | null, referenceDate: string, lang: 'id' | 'en'): CaseTime | null {
  if (!path) return null;
  const calendar = officeCalendar(sop);
  // the office's time: the complainant's own steps (ADR 0010) are left out
  const citizen = citizenLanesOf(sop);
  const steps = stepsOf(sop, path.steps).filter((s) => !citizen.has(s.lane) || s.kind === 'end');
  const unknown = path.total.unknownSteps;
  // the complaint arrives as the office opens (its first working instant), never at midnight
  const start = officeOpening(calendar, referenceDate);
  const same = { path: path.steps, sopText: path.total.text, sopTotal: path.total, unknownSteps: unknown, startsAt: start.toISOString() };
  if (Object.keys(path.total.parts).length === 0 && unknown.length > 0) {
    // nothing on the path has a known Waktu: no working time, no finish instant (not 0 minutes)
    return { ...same, workingMinutes: null, workingSpan: null, endsAt: null, workingText: NONE_KNOWN_WORDS[lang](unknown.length), yearRange: null };
  }
  const lowerBound = (text: string) => (unknown.length ? `≥ ${text} ${UNKNOWN_WORDS[lang](unknown.length)}` : text);
  const end = pathEnd(calendar, steps, start);
  // counted in the office's own working days (a Saturday morning is one of them), never minutes over a nominal or average day
  const span = workingSpan(calendar, start, end);
  const year = Number(referenceDate.slice(0, 4));
  let min = Infinity;
  let max = -Infinity;
  let shortest: WorkingSpan | null = null;
  let longest: WorkingSpan | null = null;
  for (const date of datesOf(year, '11-30')) {
    if (!calendar.isWorkingDay(date)) continue;
    let minutes: number;
    let daySpan: WorkingSpan;
    try {
      const arrival = officeOpening(calendar, date);
      const finish = pathEnd(calendar, steps, arrival);
      minutes = calendar.workingMinutesBetween(arrival, finish);
      daySpan = workingSpan(calendar, arrival, finish);
    } catch (e) {
      if (e instanceof CalendarRangeError) continue; // the path runs past the holiday data
      throw e;
    }
    min = Math.min(min, minutes);
    max = Math.max(max, minutes);
    if (!shortest || shorterSpan(daySpan, shortest)) shortest = daySpan;
    if (!longest || shorterSpan(longest, daySpan)) longest = daySpan;
  }
  const fmt = (s: WorkingSpan) => formatWorkingSpan(s, lang);
  const rangeText = (a: WorkingSpan, b: WorkingSpan) => (fmt(a) === fmt(b) ? fmt(a) : `${fmt(a)} – ${fmt(b)}`);
  return {
    ...same,
    workingMinutes: calendar.workingMinutesBetween(start, end),
    workingSpan: span,
    endsAt: end.toISOString(),
    workingText: lowerBound(fmt(span)),
    yearRange: shortest && longest ? { min, max, text: lowerBound(rangeText(shortest, longest)) } : null,
  };
}

function compared(input: CompareInput, inspection: SopInspection, referenceDate: string, lang: 'id' | 'en'): ComparedSop {
  const { sop } = input;
  return {
    key: input.key,
    version: input.version ?? null,
    title: inspection.title,
    regency: inspection.regency,
    timeZone: inspection.timeZone,
    workingDayMinutes: workingDayMinutes(sop),
    lanes: inspection.lanes.map(({ id, name, role, roleDescription }) => ({ id, name, role, roleDescription })),
    steps: inspection.steps,
    decisions: inspection.decisions.length,
    escalationDepth: inspection.escalationDepth,
    bestCase: caseTime(sop, inspection.bestCase, referenceDate, lang),
    worstCase: caseTime(sop, inspection.worstCase, referenceDate, lang),
    loops: inspection.loops,
    channels: inspection.channels,
    form: sop.intake?.form
      ? {
          document: sop.intake.form.document ?? null,
          title: sop.intake.form.title ?? null,
          fields: sop.intake.form.fields.map((f) => ({ id: f.id, label: f.label, type: f.type, required: f.required ?? false })),
        }
      : null,
    periodic: inspection.periodic,
    legalBasis: (sop.sections?.dasarHukum ?? []).flatMap((text) => citationsOf(text, sop.identity.regency)),
    service: inspection.service,
    source: inspection.source,
    gaps: inspection.gaps,
    constructs: inspection.constructs,
  };
}

function figureRow(key: string, label: string, cells: string[]): MatrixRow {
  return { section: 'figures', key, label, cells, status: cells.every((c) => c === cells[0]) ? 'same' : 'differs' };
}

function itemStatus(cells: string[]): RowStatus {
  const present = cells.filter((c) => c !== '').length;
  return present === cells.length ? 'shared' : present === 1 ? 'unique' : 'partial';
}

/** Item rows in first-seen order: one per key, a cell per SOP. */
function itemRows<T>(
  section: MatrixSection,
  sops: ComparedSop[],
  itemsOf: (s: ComparedSop) => T[],
  keyOf: (t: T) => string,
  labelOf: (t: T) => string,
  cellOf: (items: T[]) => string,
): MatrixRow[] {
  const order: { key: string; label: string }[] = [];
  for (const s of sops) for (const item of itemsOf(s)) if (!order.some((o) => o.key === keyOf(item))) order.push({ key: keyOf(item), label: labelOf(item) });
  return order.map(({ key, label }) => {
    const cells = sops.map((s) => {
      const mine = itemsOf(s).filter((i) => keyOf(i) === key);
      return mine.length ? cellOf(mine) : '';
    });
    return { section, key, label, cells, status: itemStatus(cells) };
  });
}

const ROLE_ORDER: readonly string[] = COMMON_ROLES;

function roleLabel(role: string): string {
  return isKnownRole(role) ? KNOWN_ROLES[role].en : role;
}

const CELL_WORDS = {
  id: {
    noEnd: 'tidak ada jalur ke akhir',
    unbounded: 'tak terbatas (berulang)',
    yes: 'ada',
    illegible: 'tidak terbaca di sumber',
    complete: 'lengkap',
    incomplete: 'tidak lengkap',
    steps: (n: number) => `${n} langkah`,
    silence: 'bila diam',
    by: 'menurut',
    // what the step's time passing does (`onTimeout`, as inspectSop words it: "choose <label>", "complete"…)
    timeout: { choose: 'pilih', complete: 'selesaikan', flag: 'tandai terlambat', escalate: 'eskalasi' } as Record<string, string>,
  },
  en: {
    noEnd: 'no path to an end',
    unbounded: 'unbounded (loops)',
    yes: 'yes',
    illegible: 'illegible in the source',
    complete: 'complete',
    incomplete: 'incomplete',
    steps: (n: number) => `${n} step${n === 1 ? '' : 's'}`,
    silence: 'silence',
    by: 'by',
    timeout: { choose: 'choose', complete: 'complete', flag: 'flag', escalate: 'escalate' } as Record<string, string>,
  },
};

/** A time-out rule as inspectSop words it ("choose Puas", "complete"), its action in the table's language. */
function timeoutWords(rule: string | null | undefined, words: Record<string, string>): string {
  if (!rule) return '?';
  const [action, ...rest] = rule.split(' ');
  return Object.hasOwn(words, action) ? [words[action], ...rest].join(' ') : rule;
}

/** The service standard's fields, in the order SOPs print them, with their English labels. */
export const SERVICE_FIELDS: readonly { key: keyof ServiceStandard; label: string }[] = [
  { key: 'biaya', label: 'Cost (biaya)' },
  { key: 'dasarBiaya', label: 'Legal basis of the cost' },
  { key: 'persyaratan', label: 'Requirements (persyaratan)' },
  { key: 'waktuPenyelesaian', label: 'Overall service time' },
  { key: 'kondisiWaktu', label: 'Conditions of the time' },
  { key: 'produk', label: 'Product' },
];

/** A service field as written ('' when the SOP does not print it; lists joined by "; "). */
function serviceCell(service: ServiceStandard | null, key: keyof ServiceStandard, illegible: string): string {
  if (!service || !(key in service)) return '';
  const value = service[key];
  if (value == null) return illegible;
  return Array.isArray(value) ? value.join('; ') : value;
}

/** The marks of one status, e.g. "4 kasi-periksa: outcome Selesai; …". */
function gapCell(gaps: SourceGap[], status: SourceGap['status']): string {
  const mine = gaps.filter((g) => g.status === status);
  if (!mine.length) return '0';
  const what = (g: SourceGap) => (g.kind === 'step' ? 'step' : g.kind === 'timeout' ? `timeout (${g.text})` : `${g.kind} ${g.text ?? ''}`.trim());
  return `${mine.length}: ${mine.map((g) => `${g.step ? `${g.number ?? '–'} ${g.step}` : 'intake'}: ${what(g)}`).join('; ')}`;
}

function buildMatrix(sops: ComparedSop[], lang: 'id' | 'en'): MatrixRow[] {
  const w = CELL_WORDS[lang];
  const time = (t: CaseTime | null, pick: (t: CaseTime) => string, none: string) => (t ? pick(t) : none);
  const rows: MatrixRow[] = [
    figureRow(
      'regency',
      'Regency (time zone)',
      sops.map((s) => `${s.regency} (${s.timeZone})`),
    ),
    figureRow(
      'lanes',
      'Lanes',
      sops.map((s) => String(s.lanes.length)),
    ),
    figureRow(
      'steps',
      'Steps',
      sops.map((s) => String(s.steps)),
    ),
    figureRow(
      'decisions',
      'Decision points',
      sops.map((s) => String(s.decisions)),
    ),
    figureRow(
      'escalationDepth',
      'Escalation depth',
      sops.map((s) => String(s.escalationDepth)),
    ),
    figureRow(
      'bestCase',
      'Best case (as written)',
      sops.map((s) => time(s.bestCase, (t) => t.sopText, w.noEnd)),
    ),
    figureRow(
      'bestCaseWorking',
      'Best case (working time)',
      sops.map((s) => time(s.bestCase, (t) => t.workingText, w.noEnd)),
    ),
    figureRow(
      'worstCase',
      'Worst case (as written)',
      sops.map((s) => time(s.worstCase, (t) => t.sopText, s.loops ? w.unbounded : w.noEnd)),
    ),
    figureRow(
      'worstCaseWorking',
      'Worst case (working time)',
      sops.map((s) => time(s.worstCase, (t) => t.workingText, s.loops ? w.unbounded : w.noEnd)),
    ),
    figureRow(
      'worstCaseYear',
      'Worst case, any arrival day',
      sops.map((s) => time(s.worstCase, (t) => t.yearRange?.text ?? '', s.loops ? w.unbounded : '')),
    ),
    figureRow(
      'channels',
      'Channels',
      sops.map((s) => String(s.channels.length)),
    ),
    figureRow(
      'form',
      'Complaint form',
      sops.map((s) => (s.form ? [s.form.document, s.form.title].filter(Boolean).join(' ') || w.yes : '')),
    ),
    figureRow(
      'formFields',
      'Form fields',
      sops.map((s) => String(s.form?.fields.length ?? 0)),
    ),
    figureRow(
      'periodic',
      'Periodic procedures',
      sops.map((s) => String(s.periodic.length)),
    ),
    figureRow(
      'legalBasis',
      'Regulations cited',
      sops.map((s) => String(s.legalBasis.length)),
    ),
  ];
  // the service standard, only the fields some SOP prints (as written)
  for (const { key, label } of SERVICE_FIELDS) {
    const cells = sops.map((s) => serviceCell(s.service, key, w.illegible));
    if (cells.some((c) => c !== '')) rows.push({ section: 'service', key, label, cells, status: cells.every((c) => c === cells[0]) ? 'same' : 'differs' });
  }
  // honest gaps: whether each source is whole, and what was inferred (a platform decision) or is damaged
  const gapRow = (key: string, label: string, cells: string[]): MatrixRow => ({
    section: 'gaps',
    key,
    label,
    cells,
    status: cells.every((c) => c === cells[0]) ? 'same' : 'differs',
  });
  rows.push(
    gapRow(
      'sourceComplete',
      'Source complete',
      sops.map((s) => (s.source.complete ? w.complete : `${w.incomplete}${s.source.note ? `: ${s.source.note}` : ''}`)),
    ),
  );
  rows.push(
    gapRow(
      'inferred',
      'Marked inferred (platform decision)',
      sops.map((s) => gapCell(s.gaps, 'inferred')),
    ),
  );
  rows.push(
    gapRow(
      'incomplete',
      'Marked incomplete (damaged in the source)',
      sops.map((s) => gapCell(s.gaps, 'incomplete')),
    ),
  );
  // what the flow does beyond plain hand-overs, in the SOP's words
  const constructRow = (key: string, label: string, cellOf: (c: SopConstructs) => string[]): MatrixRow => {
    const cells = sops.map((s) => {
      const items = cellOf(s.constructs);
      return items.length ? `${items.length}: ${items.join('; ')}` : '0';
    });
    return { section: 'constructs', key, label, cells, status: cells.every((c) => c === cells[0]) ? 'same' : 'differs' };
  };
  rows.push(
    constructRow('citizenSteps', "Complainant's own steps", (c) =>
      c.citizenSteps.map((s) => `${s.number ?? '–'} ${s.id} (${s.waktu ?? '?'}; ${w.silence}: ${timeoutWords(s.onTimeout, w.timeout)})`),
    ),
    constructRow('coordination', 'Coordination with other lanes', (c) => c.coordination.map((x) => `${x.step} → ${x.lanes.join(', ')}`)),
    constructRow('units', 'Lanes with units', (c) => c.units.map((u) => `${u.lane} ${w.by} ${u.field ?? '?'}: ${u.units.join(', ')}`)),
    constructRow('routing', 'Decisions routed by a field', (c) => c.routedDecisions.map((r) => `${r.step} ${w.by} ${r.field}`)),
    constructRow('waits', 'Scheduled waits', (c) => c.scheduledWaits.map((w) => `${w.step}${w.label ? ` (${w.label})` : ''}`)),
    constructRow('documents', 'Documents produced', (c) => c.documents.map((d) => `${d.outcome}: ${d.document ?? w.illegible}`)),
  );
  const laneNames = (ls: ComparedSop['lanes']) => [...new Set(ls.map((l) => l.name))].join('; ');
  const roles = itemRows(
    'roles',
    sops,
    (s) => s.lanes.filter((l) => l.role !== OTHER_ROLE),
    (l) => l.role,
    (l) => roleLabel(l.role),
    laneNames,
  );
  roles.sort((a, b) => (ROLE_ORDER.indexOf(a.key) + 1 || 99) - (ROLE_ORDER.indexOf(b.key) + 1 || 99));
  rows.push(...roles);
  // lanes of no common role, by what their SOP calls them: listed, never merged into a common role
  const otherRole = (l: ComparedSop['lanes'][number]) => l.roleDescription ?? l.name;
  const others = (s: ComparedSop) => s.lanes.filter((l) => l.role === OTHER_ROLE);
  rows.push(...itemRows('otherRoles', sops, others, (l) => normalizeRoleText(otherRole(l)), otherRole, laneNames));
  rows.push(
    ...itemRows(
      'channels',
      sops,
      (s) => s.channels,
      (c) => c.kind,
      (c) => c.kind,
      (cs) => cs.map((c) => c.label).join(', '),
    ),
  );
  rows.push(
    ...itemRows(
      'forms',
      sops,
      (s) => s.form?.fields ?? [],
      (f) => f.type,
      (f) => f.type,
      (fs) => fs.map((f) => f.label).join('; '),
    ),
  );
  rows.push(
    ...itemRows(
      'periodic',
      sops,
      (s) => s.periodic,
      (p) => p.every,
      (p) => p.every,
      (ps) => ps.map((p) => `${p.name} (${w.steps(p.steps)})`).join('; '),
    ),
  );
  const legal = itemRows(
    'legal',
    sops,
    (s) => s.legalBasis,
    (c) => c.key,
    (c) => c.label,
    (cs) => cs[0].text,
  );
  const rank: Record<RowStatus, number> = { shared: 0, partial: 1, unique: 2, same: 3, differs: 3 };
  legal.sort((a, b) => rank[a.status] - rank[b.status]);
  rows.push(...legal);
  return rows;
}

/**
 * Compares two to five SOPs (or two versions of one) for reviewers: lanes grouped by common
 * national role (lanes of role `other` listed apart by the SOP's own description), steps, decisions, escalation depth, best and worst case time — as the SOP writes it and in
 * working time on each office's own calendar (its time zone, hours and holidays) — channels, form
 * fields, periodic procedures and the regulations cited, shared or unique. Two SOPs of the same
 * regency also get a version diff (steps, form fields, lanes and channels added, removed, changed).
 *
 * @example
 * const c = compareSops([{ key: 'metro', sop: metro }, { key: 'buleleng', sop: buleleng }]);
 * c.sops.map((s) => s.worstCase?.workingText) // ['≥ 7 hari kerja (+1 langkah tanpa Waktu)', '1 jam 50 menit']
 */
export function compareSops(inputs: CompareInput[], options: CompareOptions = {}): SopComparison {
  if (inputs.length < 2 || inputs.length > 5) throw new RangeError(`compare two to five SOPs, got ${inputs.length}`);
  const referenceDate = options.referenceDate ?? REFERENCE_DATE;
  const lang = options.lang ?? 'id';
  const sops = inputs.map((input) => compared(input, inspectSop(input.sop), referenceDate, lang));
  const sameRegency = inputs.length === 2 && inputs[0].sop.identity.regency === inputs[1].sop.identity.regency;
  return {
    referenceDate,
    sops,
    matrix: buildMatrix(sops, lang),
    versionDiff: sameRegency ? diffSopVersions(inputs[0].sop, inputs[1].sop) : null,
  };
}
