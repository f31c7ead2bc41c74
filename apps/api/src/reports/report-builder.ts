import { localDateOf, nominalWorkingMinutes } from '@sop/business-time';
import type { CountRow, LaneDelayRow, PeriodicRunView, ProblemRow, RecapRow, Report, StepDelayRow, StepRef, TimeStats } from '@sop/report-model';
import { buildLogbook } from './logbook';
import { redactIdentity } from '@sop/citizen-data';
import { ReportLabels } from './report-labels';
import { datesOf, type ReportPeriod } from './report-period';
import { isHandOver, type PeriodicRunRow, type ReportCaseRow, type ReportKartuRow } from './reports.repository';

export interface ReportInput {
  period: ReportPeriod;
  labels: ReportLabels;
  complaints: ReportCaseRow[];
  /** Kartu kendali lines of the period's complaints. */
  kartu: ReportKartuRow[];
  /** Hand-overs made in the period. */
  handOvers: ReportKartuRow[];
  periodicRuns: PeriodicRunRow[];
  /** Confidential form values by case id, only to strike them from notes. */
  confidential: Map<string, string[]>;
  now: Date;
}

export const STATUS_LABELS: Record<'open' | 'done', string> = { open: 'dalam proses', done: 'selesai' };
const NO_CATEGORY = 'tanpa kategori';

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function timeStats(lines: ReportKartuRow[]): TimeStats {
  const spent = lines.map((k) => k.spent_working_minutes).filter((m): m is number => m !== null && m !== undefined);
  const withLimit = lines.filter((k) => k.over_limit !== null);
  const over = withLimit.filter((k) => k.over_limit === true).length;
  return {
    count: lines.length,
    medianMinutes: round1(median(spent)),
    maxMinutes: round1(spent.length ? Math.max(...spent) : null),
    overLimit: over,
    overLimitShare: withLimit.length ? over / withLimit.length : null,
  };
}

/** Counts by key, listing `known` keys first (zeros included) and then any other key met. */
function countBy<T>(items: T[], key: (t: T) => string | null, known: (string | null)[], label: (k: string | null) => string): CountRow[] {
  const counts = new Map<string | null, number>(known.map((k) => [k, 0]));
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, label: label(id), count }));
}

function recap(period: string, cases: ReportCaseRow[], now: Date): RecapRow {
  return {
    period,
    filed: cases.length,
    done: cases.filter((c) => c.status === 'done').length,
    open: cases.filter((c) => c.status === 'open').length,
    overdue: cases.filter((c) => isOverdue(c, now)).length,
  };
}

/** Waiting past the current step's deadline. */
const waitsPastDeadline = (c: ReportCaseRow, now: Date) => c.status === 'open' && c.due_at !== null && new Date(c.due_at) < now;

/** Overdue: a deadline of the case passed (recorded), or it waits past its current one. */
const isOverdue = (c: ReportCaseRow, now: Date) => c.overdue || waitsPastDeadline(c, now);

/** Turns the period's rows into the report. Pure: no I/O, no clock. */
export function buildReport(input: ReportInput): Report {
  const { period, labels, complaints, kartu, handOvers, now } = input;
  const latest = labels.latest;
  const tz = period.timeZone;
  const dateOf = new Map(complaints.map((c) => [c.id, localDateOf(new Date(c.created_at), tz)]));

  // recaps
  const byDate = new Map<string, ReportCaseRow[]>(datesOf(period).map((d) => [d, []]));
  for (const c of complaints) byDate.get(dateOf.get(c.id)!)?.push(c);
  const daily = [...byDate].map(([d, cs]) => recap(d, cs, now));
  const byMonth = new Map<string, ReportCaseRow[]>();
  for (const [d, cs] of byDate) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), ...cs]);
  const monthly = [...byMonth].map(([m, cs]) => recap(m, cs, now));

  const categoryField = labels.categoryField();
  const byChannel = countBy(complaints, (c) => c.channel, labels.channels().map(([id]) => id), (id) => labels.channel(id));
  const byCategory = categoryField
    ? countBy(complaints, (c) => c.category, categoryField.options, (id) => id ?? NO_CATEGORY)
    : countBy(complaints, (c) => c.category, [], (id) => id ?? NO_CATEGORY);
  const byStatus = countBy(complaints, (c) => c.status, ['open', 'done'], (id) => STATUS_LABELS[id as 'open' | 'done']);
  const done = complaints.filter((c) => c.status === 'done' && c.end_step);
  const byOutcome = countBy(done, (c) => c.end_step, labels.endSteps(), (id) => labels.outcome(id!));

  // documents produced by the complaints' outcomes (chosen or taken on timeout)
  const byDocument = countBy(kartu.filter((k) => k.document), (k) => k.document, [], (id) => id ?? '');

  // notes without identity, by case and line
  const kartuByCase = new Map<string, ReportKartuRow[]>();
  for (const k of kartu) kartuByCase.set(k.case_id, [...(kartuByCase.get(k.case_id) ?? []), k]);
  const notes = new Map<string, Map<number, string>>();
  for (const [caseId, lines] of kartuByCase) {
    const confidential = input.confidential.get(caseId) ?? [];
    notes.set(caseId, new Map(lines.filter((k) => k.note && isHandOver(k)).map((k) => [k.seq, redactIdentity(k.note!, confidential)])));
  }

  // frequent problems: categories by count, with what was decided, where time went and what officers wrote
  const problems: ProblemRow[] = byCategory
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((r) => {
      const cases = complaints.filter((c) => c.category === r.id);
      const lines = cases.flatMap((c) => kartuByCase.get(c.id) ?? []);
      const choices = new Map<string, number>();
      for (const k of lines) if (k.event === 'CHOOSE' && k.outcome && k.from_step) {
        const label = labels.choice(k.from_step, k.outcome, k.sop_version_id);
        choices.set(label, (choices.get(label) ?? 0) + 1);
      }
      const spentByStep = new Map<string, number>();
      for (const k of lines) if (isHandOver(k) && k.spent_working_minutes) spentByStep.set(k.from_step!, (spentByStep.get(k.from_step!) ?? 0) + k.spent_working_minutes);
      const slowest = [...spentByStep].sort((a, b) => b[1] - a[1])[0];
      const written = lines
        .filter((k) => notes.get(k.case_id)?.has(k.seq))
        .sort((a, b) => new Date(b.handed_over_at).getTime() - new Date(a.handed_over_at).getTime())
        .slice(0, 5)
        .map((k) => ({ ticket: cases.find((c) => c.id === k.case_id)!.ticket, step: labels.step(k.from_step!, k.sop_version_id), text: notes.get(k.case_id)!.get(k.seq)! }));
      return {
        category: r.id,
        label: r.label,
        count: r.count,
        share: complaints.length ? r.count / complaints.length : 0,
        overdue: cases.filter((c) => isOverdue(c, now)).length,
        choices: [...choices].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
        slowestStep: slowest ? { step: labels.step(slowest[0]), minutes: Math.round(slowest[1] * 10) / 10 } : null,
        notes: written,
      };
    });

  // time spent per step and lane, against the limits
  const open = complaints.filter((c) => c.status === 'open');
  const steps: StepDelayRow[] = labels
    .stepOrder()
    .map((stepId) => {
      const meta = labels.meta(stepId);
      const lines = handOvers.filter((k) => k.from_step === stepId);
      const waiting = open.filter((c) => c.step === stepId);
      return {
        step: labels.step(stepId),
        lane: meta?.lane ?? '',
        laneName: meta ? labels.lane(meta.lane) : '',
        limit: meta?.waktu ?? null,
        limitMinutes: meta?.timeLimit ? nominalWorkingMinutes(meta.timeLimit) : null,
        waiting: waiting.length,
        waitingOverdue: waiting.filter((c) => waitsPastDeadline(c, now)).length,
        ...timeStats(lines),
      };
    })
    // the latest version's working steps always (a zero says something too); others when they have figures
    .filter((s) => s.count > 0 || s.waiting > 0 || ['task', 'decision'].includes(latest.compiled.steps[s.step.id]?.kind ?? ''));
  const laneIds = [...new Set([...labels.laneOrder(), ...handOvers.map((k) => k.from_lane!).filter(Boolean)])];
  const lanes: LaneDelayRow[] = laneIds
    .map((lane) => {
      const waiting = open.filter((c) => c.lane === lane);
      return { lane, laneName: labels.lane(lane), waiting: waiting.length, waitingOverdue: waiting.filter((c) => waitsPastDeadline(c, now)).length, ...timeStats(handOvers.filter((k) => k.from_lane === lane)) };
    })
    .filter((l) => l.count > 0 || l.waiting > 0);

  const logbook = buildLogbook(
    complaints.map((row) => {
      const d = dateOf.get(row.id)!;
      return { row, kartu: kartuByCase.get(row.id) ?? [], date: `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, notes: notes.get(row.id) ?? new Map() };
    }),
    labels,
  );

  return {
    regency: { id: latest.sopId, name: latest.sop.identity.regency, timeZone: tz },
    sop: { version: latest.version, title: latest.sop.identity.title },
    period: { from: period.from, to: period.to, month: period.month, timeZone: tz, start: period.start.toISOString(), end: period.end.toISOString() },
    generatedAt: now.toISOString(),
    totals: {
      complaints: complaints.length,
      open: open.length,
      done: complaints.length - open.length,
      overdue: complaints.filter((c) => isOverdue(c, now)).length,
      handOvers: handOvers.length,
      handOversOverLimit: handOvers.filter((k) => k.over_limit === true).length,
    },
    daily,
    monthly,
    byChannel,
    byCategory,
    categoryLabel: categoryField?.label ?? null,
    byStatus,
    byOutcome,
    byDocument,
    problems,
    delays: { steps, lanes },
    periodicRuns: input.periodicRuns.map((r) => ({
      ticket: r.ticket,
      name: labels.periodicName(r.periodic_id, r.sop_version_id),
      period: r.period,
      status: r.status,
      step: labels.periodicStep(r.periodic_id, r.step, r.sop_version_id),
      overdue: r.overdue,
    })),
    logbook,
  };
}
