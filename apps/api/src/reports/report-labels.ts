import { WEB_CHANNEL } from '@sop/api-contract';
import type { StepRef } from '@sop/report-model';
import type { CompiledFlow, StepMeta } from '@sop/compiler';
import type { PublishedSop } from '../sops/sop-catalog.service';

/** The label the kartu kendali gives the public form's own channel (WEB_CHANNEL, @sop/api-contract). */
export const WEB_CHANNEL_LABEL = 'formulir web';

/** A step as reports name it: its number and words as written in the SOP. */
export type { StepRef } from '@sop/report-model';

/**
 * Names of steps, lanes, channels, categories and outcomes, from the SOP versions the cases ran on:
 * a case's own version first, then the latest published one (so a step removed since keeps its name).
 */
export class ReportLabels {
  constructor(
    readonly latest: PublishedSop,
    private readonly versions: Map<string, PublishedSop>,
  ) {}

  private flows(versionId?: string): CompiledFlow[] {
    const own = versionId ? this.versions.get(versionId) : undefined;
    return own && own !== this.latest ? [own.compiled, this.latest.compiled] : [this.latest.compiled, ...[...this.versions.values()].map((v) => v.compiled)];
  }

  meta(stepId: string, versionId?: string): StepMeta | null {
    for (const flow of this.flows(versionId)) if (flow.steps[stepId]) return flow.steps[stepId];
    return null;
  }

  /** True when the outcome of this step hands the complaint to the agency whose it is (kind referral). */
  refers(stepId: string | null, outcome: string | null, versionId?: string): boolean {
    if (stepId === null || outcome === null) return false;
    return this.meta(stepId, versionId)?.events.some((e) => e.outcome === outcome && e.refers === true) ?? false;
  }

  step(stepId: string, versionId?: string): StepRef {
    const m = this.meta(stepId, versionId);
    return { id: stepId, number: m?.number ?? null, label: m?.label ?? null, activity: m?.activity ?? null };
  }

  /** Step ids of the main flow, in the SOP's order (the latest version's, then steps only older versions had). */
  stepOrder(): string[] {
    const ids = this.latest.sop.steps.map((s) => s.id);
    for (const v of this.versions.values()) for (const s of v.sop.steps) if (!ids.includes(s.id)) ids.push(s.id);
    return ids;
  }

  lane(laneId: string): string {
    for (const p of [this.latest, ...this.versions.values()]) {
      const lane = p.sop.lanes.find((l) => l.id === laneId);
      if (lane) return lane.name;
    }
    return laneId;
  }

  laneOrder(): string[] {
    return this.latest.sop.lanes.map((l) => l.id);
  }

  /** The SOP's channels and the public web form, as [id, label]. */
  channels(): [string, string][] {
    return [...(this.latest.sop.intake?.channels ?? []).map((c) => [c.id, c.label] as [string, string]), [WEB_CHANNEL, WEB_CHANNEL_LABEL]];
  }

  channel(id: string | null): string {
    if (id === null) return '—';
    for (const p of [this.latest, ...this.versions.values()]) {
      const c = p.sop.intake?.channels?.find((x) => x.id === id);
      if (c) return c.label;
    }
    return id === WEB_CHANNEL ? WEB_CHANNEL_LABEL : id;
  }

  /** The category field's label and its options as written, when the SOP's form has a category. */
  categoryField(): { label: string; options: string[] } | null {
    const fieldId = this.latest.sop.intake?.categoryField;
    const field = fieldId ? this.latest.form.fields.find((f) => f.id === fieldId) : undefined;
    return field ? { label: field.label, options: field.options ?? [] } : null;
  }

  /** The end steps of the main flow: the outcomes a complaint can reach. */
  endSteps(): string[] {
    return Object.values(this.latest.compiled.steps)
      .filter((m) => m.kind === 'end')
      .map((m) => m.stepId);
  }

  /**
   * What an end step means: its label, else its activity, else the label of the decision outcome
   * leading to it (e.g. Lumajang's "tidak valid"), else its id.
   */
  outcome(endStep: string, versionId?: string): string {
    // asked once per logbook line and outcome row: each end is worded once per report
    const key = `${versionId ?? ''}\u0000${endStep}`;
    const known = this.outcomes.get(key);
    if (known !== undefined) return known;
    const words = this.outcomeWords(endStep, versionId);
    this.outcomes.set(key, words);
    return words;
  }

  private readonly outcomes = new Map<string, string>();

  private outcomeWords(endStep: string, versionId?: string): string {
    const base = this.endLabel(endStep, versionId);
    // several ends drawn with the same symbol text ("Selesai" for settled, withdrawn and forwarded):
    // each says which it is, by the outcome that leads to it, else its activity, else its id
    // in the version the end belongs to: an end renamed between versions is not its own twin
    const home = this.flows(versionId).find((flow) => endStep in flow.steps);
    const twins = Object.values(home?.steps ?? {}).filter((m) => m.kind === 'end' && m.stepId !== endStep && this.endLabel(m.stepId, versionId) === base);
    if (!twins.length) return base;
    const m = this.meta(endStep, versionId);
    const detail = [this.ledBy(endStep, versionId), m?.activity, endStep].find((d) => d && d !== base);
    return detail ? `${base} (${detail})` : base;
  }

  /** An end step's own words: its label, else its activity, else the label of the outcome leading to it, else its id. */
  private endLabel(endStep: string, versionId?: string): string {
    const m = this.meta(endStep, versionId);
    return m?.label || m?.activity || this.ledBy(endStep, versionId) || endStep;
  }

  /** The label of the first outcome or jump that leads to the step, if any has one. */
  private ledBy(stepId: string, versionId?: string): string | null {
    for (const flow of this.flows(versionId)) {
      for (const s of Object.values(flow.steps)) {
        const e = s.events.find((x) => x.target === stepId && x.label);
        if (e?.label) return e.label;
      }
    }
    return null;
  }

  /** The label of a decision outcome chosen at a step. */
  choice(stepId: string, outcome: string, versionId?: string): string {
    return this.meta(stepId, versionId)?.events.find((e) => e.outcome === outcome)?.label ?? outcome;
  }

  periodicName(periodicId: string, versionId?: string): string {
    for (const p of [versionId ? this.versions.get(versionId) : undefined, this.latest]) {
      const proc = p?.sop.periodic?.find((x) => x.id === periodicId);
      if (proc) return proc.name;
    }
    return periodicId;
  }

  periodicStep(periodicId: string, stepId: string, versionId?: string): StepRef {
    for (const p of [versionId ? this.versions.get(versionId) : undefined, this.latest]) {
      const m = p?.compiled.periodic[periodicId]?.steps[stepId];
      if (m) return { id: stepId, number: m.number, label: m.label, activity: m.activity };
    }
    return { id: stepId, number: null, label: null, activity: null };
  }
}

export { stepText } from '@sop/report-model';
