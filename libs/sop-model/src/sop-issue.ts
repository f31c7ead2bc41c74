/** How serious an issue is: an error stops the SOP from being published; a warning does not. */
export type IssueSeverity = 'error' | 'warning';

/** An issue found while loading or validating an SOP, located in its YAML source. */
export interface SopIssue {
  severity: IssueSeverity;
  /** A stable code, e.g. `unreachable-step`, `schema.required`, `yaml.syntax`. */
  code: string;
  /** What is wrong and what to write instead. */
  message: string;
  /** JSON pointer into the document, e.g. `/steps/3/next`; `''` for the whole document. */
  pointer: string;
  file?: string;
  /** 1-based line and column of the YAML node the issue is about. */
  line: number;
  column: number;
}

/** An issue found by a rule before it is located in the source. */
export type UnlocatedIssue = Omit<SopIssue, 'line' | 'column' | 'file'>;

/**
 * Formats an issue the way compilers do, so editors can jump to it.
 *
 * @example
 * formatIssue(issue) // "sops/metro.yaml:42:11: error: next \"kasi\" does not name a step …"
 */
export function formatIssue(issue: SopIssue): string {
  return `${issue.file ?? '<input>'}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}`;
}

/** Orders issues by position, errors before warnings at the same place. */
export function compareIssues(a: SopIssue, b: SopIssue): number {
  return a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}
