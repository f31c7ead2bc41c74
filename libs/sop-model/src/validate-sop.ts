import { LineCounter, parseDocument } from 'yaml';
import type { SopDocument } from './generated/sop-document';
import { checkSchema } from './schema-issues';
import { buildSopGraph, flowsOf } from './sop-graph';
import { compareIssues, type SopIssue, type UnlocatedIssue } from './sop-issue';
import { createSourceMap, type SourceMap } from './source-map';
import { SOP_RULES } from './rules';

export interface ValidateOptions {
  /** Shown in each issue's location, e.g. `sops/metro.yaml`. */
  file?: string;
}

export interface SopValidation {
  /** The document, present when there is no error (warnings allowed). */
  sop?: SopDocument;
  /** Every issue found, in source order. */
  issues: SopIssue[];
  /** True when no issue is an error. */
  valid: boolean;
  /** Locates JSON pointers in the source (absent when the YAML could not be parsed at all). */
  sourceMap?: SourceMap;
}

/**
 * Loads an SOP from YAML text and validates it: YAML syntax, then the JSON Schema, then the
 * semantic rules. Reports every issue, each located at its line and column.
 *
 * @example
 * const { valid, issues, sop } = validateSop(fs.readFileSync('sops/metro.yaml', 'utf8'), { file: 'sops/metro.yaml' });
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export function validateSop(text: string, options: ValidateOptions = {}): SopValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const file = options.file;
  const syntax: SopIssue[] = [...doc.errors.map((e) => ({ e, severity: 'error' as const })), ...doc.warnings.map((e) => ({ e, severity: 'warning' as const }))].map(
    ({ e, severity }) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return { severity, code: `yaml.${e.code.toLowerCase()}`, message: `YAML: ${e.message.split('\n')[0]}`, pointer: '', file, line, column: col };
    },
  );
  if (syntax.some((i) => i.severity === 'error')) {
    return { issues: syntax.sort(compareIssues), valid: false };
  }
  const sourceMap = createSourceMap(doc, lineCounter);
  const locate = (issue: UnlocatedIssue): SopIssue => {
    const atKey = issue.code === 'schema.additionalProperties' || issue.code === 'schema.propertyNames';
    return { ...issue, file, ...sourceMap.locate(issue.pointer, { key: atKey }) };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { issues: [...syntax, { severity: 'error', code: 'yaml.alias', message: `YAML: ${(e as Error).message}`, pointer: '', file, line: 1, column: 1 }], valid: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const issue = locate({ severity: 'error', code: 'not-a-mapping', pointer: '', message: 'an SOP file is a YAML mapping that starts with "schemaVersion: 1"; this file holds something else' });
    return { issues: [...syntax, issue], valid: false, sourceMap };
  }
  const schemaIssues = checkSchema(value).map(locate);
  if (schemaIssues.length > 0) {
    return { issues: [...syntax, ...schemaIssues].sort(compareIssues), valid: false, sourceMap };
  }
  const sop = value as SopDocument;
  const graphs = flowsOf(sop).map(buildSopGraph);
  const semantic = SOP_RULES.flatMap((rule) => rule.check({ sop, graphs })).map(locate);
  const issues = [...syntax, ...semantic].sort(compareIssues);
  const valid = !issues.some((i) => i.severity === 'error');
  return { sop: valid ? sop : undefined, issues, valid, sourceMap };
}
