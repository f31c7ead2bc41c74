import type { SopDocument } from './generated/sop-document';
import { SOP_RULES } from './rules';
import { buildSopGraph, flowsOf } from './sop-graph';
import type { UnlocatedIssue } from './sop-issue';
import { isSourceIncomplete } from './source-gaps';

/**
 * The structural rules that would push an author to invent what the source does not print: a missing
 * start or end, a step with no way on, a decision with one outcome, a step nobody reaches or from which
 * no end is reached, a channel no start serves, a citizen's step without the time limit and rule that
 * settle it. In an SOP whose source is marked incomplete (`source: { complete: false }`) they are
 * warnings: the gap stays a gap, and the SOP is for viewing and comparison only.
 */
export const GAP_TOLERANT_CODES: ReadonlySet<string> = new Set([
  'no-start',
  'no-end',
  'missing-next',
  'too-few-outcomes',
  'unreachable-step',
  'dead-end',
  'channel-without-start',
  'citizen-step-without-limit',
  'citizen-step-without-timeout',
]);

/** The words every softened issue ends with. */
export const INCOMPLETE_SOURCE_NOTE =
  'the source is incomplete (source.complete: false), so this is kept as the source has it, not invented: the SOP can be viewed and compared but does not run cases';

/**
 * An issue of a structural rule in an SOP whose source is incomplete: a warning that says what is
 * missing and that the source is incomplete, without telling the author what to add.
 */
export function softenForIncompleteSource(issue: UnlocatedIssue): UnlocatedIssue {
  if (issue.severity !== 'error' || !GAP_TOLERANT_CODES.has(issue.code)) return issue;
  return { ...issue, severity: 'warning', message: `${diagnosisOf(issue.message)}; ${INCOMPLETE_SOURCE_NOTE}`, params: { ...issue.params, softened: 1 } };
}

/** What is wrong, without what to write instead: a rule's message up to its first ": ". */
function diagnosisOf(message: string): string {
  const colon = message.indexOf(': ');
  return colon > 0 ? message.slice(0, colon) : message;
}

/** Whether an SOP can run cases, and why not. */
export interface Runnability {
  runnable: boolean;
  /** Why it cannot, in English (empty when it can): what is missing, never what to add. */
  reasons: string[];
}

/**
 * Whether a validated SOP can run cases. It cannot when its source is marked incomplete
 * (`source: { complete: false }`), or when a structural rule that an incomplete source turns into a
 * warning still fails (no end, a dead end, a decision with one outcome…). Such an SOP is published
 * for viewing and comparison only: callers check this before compiling it into a machine or filing
 * a complaint against it (`compileSop` assumes a runnable SOP).
 *
 * @example
 * const { sop } = validateSop(text);
 * if (sop && !runnability(sop).runnable) console.log(runnability(sop).reasons.join('\n'));
 */
export function runnability(sop: SopDocument): Runnability {
  const reasons: string[] = [];
  if (isSourceIncomplete(sop))
    reasons.push(`the source is marked incomplete${sop.source?.note ? ` (${sop.source.note})` : ''}: the SOP is for viewing and comparison only`);
  const graphs = flowsOf(sop).map(buildSopGraph);
  for (const issue of SOP_RULES.flatMap((rule) => rule.check({ sop, graphs }))) {
    // what is missing, not what to invent: the reasons are shown to whoever views the SOP
    if (issue.severity === 'error') reasons.push(GAP_TOLERANT_CODES.has(issue.code) ? diagnosisOf(issue.message) : issue.message);
  }
  return { runnable: reasons.length === 0, reasons };
}
