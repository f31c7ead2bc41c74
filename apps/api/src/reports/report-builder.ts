import { nominalWorkingMinutes } from '@sop/business-time';
import type { CountRow, LaneDelayRow, Logbook, ProblemRow, RecapRow, Report, StepDelayRow, TimeStats } from '@sop/report-model';
import { redactIdentity } from '@sop/citizen-data';
import { ReportLabels } from './report-labels';
import { datesOf, type ReportPeriod } from './report-period';
import type { CaseGroupRow, DayRow, KartuGroupRow, NoteRow, PeriodicRunRow, StatsRow, WaitingRow } from './reports.repository';

/** What the database computed for a report: groups and figures, never the period's rows. */
export interface ReportInput {
  period: ReportPeriod;
  labels: ReportLabels;
  /** Complaints by channel, category, status and end step. */
  caseGroups: CaseGroupRow[];
  /** Complaints by local day filed (days without any are absent). */
  days: DayRow[];
  /** Open complaints by the step and lane they wait at. */
  waiting: WaitingRow[];
  /** Working time of the hand-overs made in the period, per step, per lane and in all. */
  stats: StatsRow[];
  /** The period's complaints' kartu kendali in groups (decisions, minutes per step, documents). */
  kartuGroups: KartuGroupRow[];
  /** The latest notes per category, identity not yet struck out. */
  notes: NoteRow[];
  periodicRuns: PeriodicRunRow[];
  /** Confidential form values of the complaints whose notes are shown, by case id. */
  confidential: Map<string, string[]>;
  /** The logbook page, already built. */
  logbook: Logbook;
  now: Date;
}

export const STATUS_LABELS: Record<'open' | 'done', string> = { open: 'dalam proses', done: 'selesai' };
const NO_CATEGORY = 'tanpa kategori';
/** Officers' notes shown per category of the frequent problems. */
export const NOTES_PER_CATEGORY = 5;

const round1 = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);

const NO_STATS: TimeStats = { count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null, maxMinutes: null, overLimit: 0, overLimitShare: null };

function timeStats(row: StatsRow | undefined): TimeStats {
  if (!row) return NO_STATS;
  return {
    count: row.count,
    meanMinutes: round1(row.mean),
    medianMinutes: round1(row.median),
    p90Minutes: round1(row.p90),
    maxMinutes: round1(row.max),
    overLimit: row.over_limit,
    overLimitShare: row.with_limit ? row.over_limit / row.with_limit : null,
  };
}

/** Adds counts into a map in first-met order. */
function add<K>(counts: Map<K, number>, key: K, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Counts by key, listing `known` keys first (zeros included) and then any other key met. */
function countRows(groups: { key: string | null; count: number }[], known: (string | null)[], label: (k: string | null) => string): CountRow[] {
  const counts = new Map<string | null, number>(known.map((k) => [k, 0]));
  for (const g of groups) add(counts, g.key, g.count);
  return [...counts].map(([id, count]) => ({ id, label: label(id), count }));
}

/** Turns the database's figures into the report. Pure: no I/O, no clock. */
export function buildReport(input: ReportInput): Report {
  const { period, labels, caseGroups, now } = input;
  const latest = labels.latest;
  const tz = period.timeZone;

  // recaps: every day of the period (zeros too), months summed from the days
  const dayRows = new Map(input.days.map((d) => [d.day, d]));
  const daily: RecapRow[] = datesOf(period).map((d) => {
    const r = dayRows.get(d);
    return { period: d, filed: r?.filed ?? 0, done: r?.done ?? 0, open: r?.open ?? 0, overdue: r?.overdue ?? 0 };
  });
  const months = new Map<string, RecapRow>();
  for (const d of daily) {
    const m = months.get(d.period.slice(0, 7)) ?? { period: d.period.slice(0, 7), filed: 0, done: 0, open: 0, overdue: 0 };
    months.set(m.period, { ...m, filed: m.filed + d.filed, done: m.done + d.done, open: m.open + d.open, overdue: m.overdue + d.overdue });
  }
  const monthly = [...months.values()];

  const categoryField = labels.categoryField();
  const by = (key: (g: CaseGroupRow) => string | null, groups = caseGroups) => groups.map((g) => ({ key: key(g), count: g.count }));
  const byChannel = countRows(
    by((g) => g.channel),
    labels.channels().map(([id]) => id),
    (id) => labels.channel(id),
  );
  const byCategory = countRows(
    by((g) => g.category),
    categoryField?.options ?? [],
    (id) => id ?? NO_CATEGORY,
  );
  const byStatus = countRows(
    by((g) => g.status),
    ['open', 'done'],
    (id) => STATUS_LABELS[id as 'open' | 'done'],
  );
  const byOutcome = countRows(
    by(
      (g) => g.end_step,
      caseGroups.filter((g) => g.status === 'done' && g.end_step),
    ),
    labels.endSteps(),
    (id) => labels.outcome(id!),
  );
  const complaints = caseGroups.reduce((n, g) => n + g.count, 0);
  // handed to the agency whose they are (an outcome of kind referral, chosen): not the office's to settle
  const referred = input.kartuGroups.reduce((n, g) => n + (labels.refers(g.from_step, g.outcome, g.sop_version_id) ? g.chosen : 0), 0);
  const overdue = caseGroups.reduce((n, g) => n + g.overdue, 0);
  const open = caseGroups.filter((g) => g.status === 'open').reduce((n, g) => n + g.count, 0);

  // documents produced by the complaints' outcomes (chosen or taken on timeout), in the order first met
  const documents = input.kartuGroups
    .filter((g) => g.document && g.documents > 0)
    .sort((a, b) => new Date(a.first_at).getTime() - new Date(b.first_at).getTime());
  const byDocument = countRows(
    documents.map((g) => ({ key: g.document, count: g.documents })),
    [],
    (id) => id ?? '',
  );

  // frequent problems: categories by count, with what was decided, where time went and what officers wrote
  const problems: ProblemRow[] = byCategory
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((r) => {
      const groups = input.kartuGroups.filter((g) => g.category === r.id);
      const choices = new Map<string, number>();
      for (const g of groups) if (g.chosen > 0) add(choices, labels.choice(g.from_step!, g.outcome!, g.sop_version_id), g.chosen);
      const spentByStep = new Map<string, number>();
      for (const g of groups) if (g.minutes) add(spentByStep, g.from_step!, g.minutes);
      let slowest: [string, number] | undefined;
      for (const entry of spentByStep) if (!slowest || entry[1] > slowest[1]) slowest = entry;
      const notes = input.notes
        .filter((n) => n.category === r.id)
        .slice(0, NOTES_PER_CATEGORY)
        .map((n) => ({
          ticket: n.ticket,
          step: labels.step(n.from_step, n.sop_version_id),
          text: redactIdentity(n.note, input.confidential.get(n.case_id) ?? []),
          byComplainant: labels.meta(n.from_step, n.sop_version_id)?.citizen === true,
        }));
      return {
        category: r.id,
        label: r.label,
        count: r.count,
        share: complaints ? r.count / complaints : 0,
        overdue: caseGroups.filter((g) => g.category === r.id).reduce((n, g) => n + g.overdue, 0),
        choices: [...choices].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
        slowestStep: slowest ? { step: labels.step(slowest[0]), minutes: Math.round(slowest[1] * 10) / 10 } : null,
        notes,
      };
    });

  // time spent per step and lane, against the limits
  const stepStats = new Map(input.stats.filter((s) => s.grouping === 'step').map((s) => [s.step, s]));
  const laneStats = new Map(input.stats.filter((s) => s.grouping === 'lane').map((s) => [s.lane, s]));
  const all = input.stats.find((s) => s.grouping === 'all');
  const waitingAt = (pick: (w: WaitingRow) => boolean) => {
    const rows = input.waiting.filter(pick);
    return { waiting: rows.reduce((n, w) => n + w.waiting, 0), waitingOverdue: rows.reduce((n, w) => n + w.waiting_overdue, 0) };
  };
  const steps: StepDelayRow[] = labels
    .stepOrder()
    .map((stepId) => {
      const meta = labels.meta(stepId);
      return {
        step: labels.step(stepId),
        lane: meta?.lane ?? '',
        laneName: meta ? labels.lane(meta.lane) : '',
        limit: meta?.waktu ?? null,
        limitMinutes: meta?.timeLimit ? nominalWorkingMinutes(meta.timeLimit) : null,
        ...waitingAt((w) => w.step === stepId),
        ...timeStats(stepStats.get(stepId)),
      };
    })
    // the latest version's working steps always (a zero says something too); others when they have figures
    .filter((s) => s.count > 0 || s.waiting > 0 || ['task', 'decision'].includes(latest.compiled.steps[s.step.id]?.kind ?? ''));
  const laneIds = [...new Set([...labels.laneOrder(), ...[...laneStats.keys()].filter((l): l is string => Boolean(l))])];
  const lanes: LaneDelayRow[] = laneIds
    .map((lane) => ({ lane, laneName: labels.lane(lane), ...waitingAt((w) => w.lane === lane), ...timeStats(laneStats.get(lane)) }))
    .filter((l) => l.count > 0 || l.waiting > 0);

  return {
    regency: { id: latest.sopId, name: latest.sop.identity.regency, timeZone: tz },
    sop: { version: latest.version, title: latest.sop.identity.title },
    period: { from: period.from, to: period.to, month: period.month, timeZone: tz, start: period.start.toISOString(), end: period.end.toISOString() },
    generatedAt: now.toISOString(),
    totals: {
      complaints,
      open,
      done: complaints - open,
      referred,
      overdue,
      handOvers: all?.count ?? 0,
      handOversOverLimit: all?.over_limit ?? 0,
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
    logbook: input.logbook,
  };
}
