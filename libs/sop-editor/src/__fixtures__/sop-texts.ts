// Test support (Node only, excluded from the library build): the SOPs of `sops/` as text, and small
// helpers to compare YAML before and after a command.
import { matchLines } from '../match-lines';
import { parseDocument } from 'yaml';
import { seedIds, seedText } from '../../../sop-model/src/__fixtures__/seeds';

/** The SOPs of `sops/`, by id, as text (through the one seed loader of @sop/model's fixtures). */
export const SOP_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(seedIds().map((id) => [id, seedText(id)]));

export const SOP_NAMES = Object.keys(SOP_TEXTS);

/** The document's data (what the validator and compiler see). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dataOf(yaml: string): any {
  const doc = parseDocument(yaml);
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  return doc.toJS();
}

/** A step of a document's data found by its id (in any flow), never by its position. */
export function stepIn(data: DocumentData, stepId: string): AnyStep {
  const found = allSteps(data).find(({ step }) => (step as { id: string }).id === stepId);
  if (!found) throw new Error(`no step ${stepId}`);
  return found.step;
}

/** Deep copy of plain data. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The lines an edit removed and added, along a longest common subsequence. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const match = matchLines(a, b);
  const kept = new Set(Array.from(match).filter((j) => j >= 0));
  return { removed: a.filter((_, i) => match[i] < 0), added: b.filter((_, j) => !kept.has(j)) };
}

/** Lines holding an `# inferred:` comment. */
export function inferredLines(yaml: string): string[] {
  return yaml.split('\n').filter((l) => l.includes('# inferred:'));
}

/** The text lines of a step's block (from its `- id:` line to the line before the next item). */
export function stepBlock(yaml: string, stepId: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*- id: ${stepId}\\s*(#.*)?$`).test(l));
  if (start < 0) throw new Error(`no step ${stepId}`);
  const indent = lines[start].indexOf('-');
  let end = start + 1;
  while (end < lines.length && !(lines[end].trim() !== '' && lines[end].search(/\S/) <= indent && !lines[end].trimStart().startsWith('#'))) end++;
  return lines.slice(start, end);
}

/** The 1-based line of the first line matching `pattern`. */
export function lineOf(yaml: string, pattern: RegExp, from = 0): number {
  const index = yaml.split('\n').findIndex((l, i) => i >= from && pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a step of parsed YAML, whose fields the specs read freely
type AnyStep = Record<string, any>;

/** A document's data as parsed: its main steps and its periodic procedures. */
interface DocumentData {
  steps: AnyStep[];
  periodic?: { id: string; steps: AnyStep[] }[];
}

/** Steps of a document's data, with their flow, in document order. */
export function allSteps(data: DocumentData): { step: AnyStep; flow: string; steps: AnyStep[] }[] {
  return [
    ...data.steps.map((step) => ({ step, flow: 'main', steps: data.steps })),
    ...(data.periodic ?? []).flatMap((p) => p.steps.map((step) => ({ step, flow: p.id, steps: p.steps }))),
  ];
}

/** Fails unless every line of `lines` is still in `yaml`, as often as before. */
export function expectLinesKept(yaml: string, lines: readonly string[]): void {
  const count = new Map<string, number>();
  for (const line of yaml.split('\n')) count.set(line, (count.get(line) ?? 0) + 1);
  const missing = lines.filter((line) => {
    const left = count.get(line) ?? 0;
    count.set(line, left - 1);
    return left <= 0;
  });
  if (missing.length > 0) throw new Error(`lines lost:\n${missing.join('\n')}`);
}

/** The `# inferred:` lines of a document outside the blocks of the given steps. */
export function inferredOutside(yaml: string, stepIds: readonly string[]): string[] {
  const inside = new Set(stepIds.flatMap((id) => stepBlock(yaml, id)));
  return inferredLines(yaml).filter((l) => !inside.has(l));
}

/** A seeded pseudo-random number generator (mulberry32), for repeatable random tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
