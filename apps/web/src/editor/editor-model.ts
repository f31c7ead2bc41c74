// The pure parts of the editor page: what it derives from the document and its issues.
import type { EditorIssue } from '@sop/editor';
import { flowsOf, type SopDocument, type SopFlow, type Step } from '@sop/model';
import type { StepMark } from './EditableDiagram';

/** An issue with its message in the page's language. */
export type ShownIssue = EditorIssue & { message: string };

/** The step an issue belongs to on the diagram (a transition's is the step it leaves), if any. */
export function stepOfIssue(issue: EditorIssue): string | null {
  const el = issue.element;
  return el.type === 'step' ? el.stepId : el.type === 'transition' ? el.from : null;
}

/** The mark each step carries on the diagram: its worst issue (an error over a warning; the first of equals). */
export function issueMarks(issues: readonly ShownIssue[]): Map<string, StepMark> {
  const m = new Map<string, StepMark>();
  for (const issue of issues) {
    const stepId = stepOfIssue(issue);
    if (!stepId || (issue.severity !== 'error' && issue.severity !== 'warning')) continue;
    const had = m.get(stepId);
    if (!had || (had.severity === 'warning' && issue.severity === 'error')) m.set(stepId, { severity: issue.severity, message: issue.message });
  }
  return m;
}

/** The document's flows as far as they can be told (none when the document is too broken). */
export function readableFlows(doc: SopDocument | null): SopFlow[] {
  try {
    return doc ? flowsOf(doc) : [];
  } catch {
    return [];
  }
}

/** How many steps each lane holds. */
export function stepCountByLane(steps: readonly Step[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of steps) m.set(s.lane, (m.get(s.lane) ?? 0) + 1);
  return m;
}

/** The selected step, the flow that holds it and its place there (-1 when nothing is selected). */
export function selectionIn(flows: readonly SopFlow[], selected: string | null): { step?: Step; flow?: SopFlow; index: number } {
  if (selected === null) return { index: -1 };
  for (const flow of flows) {
    const index = flow.steps.findIndex((s) => s.id === selected);
    if (index >= 0) return { step: flow.steps[index], flow, index };
  }
  return { index: -1 };
}

/** The document's lanes that have an id, and the lanes as the panels offer them. */
export function lanesOf(declared: SopDocument['lanes'] | null | undefined) {
  const lanes = (declared ?? []).filter((l) => l && typeof l.id === 'string');
  return { lanes, laneChoices: lanes.map((l) => ({ id: l.id, name: String(l.name ?? l.id), role: l.role })) };
}

/** The form's choice fields: a decision may be routed by one, a lane's units picked by one (ADR 0014). */
export function choiceFieldsOf(intake: SopDocument['intake'] | null | undefined) {
  return (intake?.form?.fields ?? []).filter((f) => f && f.type === 'choice' && typeof f.id === 'string');
}

/**
 * Whether two versions of a document hold the same SOP's own fields (identity, dates, calendar,
 * service, sections, source…): every part but its steps and lanes is the same object. An edit
 * copies only what is on its path (the scalar fast path, the commands), so an edit of a step or a
 * lane leaves the rest shared.
 */
export function sameOwnFields(a: SopDocument, b: SopDocument): boolean {
  if (a === b) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (key !== 'steps' && key !== 'lanes' && x[key] !== y[key]) return false;
  return true;
}
