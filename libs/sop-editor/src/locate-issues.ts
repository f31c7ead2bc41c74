import { fromPointer, type SopEdgeKind, type SopIssue } from '@sop/model';
import { parseDocument } from 'yaml';

/** The element of the diagram an issue is about, so the UI can mark the node, edge or lane. */
export type SopElementRef =
  | { type: 'step'; stepId: string; flow: string }
  | { type: 'transition'; from: string; flow: string; kind: SopEdgeKind; outcome?: string; to?: string }
  | { type: 'lane'; laneId: string }
  | { type: 'sop' };

/** A validator issue with the diagram element it belongs to. */
export interface EditorIssue extends SopIssue {
  element: SopElementRef;
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Finds the diagram element a JSON pointer of the document lands in: a step (or one of its
 * transitions), a lane, or the SOP as a whole (identity, sections, intake…).
 *
 * @example
 * elementAt(sop, '/steps/3/outcomes/1/to') // { type: 'transition', from: 'tim-teknis', flow: 'main', kind: 'outcome', outcome: 'tidak-terselesaikan', to: 'kasi-periksa' }
 */
export function elementAt(document: unknown, pointer: string): SopElementRef {
  const root = asObject(document);
  const path = fromPointer(pointer);
  if (!root) return { type: 'sop' };
  if (path[0] === 'lanes' && path.length > 1) {
    const id = text(asObject(asArray(root.lanes)[Number(path[1])])?.id);
    return id === undefined ? { type: 'sop' } : { type: 'lane', laneId: id };
  }
  let flow: string;
  let steps: unknown[];
  let rest: string[];
  if (path[0] === 'steps') {
    flow = 'main';
    steps = asArray(root.steps);
    rest = path.slice(1);
  } else if (path[0] === 'periodic' && path[2] === 'steps') {
    const procedure = asObject(asArray(root.periodic)[Number(path[1])]);
    flow = text(procedure?.id) ?? `periodic-${path[1]}`;
    steps = asArray(procedure?.steps);
    rest = path.slice(3);
  } else {
    return { type: 'sop' };
  }
  const step = asObject(steps[Number(rest[0])]);
  const stepId = text(step?.id);
  if (!step || stepId === undefined) return { type: 'sop' };
  const key = rest[1];
  if (key === 'next') return { type: 'transition', from: stepId, flow, kind: 'next', to: text(step.next) };
  if (key === 'escalation' || key === 'rejection') return { type: 'transition', from: stepId, flow, kind: key, to: text(asObject(step[key])?.to) };
  if (key === 'outcomes' && rest.length > 2) {
    const outcome = asObject(asArray(step.outcomes)[Number(rest[2])]);
    return { type: 'transition', from: stepId, flow, kind: 'outcome', outcome: text(outcome?.id), to: text(outcome?.to) };
  }
  return { type: 'step', stepId, flow };
}

/**
 * Attaches to each issue the element it is about, reading the YAML as far as it can be read. Given
 * the data the validator read (`validateSop(yaml).data`), the YAML is not read a second time.
 *
 * @example
 * const { issues, data } = validateSop(yaml);
 * for (const issue of locateIssues(yaml, issues, data)) if (issue.element.type === 'step') markNode(issue.element.stepId, issue);
 */
export function locateIssues(yaml: string, issues: readonly SopIssue[], data?: unknown): EditorIssue[] {
  if (issues.length === 0) return [];
  let document: unknown = data;
  if (document === undefined) {
    try {
      document = parseDocument(yaml).toJS({ maxAliasCount: 100 });
    } catch {
      document = undefined;
    }
  }
  return issues.map((issue) => ({ ...issue, element: elementAt(document, issue.pointer) }));
}
