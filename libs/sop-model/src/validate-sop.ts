import { Composer, CST, isAlias, isScalar, LineCounter, Parser, visit, YAMLParseError, type Document, type Scalar, type YAMLError } from 'yaml';
import type { SopDocument } from './generated/sop-document';
import { toPointer } from './json-pointer';
import { checkSchema } from './schema-issues';
import { contextParams } from './issue-messages';
import { buildSopGraph, flowsOf } from './sop-graph';
import { compareIssues, type SopIssue, type UnlocatedIssue } from './sop-issue';
import { createSourceMap, type SourceMap } from './source-map';
import { SOP_RULES } from './rules';
import { softenForIncompleteSource } from './runnability';
import { isSourceIncomplete } from './source-gaps';

/**
 * The longest SOP file, in characters (an SOP of 500 steps has about 150,000; the API takes at most
 * 1 MB of YAML). Longer text is refused before it is parsed.
 */
export const MAX_SOP_LENGTH = 1_000_000;

/**
 * The deepest nesting of mappings and lists in an SOP file (the SOP language itself needs 6).
 * Deeper YAML is refused before it is composed: the YAML library builds nested nodes by recursion,
 * and some thousands of levels (12,000 "[" are 12 KB) exhaust the stack of whatever runs it.
 */
export const MAX_SOP_DEPTH = 64;

/**
 * The most problems of one kind of check (YAML syntax, schema) an SOP's validation lists; the rest
 * are counted in one more issue (`issues.more`). A text of 80,000 unknown keys is 80,000 problems
 * that say one thing, which no author reads and no answer should carry.
 */
export const MAX_ISSUES_LISTED = 500;

/** The issue that counts the problems not listed. */
function moreIssues(more: number): UnlocatedIssue {
  return {
    severity: 'error',
    code: 'issues.more',
    pointer: '',
    message: `and ${more} more problems of the same check, not listed: mend the ones above, then check again`,
    params: { more, listed: MAX_ISSUES_LISTED },
  };
}

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
  /**
   * The data as read from the YAML, also when it breaks the schema or a rule (an editor still draws
   * what it can of it); absent when the YAML could not be read.
   */
  data?: unknown;
}

/**
 * Issues about a property that should not be there (or a list that is wrong as a whole): they are
 * located at the property's key, which is on the line the author reads, not at its value (a block
 * list starts on the next line).
 */
const LOCATED_AT_KEY = new Set([
  'schema.additionalProperties',
  'schema.propertyNames',
  'no-start',
  'no-end',
  'next-on-decision',
  'too-few-outcomes',
  'outcomes-on-task',
  'jump-on-decision',
  'jump-on-start',
  'transition-on-end',
  'options-on-non-choice',
  'role-description-ignored',
]);

/**
 * YAML errors after which the parser is still in step with the text, so later errors are real.
 * After any other error the parser's recovery reads the rest of the file askew (one tab can make
 * a dozen errors), so only the first of those is reported.
 */
const INDEPENDENT_YAML_ERRORS = new Set(['DUPLICATE_KEY']);

interface LocatedYamlError {
  offset: number;
  message: string;
  params?: Record<string, string | number>;
}

/** Rewords the YAML errors SOP authors make most, saying what to write instead, and locates them. */
function explainYamlError(e: YAMLError, doc: Document, text: string, lineCounter: LineCounter): LocatedYamlError {
  const offset = e.pos[0];
  const first = e.message.split('\n')[0];
  switch (e.code) {
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(first)?.[1];
      if (quote) {
        // the parser notices at the end of what it read as the text (for ' often the end of the
        // file); the author's mistake is where the text opens
        const opening = openingQuoteOf(doc, offset) ?? offset;
        return {
          offset: opening,
          message: `YAML: this text opens with ${quote} but is never closed: add the closing ${quote} at its end`,
          params: { reason: 'quote', quote },
        };
      }
      if (first.startsWith('Comments must be separated'))
        return {
          offset,
          message: 'YAML: a comment "#" must follow a space: put a space before "#", or put the text in quotes if the "#" belongs to it',
          params: { reason: 'comment-space' },
        };
      if (first.startsWith('Implicit map keys need to be followed'))
        return { offset, message: 'YAML: this key has no ":" and value after it: write "key: value"', params: { reason: 'map-value' } };
      if (first.startsWith('Missing , or : between'))
        return {
          offset,
          message: 'YAML: a "," or ":" is missing between the items of this { … } or [ … ]: separate the items with ", " and write each pair "key: value"',
          params: { reason: 'comma-or-colon' },
        };
      if (first.startsWith('Missing , between'))
        return {
          offset,
          message: 'YAML: a "," is missing between the items of this { … } or [ … ]: separate the items with ", "',
          params: { reason: 'comma' },
        };
      if (first.startsWith('Missing space after :'))
        return { offset, message: 'YAML: a ":" must be followed by a space here: write "key: value"', params: { reason: 'colon-space' } };
      if (first.startsWith('Sequence item without -'))
        return { offset, message: 'YAML: this list item has no "- " before it: start every item of a list with "- "', params: { reason: 'dash' } };
      break;
    }
    case 'BAD_DQ_ESCAPE': {
      const escape = /^Invalid escape sequence (.+)$/.exec(first)?.[1];
      if (!escape) break;
      return {
        offset,
        message: `YAML: ${escape} is not an escape that a text in double quotes can hold: write \\\\ for a backslash, or put the text in single quotes '…'`,
        params: { escape },
      };
    }
    case 'BAD_SCALAR_START': {
      // "… cannot start with reserved character @" / "… directive indicator character %"
      const char = /(?:character|indicator) (\S)$/.exec(first)?.[1];
      if (!char) break;
      return { offset, message: `YAML: a text without quotes cannot start with ${char}: put the text in quotes`, params: { char } };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        offset,
        message:
          'YAML: this line has no ":" after its key, or a text without quotes runs on to the next line: write "key: value" on one line, and put long text in quotes',
      };
    case 'BLOCK_IN_FLOW':
      return {
        offset,
        message:
          'YAML: inside this { … } or [ … ] a text reads as a new mapping: look for a missing "," between its items, or put a text that holds ": " in quotes',
      };
    case 'TAG_RESOLVE_FAILED': {
      const tag = /^Unresolved tag: (.+)$/.exec(first)?.[1];
      if (!tag) break;
      return {
        offset,
        message: `YAML: the tag ${tag} is unknown; an SOP uses no "!" tags: remove it, or put the text in quotes if the "!" belongs to it`,
        params: { tag },
      };
    }
    case 'DUPLICATE_KEY': {
      const duplicate = DUPLICATE_OF.get(e);
      if (!duplicate) return { offset, message: `YAML: ${first}` };
      const key = String(duplicate.key);
      const line = duplicate.earlier !== undefined ? lineCounter.linePos(duplicate.earlier).line : undefined;
      return {
        offset,
        message: `YAML: "${key}" is already set in this mapping${line ? ` (line ${line})` : ''}: keep one of the two`,
        params: line ? { key, earlierLine: line } : { key },
      };
    }
    case 'TAB_AS_INDENT':
      return { offset, message: 'YAML: this line is indented with a tab: indent with spaces only' };
    case 'MULTIPLE_DOCS':
      return {
        offset,
        message: 'YAML: a "---" line starts a second document, but an SOP file holds one: remove the "---" line, or put the second SOP in a file of its own',
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { offset, message: `YAML: ${first}: if this is text that contains ": ", put it in quotes` };
    case 'BAD_INDENT': {
      // "Flow map/sequence … must … end with a }": usually a { or [ that is never closed; the
      // parser notices it only where the next item begins, so point at the opening bracket.
      const closing = /^Flow (map|sequence)/.exec(first) ? (first.startsWith('Flow map') ? '}' : ']') : undefined;
      if (!closing) break;
      let opening: { start: number } | undefined;
      visit(doc, {
        Collection(_, node) {
          const range = node.range;
          if (!node.flow || !range || range[1] !== offset) return;
          if (!text.slice(range[0], range[1]).trimEnd().endsWith(closing)) opening = { start: range[0] };
        },
      });
      if (opening) {
        const what = closing === '}' ? 'mapping { … }' : 'list [ … ]';
        return { offset: opening.start, message: `YAML: this ${what} is not closed: add the missing "${closing}" at its end`, params: { closing } };
      }
      break;
    }
  }
  return { offset, message: `YAML: ${first}`, params: { detail: first } };
}

/** The offset of the quoted text that runs from its opening quote to `end`. */
function openingQuoteOf(doc: Document, end: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || !range) return;
      if (range[0] < end && end <= range[1]) {
        found = range[0];
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** Locates the first alias of an anchor name. */
function locateAlias(doc: Document, name: string): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.source === name && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
    },
  });
  return offset;
}

/** Says what a document that is not a mapping holds, and what an SOP file looks like instead. */
function notAMappingMessage(value: unknown): string {
  const expected = 'an SOP file is a YAML mapping that starts with "schemaVersion: 1", followed by identity, calendar, sections, lanes and steps';
  if (value === null || value === undefined) return `the file is empty (or holds only comments): ${expected}`;
  if (Array.isArray(value)) return `the file holds a list: ${expected}, each at the start of a line without a leading "- "`;
  return `the file holds ${typeof value === 'string' ? 'only a text' : `only the ${typeof value} ${JSON.stringify(value)}`}: ${expected}`;
}

/** Where the text passes {@link MAX_SOP_LENGTH}, without a parser. */
function tooLong(text: string, file: string | undefined): SopIssue {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < MAX_SOP_LENGTH; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return {
    severity: 'error',
    code: 'yaml.too-long',
    message: `the file has ${text.length} characters; an SOP file has at most ${MAX_SOP_LENGTH}: this is where the limit is passed`,
    params: { length: text.length, limit: MAX_SOP_LENGTH },
    pointer: '',
    file,
    line,
    column: MAX_SOP_LENGTH - lineStart + 1,
  };
}

/** How many times an alias may be expanded (yaml's guard against a billion laughs). */
const MAX_ALIAS_COUNT = 100;

/**
 * The first mapping or list nested deeper than {@link MAX_SOP_DEPTH}, found on the parser's tokens
 * (the lexer and parser keep their own stacks; only composing recurses) without recursion.
 */
function tooDeep(tokens: CST.Token[]): { offset: number } | null {
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_SOP_DEPTH) return { offset: token.type === 'flow-collection' ? token.start.offset : token.offset };
    for (const item of token.items as CST.CollectionItem[]) {
      stack.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
    }
  }
  return null;
}

/** The key a DUPLICATE_KEY error repeats, and where the mapping set it first. */
const DUPLICATE_OF = new WeakMap<YAMLError, { key: unknown; earlier: number | undefined }>();

/**
 * Reports each key a mapping sets again, as yaml's own check (`uniqueKeys`) does, but in one pass per
 * mapping: yaml's check compares each key with every earlier one, so a text of 20,000 keys took 12 s
 * and one of 80,000 minutes, while the process served nobody else.
 */
function reportDuplicateKeys(doc: Document): void {
  visit(doc, {
    Map(_, map) {
      const first = new Map<unknown, Scalar>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue; // as yaml: keys other than scalars are never equal
        const earlier = first.get(pair.key.value);
        if (!earlier) {
          first.set(pair.key.value, pair.key);
          continue;
        }
        const at = pair.key.range?.[0] ?? 0;
        const error = new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
        DUPLICATE_OF.set(error, { key: pair.key.value, earlier: earlier.range?.[0] });
        doc.errors.push(error);
      }
    },
  });
}

/** Composes the one document of the tokens, as `parseDocument` does (a second document is an error). */
function compose(tokens: CST.Token[], length: number): Document {
  // logLevel 'error': the document's warnings are collected, not printed on the console of whoever validates;
  // uniqueKeys false: reportDuplicateKeys checks them, in linear time
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' });
  let doc: Document | null = null;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    break;
  }
  // compose(…, true) yields a document for any text, an empty one too
  const composed = doc as Document;
  reportDuplicateKeys(composed);
  return composed;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** What a text of the document holds that no SOP text may: a NUL character or a lone surrogate (both written as escapes in YAML). */
function badCharacter(text: string): string | null {
  if (text.includes('\u0000')) return 'a NUL character (written "\\0" or "\\x00" in YAML)';
  const lone = LONE_SURROGATE.exec(text);
  return lone ? `a lone surrogate (\\u${lone[0].charCodeAt(0).toString(16)}), which is not a Unicode character` : null;
}

/**
 * Every text (key or value) of the document that holds a bad character, by JSON pointer (the first
 * 20); without recursion, and each node once (an alias can make a node its own descendant).
 */
function badCharacters(value: unknown): UnlocatedIssue[] {
  const issues: UnlocatedIssue[] = [];
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length > 0 && issues.length < 20) {
    const { value: current, pointer } = stack.pop()!;
    if (typeof current === 'string') {
      const bad = badCharacter(current);
      if (bad) issues.push({ severity: 'error', code: 'text.bad-character', pointer, message: `this text holds ${bad}: remove it` });
    } else if (current !== null && typeof current === 'object' && !seen.has(current)) {
      seen.add(current);
      for (const [key, item] of Object.entries(current)) {
        const bad = badCharacter(key);
        if (bad)
          issues.push({ severity: 'error', code: 'text.bad-character', pointer: pointer + toPointer([key]), message: `this key holds ${bad}: remove it` });
        else stack.push({ value: item, pointer: pointer + toPointer([key]) });
      }
    }
  }
  return issues;
}

/**
 * The data of an SOP's YAML text, read exactly as {@link validateSop} reads it (the same length and
 * depth bounds, the same strict composer, the same alias limit), without validating it: for a page
 * that draws the document at once and validates it elsewhere (the editor's worker). Undefined when
 * validateSop would stop before the data: too long, too deep, a YAML error, or an alias it refuses.
 */
export function readSopData(text: string): unknown {
  if (text.length > MAX_SOP_LENGTH) return undefined;
  const tokens = Array.from(new Parser().parse(text));
  if (tooDeep(tokens)) return undefined;
  const doc = compose(tokens, text.length);
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
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
  const file = options.file;
  // bounded before parsing: any text (a CLI argument, an API body, the editor) leaves the caller standing
  if (text.length > MAX_SOP_LENGTH) return { issues: [tooLong(text, file)], valid: false };
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeep(tokens);
  if (deep) {
    const { line, col } = lineCounter.linePos(deep.offset);
    const message = `YAML: mappings and lists are nested more than ${MAX_SOP_DEPTH} levels deep here; an SOP needs a few levels: close the open "[" or "{", or indent less`;
    return {
      issues: [{ severity: 'error', code: 'yaml.too-deep', message, params: { limit: MAX_SOP_DEPTH }, pointer: '', file, line, column: col }],
      valid: false,
    };
  }
  const doc = compose(tokens, text.length);
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstStructural = errors.find((e) => !INDEPENDENT_YAML_ERRORS.has(e.code));
  // the structural error first: past 500 duplicate keys it is still listed (the list is sorted by place below)
  const found = [...(firstStructural ? [firstStructural] : []), ...errors.filter((e) => INDEPENDENT_YAML_ERRORS.has(e.code))];
  const reported = found.slice(0, MAX_ISSUES_LISTED);
  const syntax: SopIssue[] = [
    ...reported.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ].map(({ e, severity }) => {
    const { offset, message, params } = explainYamlError(e, doc, text, lineCounter);
    const { line, col } = lineCounter.linePos(offset);
    return { severity, code: `yaml.${e.code.toLowerCase()}`, message, ...(params ? { params } : {}), pointer: '', file, line, column: col };
  });
  if (found.length > reported.length) {
    const { line, col } = lineCounter.linePos(found[reported.length].pos[0]);
    syntax.push({ ...moreIssues(found.length - reported.length), file, line, column: col });
  }
  if (syntax.some((i) => i.severity === 'error')) {
    return { issues: syntax.sort(compareIssues), valid: false };
  }
  const sourceMap = createSourceMap(doc, lineCounter);
  let value: unknown;
  const locate = (issue: UnlocatedIssue): SopIssue => {
    // the catalogue's parameters: the rule's own, completed with the step, lane, value… the pointer lands on
    const params = { ...contextParams(value, issue.pointer), ...issue.params };
    return { ...issue, params, file, ...sourceMap.locate(issue.pointer, { key: LOCATED_AT_KEY.has(issue.code) }) };
  };
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const reason = (e as Error).message;
    const name = /^Unresolved alias.*:\s*(\S+)$/.exec(reason)?.[1];
    const { line, col } = lineCounter.linePos((name !== undefined ? locateAlias(doc, name) : undefined) ?? 0);
    const message =
      name !== undefined ? `YAML: the alias *${name} refers to no anchor: set &${name} on an earlier value, or write the value out` : `YAML: ${reason}`;
    const issue: SopIssue = {
      severity: 'error',
      code: 'yaml.alias',
      message,
      ...(name !== undefined ? { params: { alias: name } } : {}),
      pointer: '',
      file,
      line,
      column: col,
    };
    return { issues: [...syntax, issue].sort(compareIssues), valid: false, sourceMap };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = value === null || value === undefined ? 'empty' : Array.isArray(value) ? 'list' : 'scalar';
    const issue = locate({ severity: 'error', code: 'not-a-mapping', pointer: '', message: notAMappingMessage(value), params: { found } });
    return { issues: [...syntax, issue], valid: false, sourceMap, data: value };
  }
  // a NUL or a lone surrogate, written as an escape, is no text (and no database column takes it)
  const schemaFound = [...badCharacters(value), ...checkSchema(value)];
  const schemaIssues = schemaFound.slice(0, MAX_ISSUES_LISTED).map(locate);
  if (schemaFound.length > MAX_ISSUES_LISTED) {
    // located where the first problem not listed is
    schemaIssues.push(locate({ ...moreIssues(schemaFound.length - MAX_ISSUES_LISTED), pointer: schemaFound[MAX_ISSUES_LISTED].pointer }));
  }
  if (schemaIssues.length > 0) {
    return { issues: [...syntax, ...schemaIssues].sort(compareIssues), valid: false, sourceMap, data: value };
  }
  const sop = value as SopDocument;
  const graphs = flowsOf(sop).map(buildSopGraph);
  // an incomplete source keeps its gaps: the rules that would make the author invent steps only warn
  const soften = isSourceIncomplete(sop) ? softenForIncompleteSource : (issue: UnlocatedIssue) => issue;
  const semantic = SOP_RULES.flatMap((rule) => rule.check({ sop, graphs }))
    .map(soften)
    .map(locate);
  const issues = [...syntax, ...semantic].sort(compareIssues);
  const valid = !issues.some((i) => i.severity === 'error');
  return { sop: valid ? sop : undefined, issues, valid, sourceMap, data: value };
}
