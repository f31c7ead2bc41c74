import type { SopDocument } from '../generated/sop-document';
import type { SopGraph } from '../sop-graph';
import type { UnlocatedIssue } from '../sop-issue';

/** What every semantic rule sees: a schema-valid document and the graph of each of its flows. */
export interface RuleContext {
  sop: SopDocument;
  graphs: SopGraph[];
}

/** A semantic rule that the JSON Schema cannot express. One rule per file. */
export interface SopRule {
  id: string;
  check(context: RuleContext): UnlocatedIssue[];
}

/** The parameters of the message catalogue (issue-messages.ts) beyond those the pointer gives (step, lane, field, value). */
type Params = Record<string, string | number>;
export const error = (code: string, pointer: string, message: string, params?: Params): UnlocatedIssue => ({
  severity: 'error',
  code,
  pointer,
  message,
  ...(params ? { params } : {}),
});
export const warning = (code: string, pointer: string, message: string, params?: Params): UnlocatedIssue => ({
  severity: 'warning',
  code,
  pointer,
  message,
  ...(params ? { params } : {}),
});
