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

export const error = (code: string, pointer: string, message: string): UnlocatedIssue => ({ severity: 'error', code, pointer, message });
export const warning = (code: string, pointer: string, message: string): UnlocatedIssue => ({ severity: 'warning', code, pointer, message });
