import type { SopFlow, Step, StepKind } from '@sop/model';
import type { Choice } from './fields';

export const STEP_KINDS: readonly StepKind[] = ['task', 'decision', 'start', 'end'];

/** The message key of a step kind's name (kegiatan, keputusan, mulai, selesai). */
export const kindKey = (kind: StepKind) =>
  (({ start: 'editKindStart', task: 'editKindTask', decision: 'editKindDecision', end: 'editKindEnd' }) as const)[kind];

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How a step is named in a list: its number, and its label or activity (as written), or its id. */
export function stepName(step: Step, max = 60): string {
  const text = step.label ?? step.activity ?? step.id;
  return cut(step.number ? `${step.number}. ${text}` : text, max);
}

/** The steps of a flow as choices (by id). */
export const stepChoices = (steps: readonly Step[]): Choice[] => steps.map((s) => ({ value: s.id, label: `${stepName(s, 50)} (${s.id})` }));

/** A lane's name, shortened for a list. */
export const laneName = (name: string) => cut(name, 60);

/** The JSON pointer of a step in its flow (`/steps/3`, `/periodic/0/steps/1`). */
export function stepPointer(flow: SopFlow, stepId: string): string | undefined {
  const index = flow.steps.findIndex((s) => s.id === stepId);
  return index < 0 ? undefined : `${flow.pointer}/${index}`;
}

/** The arrows that lead to a step, from any step of any flow: what deleting it removes. */
export function incoming(flows: readonly SopFlow[], stepId: string): { from: Step; what: string }[] {
  const found: { from: Step; what: string }[] = [];
  for (const flow of flows) {
    for (const s of flow.steps) {
      if (s.id === stepId) continue;
      if (s.next === stepId) found.push({ from: s, what: 'next' });
      for (const o of s.outcomes ?? []) if (o.to === stepId) found.push({ from: s, what: o.label });
      if (s.escalation?.to === stepId) found.push({ from: s, what: 'escalation' });
      if (s.rejection?.to === stepId) found.push({ from: s, what: 'rejection' });
    }
  }
  return found;
}
