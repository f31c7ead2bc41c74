import type { CaseDetail, InboxItem, KartuLine, PeriodicLogbookEntry, PublicComplaint, PublicStage, StepRef, TimeoutView } from '@sop/api-contract';
import type { Calendar } from '@sop/business-time';
import { redactIdentity } from '@sop/citizen-data';
import { suggestedOutcome } from '@sop/case-engine';
import type { AllowedEvent, CompiledFlow } from '@sop/compiler';
import type { PublishedSop } from '../sops/sop-catalog.service';
import type { Case, KartuLineRecord, ReplyLine } from './case';
import { flowOf } from './case-flow';
import { pathAhead } from './path-ahead';
import { promiseOf, publicStepLabel } from './promise';

/** Working minutes left until the deadline; negative when overdue; null without a deadline. */
export function timeLeftMinutes(calendar: Calendar, dueAt: Date | null, now: Date): number | null {
  if (!dueAt) return null;
  try {
    const minutes = now <= dueAt ? calendar.workingMinutesBetween(now, dueAt) : -calendar.workingMinutesBetween(dueAt, now);
    return Math.round(minutes);
  } catch {
    return Math.round((dueAt.getTime() - now.getTime()) / 60000);
  }
}

/**
 * Whether the deadline is an estimate: some day between the step's start and its deadline lies in a
 * year whose holidays are provisional (no official SKB list loaded yet).
 */
export function deadlineIsProvisional(calendar: Calendar, row: Pick<Case, 'dueAt' | 'stepEnteredAt'>): boolean {
  if (!row.dueAt) return false;
  try {
    return calendar.isProvisionalBetween(row.stepEnteredAt, row.dueAt);
  } catch {
    return true; // outside any year a calendar can compute: certainly not official
  }
}

function stepRef(flow: CompiledFlow, stepId: string): StepRef;
function stepRef(flow: CompiledFlow, stepId: string | null): StepRef | null;
function stepRef(flow: CompiledFlow, stepId: string | null): StepRef | null {
  if (!stepId) return null;
  const m = flow.steps[stepId];
  return m
    ? { id: m.stepId, number: m.number, label: m.label, activity: m.activity, kind: m.kind, publicLabel: publicStepLabel(m) }
    : { id: stepId, number: null, label: null, activity: null, kind: null, publicLabel: null };
}

function laneName(published: PublishedSop, lane: string): string;
function laneName(published: PublishedSop, lane: string | null): string | null;
function laneName(published: PublishedSop, lane: string | null): string | null {
  return lane ? (published.sop.lanes.find((l) => l.id === lane)?.name ?? lane) : null;
}

/**
 * The kartu kendali as shown to operators: who received, who handed over, when, time against the
 * limit. For a lane that may not see the complainant's identity, notes and replies have it struck out.
 */
export function kartuView(rows: KartuLineRecord[], row: Case, published: PublishedSop, canReveal: boolean): KartuLine<Date>[] {
  const flow = flowOf(row, published);
  const confidential = canReveal ? [] : confidentialValues(row, published);
  const shown = (text: string | null) => (text === null || canReveal ? text : redactIdentity(text, confidential));
  return rows.map((k) => ({
    seq: k.seq,
    event: k.event,
    outcome: k.outcome,
    outcomeLabel: k.outcome && k.fromStep ? (flow.steps[k.fromStep]?.events.find((e) => e.outcome === k.outcome)?.label ?? k.outcome) : null,
    from: { step: stepRef(flow, k.fromStep), lane: k.fromLane, laneName: laneName(published, k.fromLane) },
    to: { step: stepRef(flow, k.toStep), lane: k.toLane, laneName: laneName(published, k.toLane) },
    receivedAt: k.receivedAt,
    handedOverAt: k.handedOverAt,
    officer: k.officerName,
    limit: k.limitText,
    dueAt: k.dueAt,
    spentWorkingMinutes: k.spentWorkingMinutes,
    overLimit: k.overLimit,
    note: shown(k.note),
    reply: shown(k.reply),
    // an officer recorded the complainant's own answer at a citizen step (phone, counter)
    onBehalfOfCitizen: k.onBehalfOfCitizen === true,
    document: k.document ?? null,
    scheduledFor: k.scheduledFor ?? null,
  }));
}

/** The unit of the case's lane, with its name, or null. */
function unitView(flow: CompiledFlow, row: Case): { id: string; name: string } | null {
  if (!row.unit) return null;
  return { id: row.unit, name: flow.steps[row.step]?.units?.units.find((u) => u.id === row.unit)?.name ?? row.unit };
}

/** What the step's time passing does, with the outcome's label, for the people waiting on it. */
function timeoutView(flow: CompiledFlow, stepId: string): TimeoutView | null {
  const meta = flow.steps[stepId];
  if (!meta?.onTimeout) return null;
  const { action, target, outcome } = meta.onTimeout;
  const event = outcome ? meta.events.find((e) => e.outcome === outcome) : null;
  return {
    action,
    outcome: outcome ?? null,
    outcomeLabel: event?.label ?? null,
    to: stepRef(flow, target),
    finishes: target !== null && flow.steps[target]?.kind === 'end',
    // not printed in the source: a platform decision (ADR 0011), said so wherever the rule is shown
    inferred: meta.onTimeout.inferred ?? null,
  };
}

/** A case as an operator sees it (form data masked). */
export function caseDetailView(args: {
  row: Case;
  published: PublishedSop;
  kartu: KartuLineRecord[];
  now: Date;
  form: Record<string, string>;
  canAct: boolean;
  /** The user records the complainant's answer at a citizen step on their behalf. */
  actsForCitizen?: boolean;
  /** The user's lane was asked about the case (coordination) and may answer. */
  canAnswer?: boolean;
  canReveal: boolean;
  allowedEvents: AllowedEvent[];
  /** The signed-in user's id: whether the claim on the case is theirs. */
  userId?: string;
}): CaseDetail<Date> {
  const { row, published, now } = args;
  const flow = flowOf(row, published);
  const meta = flow.steps[row.step];
  return {
    id: row.id,
    ticket: row.ticket,
    version: row.version,
    kind: row.kind,
    periodic: row.periodicId
      ? { id: row.periodicId, name: published.sop.periodic?.find((p) => p.id === row.periodicId)?.name ?? row.periodicId, period: row.period }
      : null,
    sop: {
      id: published.sopId,
      version: published.version,
      title: published.sop.identity.title,
      regency: published.sop.identity.regency,
      timeZone: published.sop.calendar.timeZone,
    },
    status: row.status,
    step: {
      ...stepRef(flow, row.step),
      lane: row.lane,
      laneName: meta?.laneName ?? row.lane,
      waktu: meta?.waktu ?? null,
      kelengkapan: meta?.kelengkapan ?? null,
      output: meta?.output ?? null,
      keterangan: meta?.keterangan ?? null,
      template: meta?.template ? (published.sop.templates?.find((t) => t.id === meta.template) ?? null) : null,
    },
    endStep: stepRef(flow, row.endStep),
    channel: row.channel,
    category: row.category,
    overdue: row.overdue,
    createdAt: row.createdAt,
    // when the complaint was actually received (an officer's registration may come later), and what the caller said (docs/adr/0023)
    receivedAt: row.receivedAt ?? row.createdAt,
    callerWords:
      row.callerWords === null || args.canReveal ? row.callerWords : redactIdentity(row.callerWords, confidentialValues(row, published), { anyContact: true }),
    closedAt: row.closedAt,
    stepEnteredAt: row.stepEnteredAt,
    dueAt: row.dueAt,
    dueAtProvisional: deadlineIsProvisional(published.calendar, row),
    deadlineNote: row.deadlineNote,
    timeLeftMinutes: row.status === 'open' ? timeLeftMinutes(published.calendar, row.dueAt, now) : null,
    canAct: args.canAct,
    // who works the case within its lane (claimed), and whether it is the user
    assignee: row.status === 'open' && row.assignedTo ? { name: row.assignedName, since: row.assignedAt, mine: row.assignedTo === args.userId } : null,
    // the case waits for the complainant (a step of the citizen's lane, docs/adr/0010)
    waitingOnCitizen: row.status === 'open' && meta?.citizen === true,
    actsForCitizen: args.actsForCitizen === true,
    onTimeout: row.status === 'open' ? timeoutView(flow, row.step) : null,
    // the unit of a lane with units (the Bidang of the field concerned)
    unit: unitView(flow, row),
    // coordination: the lane asked and since when; the lanes this step may ask (for the lane that holds the case)
    consulting: row.consultingLane ? { lane: row.consultingLane, laneName: laneName(published, row.consultingLane), since: row.consultingSince } : null,
    canAnswer: args.canAnswer === true,
    coordination: args.canAct && !args.actsForCitizen && row.status === 'open' && !row.consultingLane ? (meta?.coordination ?? []) : [],
    // a scheduled wait: what, until when; whether the holder may set one
    schedule:
      meta?.schedule && row.status === 'open' ? { label: meta.schedule.label, canSet: args.canAct && !args.actsForCitizen, until: row.waitingUntil } : null,
    // routing by the complaint's field: the outcome its value leads to
    suggestedOutcome: row.status === 'open' ? suggestedOutcome(meta, row.formData) : null,
    // `finishes`: the event ends the case, so its reply is the complainant's last word from the office
    allowedEvents: args.canAct ? args.allowedEvents.map((e) => ({ ...e, finishes: flow.steps[e.target]?.kind === 'end' })) : [],
    form: {
      title: published.form.title,
      // `masked`: the value shown is not the one filed (a confidential field, or identity struck out of a text)
      fields: published.form.fields.map((f) => {
        const value = args.form[f.id] ?? null;
        const filed = typeof row.formData[f.id] === 'string' ? (row.formData[f.id] as string) : null;
        return { id: f.id, label: f.label, type: f.type, confidential: f.confidential ?? false, masked: value !== filed, value };
      }),
      canReveal: args.canReveal,
    },
    logbook: row.kind === 'periodic' ? ((row.formData.logbook as PeriodicLogbookEntry<Date>[] | undefined) ?? []) : undefined,
    // runs opened before the count was kept listed every complaint of their period
    logbookTotal:
      row.kind === 'periodic'
        ? typeof row.formData.logbookTotal === 'number'
          ? row.formData.logbookTotal
          : ((row.formData.logbook as unknown[] | undefined) ?? []).length
        : undefined,
    kartuKendali: kartuView(args.kartu, row, published, args.canReveal),
  };
}

/** A case in the inbox list. */
export function inboxItemView(row: Case, published: PublishedSop, now: Date, userId?: string): InboxItem<Date> {
  const flow = flowOf(row, published);
  const meta = flow.steps[row.step];
  return {
    id: row.id,
    ticket: row.ticket,
    version: row.version,
    kind: row.kind,
    status: row.status,
    step: { id: row.step, number: meta?.number ?? null, label: meta?.label ?? null, activity: meta?.activity ?? null },
    lane: row.lane,
    channel: row.channel,
    category: row.category,
    overdue: row.overdue || (row.dueAt !== null && row.dueAt < now && row.status === 'open' && meta?.citizen !== true),
    waitingOnCitizen: row.status === 'open' && meta?.citizen === true,
    unit: unitView(flow, row),
    consultingLane: row.consultingLane,
    waitingUntil: row.waitingUntil,
    assignee: row.assignedTo ? { name: row.assignedName, mine: row.assignedTo === userId } : null,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    dueAtProvisional: deadlineIsProvisional(published.calendar, row),
    timeLeftMinutes: row.status === 'open' ? timeLeftMinutes(published.calendar, row.dueAt, now) : null,
  };
}

/**
 * A reply as the complainant will read it (ticket page, messages): the same striking as the public
 * view's replies, so the officer's preview and what is sent never differ.
 */
export function replyAsCitizenReads(reply: string, row: Case, published: PublishedSop): string {
  return redactIdentity(reply, confidentialValues(row, published));
}

/**
 * The complainant's own identifying values as filed: the confidential fields, and any stored value
 * that is no longer a field of the form (nothing says it is not personal data), as maskFormData does.
 */
function confidentialValues(row: Case, published: PublishedSop): string[] {
  const fields = new Map(published.form.fields.map((f) => [f.id, f]));
  return Object.entries(row.formData)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .filter(([id]) => !fields.has(id) || fields.get(id)!.confidential === true)
    .map(([, value]) => value);
}

/** The kartu lines the public view reads: a whole line, or the latest reply the integrations read (no document, no date). */
export type PublicKartuLine = ReplyLine & Partial<Pick<KartuLineRecord, 'document' | 'scheduledFor'>>;

/**
 * What a citizen sees of their complaint: status, timeline and the office's replies; no personal data,
 * no officers' names, never the internal notes. Replies are passed through redactIdentity, so a NIK,
 * phone number, e-mail address or the complainant's own name written into one does not reach the page.
 */
export function publicView(row: Case, published: PublishedSop, kartu: PublicKartuLine[], now: Date): PublicComplaint<Date> {
  const flow = flowOf(row, published);
  const meta = flow.steps[row.step];
  const confidential = confidentialValues(row, published);
  const replyOf = (k: PublicKartuLine) => (k.reply ? redactIdentity(k.reply, confidential) : null);
  const latest = [...kartu].reverse().find((k) => k.reply);
  const waiting = row.status === 'open' && meta?.citizen === true;
  return {
    ticket: row.ticket,
    // the version to send with the complainant's answer (409 when the complaint moved since)
    version: row.version,
    sop: {
      id: published.sopId,
      title: published.sop.identity.title,
      regency: published.sop.identity.regency,
      office: published.sop.identity.office,
      timeZone: published.sop.calendar.timeZone,
    },
    status: row.status,
    referral: referralOf(flow, kartu),
    // a date the office set (a re-meeting): what and when; null otherwise
    scheduled: row.status === 'open' && row.waitingUntil ? { label: meta?.schedule?.label ?? null, until: row.waitingUntil } : null,
    // what the complainant is asked when the case waits for them; null otherwise
    citizenStep: waiting
      ? {
          step: stepRef(flow, row.step),
          output: meta.output,
          kelengkapan: meta.kelengkapan,
          answers: citizenEvents(meta.events).map((e) => ({
            type: e.type,
            outcome: e.outcome ?? null,
            label: e.label,
            finishes: flow.steps[e.target]?.kind === 'end',
          })),
          dueAt: row.dueAt,
          onTimeout: timeoutView(flow, row.step),
          // complaints filed before access codes existed: the office records the answer
          accessCode: row.accessCodeHash !== null,
        }
      : null,
    endStep: stepRef(flow, row.endStep),
    currentStep: {
      number: meta?.number ?? null,
      label: meta?.label ?? null,
      activity: meta?.activity ?? null,
      laneName: meta?.laneName ?? null,
      publicLabel: publicStepLabel(meta),
    },
    // when the office promises to have finished, counted from filing (the SOP's worst case, or LAPOR!'s limit)
    ...promiseView(row, published, now, waiting),
    // progress in plain words: the stages passed, the one it is at, those still ahead on the slowest path
    stages: row.kind === 'complaint' ? stagesOf(flow, row, kartu) : [],
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    dueAt: row.status === 'open' ? row.dueAt : null,
    dueAtProvisional: row.status === 'open' && deadlineIsProvisional(published.calendar, row),
    timeline: kartu.map((k) => ({
      at: k.handedOverAt,
      event: k.event,
      outcomeLabel: k.outcome && k.fromStep ? (flow.steps[k.fromStep]?.events.find((e) => e.outcome === k.outcome)?.label ?? null) : null,
      from: stepRef(flow, k.fromStep),
      to: stepRef(flow, k.toStep),
      toLaneName: laneName(published, k.toLane),
      document: k.document ?? null,
      scheduledFor: k.scheduledFor ?? null,
      reply: replyOf(k),
    })),
    latestReply: latest ? { at: latest.handedOverAt, text: replyOf(latest)! } : null,
  };
}

/**
 * The outcome that handed the complaint to the agency whose it is (an outcome of kind referral:
 * "Bukan kewenangan", "Dilimpahkan ke Inspektorat"), as the SOP words it, and when: when the latest
 * decision among the lines given is one (a later decision brought the complaint back); else null.
 */
export function referralOf(flow: CompiledFlow, kartu: readonly Pick<ReplyLine, 'outcome' | 'fromStep' | 'handedOverAt'>[]): PublicComplaint<Date>['referral'] {
  // the latest decision taken: a referral only while no later decision brought the complaint back
  for (let i = kartu.length - 1; i >= 0; i--) {
    const k = kartu[i];
    if (k.outcome === null || k.fromStep === null || !Object.hasOwn(flow.steps, k.fromStep)) continue;
    const event = flow.steps[k.fromStep].events.find((e) => e.outcome === k.outcome);
    return event?.refers ? { label: event.label, at: k.handedOverAt } : null;
  }
  return null;
}

/**
 * The events a complainant may send at their step: all the step offers but ESCALATE. A complainant
 * does not escalate: an escalation of a citizen step is the time passing (its onTimeout) or the office
 * acting for them, so an SOP's "Diarsipkan" jump is never a button on the ticket page.
 */
export function citizenEvents<E extends { type: string }>(events: readonly E[]): E[] {
  return events.filter((e) => e.type !== 'ESCALATE');
}

/**
 * The promised finish date of a complaint (docs/adr/0015): `promisedBy`, `promisedBasis`, `provisional`;
 * with the service standard, the conditions the SOP prints for its time, as written ("sejak berkas
 * pengaduan dinyatakan lengkap"): the date is counted from filing, the standard from where the SOP says.
 * `promisePassed` once an open complaint is past the date.
 */
function promiseView(row: Case, published: PublishedSop, now: Date, waitsForComplainant: boolean) {
  if (row.kind !== 'complaint') return { promisedBy: null, promisedBasis: null, promisedCondition: null, provisional: false, promisePassed: false };
  const p = promiseOf(published.sop, published.inspection, published.calendar, row.createdAt);
  const condition = p.promisedBasis === 'standard' ? (published.sop.service?.kondisiWaktu?.trim() ?? '') : '';
  return {
    promisedBy: p.promisedBy,
    promisedBasis: p.promisedBasis,
    promisedCondition: condition === '' ? null : condition,
    provisional: p.provisional,
    // not while the complaint waits for the complainant's own answer: the office is not the one late
    promisePassed: row.status === 'open' && !waitsForComplainant && now.getTime() > p.promisedBy.getTime(),
  };
}

/** A lane as a complainant reads it: its name's first clause, cut at a word ("Petugas/Admin/… (telp/fax, …)" → "Petugas/Admin/…"). */
const shortLane = (meta: CompiledFlow['steps'][string]): string | null => publicStepLabel({ activity: meta.laneName });

/**
 * A stage's words: the step's public label (its label, else the start of its activity); an end the
 * SOP leaves unnamed is "Selesai"; a step with neither label nor activity is named by its lane. Never
 * the step's id: "tim-teknis" means nothing to a complainant.
 */
const stageLabel = (meta: CompiledFlow['steps'][string]): string =>
  publicStepLabel(meta) ?? (meta.kind === 'end' ? 'Selesai' : (shortLane(meta) ?? (meta.number ? `Langkah ${meta.number}` : 'Tahap lanjutan')));

/**
 * The stages of a complaint in plain words: the steps it went through (in order, a step met again
 * listed again only when it is not the one just before), where it is now, and the steps ahead on the
 * SOP's slowest way from there, rejections and ways back left out (`pathAhead`). The start is not a stage; the end is, as "done" once reached.
 */
export function stagesOf(
  flow: CompiledFlow,
  row: Pick<Case, 'step' | 'status'>,
  kartu: Pick<KartuLineRecord, 'toStep' | 'handedOverAt'>[],
): PublicStage<Date>[] {
  const stages: PublicStage<Date>[] = [];
  for (const k of kartu) {
    const meta = flow.steps[k.toStep];
    if (!meta || meta.kind === 'start') continue;
    if (stages.length && stages[stages.length - 1].step === k.toStep) continue;
    stages.push({ step: k.toStep, label: stageLabel(meta), state: 'done', at: k.handedOverAt });
  }
  if (row.status === 'open') {
    const last = stages[stages.length - 1];
    if (last && last.step === row.step) last.state = 'current';
    for (const id of pathAhead(flow, row.step)) {
      const meta = flow.steps[id];
      if (!meta || meta.kind === 'start') continue;
      stages.push({ step: id, label: stageLabel(meta), state: 'next', at: null });
    }
  }
  return distinctStages(flow, stages);
}

/**
 * Neighbouring stages with the same words told apart: Metro's five levels are all "Periksa pengaduan",
 * one per lane, so each of a run of equal labels is followed by its lane ("Periksa pengaduan — Kasi …");
 * the climb from office to office is what the complainant follows. Neighbours that stay equal even
 * then (the same words in the same lane) cannot be told apart and are merged into one line, which is
 * the current one when either is.
 */
function distinctStages(flow: CompiledFlow, stages: PublicStage<Date>[]): PublicStage<Date>[] {
  const lane = (s: PublicStage<Date>) => shortLane(flow.steps[s.step]);
  const named = stages.map((s, i) => {
    const twin = stages[i - 1]?.label === s.label || stages[i + 1]?.label === s.label;
    const by = twin ? lane(s) : null;
    return by && by !== s.label ? { ...s, label: `${s.label} — ${by}` } : s;
  });
  const merged: PublicStage<Date>[] = [];
  for (const s of named) {
    if (merged.length > 0 && merged[merged.length - 1].label === s.label) {
      if (s.state === 'current') merged[merged.length - 1] = s;
      continue;
    }
    merged.push(s);
  }
  return merged;
}
