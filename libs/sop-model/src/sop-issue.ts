import { describeIssue, type IssueLanguage } from './issue-messages';

/** How serious an issue is: an error stops the SOP from being published; a warning does not. */
export type IssueSeverity = 'error' | 'warning';

/** An issue found while loading or validating an SOP, located in its YAML source. */
export interface SopIssue {
  severity: IssueSeverity;
  /** A stable code, e.g. `unreachable-step`, `schema.required`, `yaml.syntax`. */
  code: string;
  /** What is wrong and what to write instead, in English (`issueMessage` gives it in Indonesian, by code). */
  message: string;
  /** What the message is made of (the step, lane, value… it is about), for the message catalogue (issue-messages.ts). */
  params?: Record<string, string | number>;
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
 * formatIssue(issue, { lang: 'id' }) // "sops/metro.yaml:42:11: error: \"kasi\" bukan langkah di alur ini … (di steps[3].next)"
 */
export function formatIssue(issue: SopIssue, options: { lang?: IssueLanguage } = {}): string {
  // the severity stays "error" / "warning" in every language: editors' problem matchers read it
  const message = options.lang ? describeIssue(issue, options.lang) : issue.message;
  return `${issue.file ?? '<input>'}:${issue.line}:${issue.column}: ${issue.severity}: ${message}`;
}

/** Orders issues by position, errors before warnings at the same place. */
export function compareIssues(a: SopIssue, b: SopIssue): number {
  return a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}
