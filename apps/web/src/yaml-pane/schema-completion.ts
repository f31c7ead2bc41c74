/**
 * Completion for the SOP YAML pane, driven by the JSON Schema of the SOP language.
 *
 * Works line by line on the text as typed (which is often not valid YAML yet): the indentation of
 * the cursor's line and of the lines above it gives the path of the mapping the cursor is in
 * (`steps / * / onTimeout`), the schema gives that mapping's properties and their values. References
 * (a step's `lane`, `next`, a jump's `to`, `template`) complete to the ids the document declares.
 */

/** The subset of JSON Schema the SOP language uses. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  /** A description per enum value (the convention of VS Code's and the YAML language server's completion). */
  enumDescriptions?: string[];
  const?: unknown;
  default?: unknown;
  $defs?: Record<string, SchemaNode>;
}

export interface CompletionItem {
  label: string;
  kind: 'property' | 'value';
  /** What is inserted in place of the typed word. */
  apply: string;
  /** A short hint shown beside the label (the type, "wajib"). */
  detail?: string;
  /** The schema's description. */
  info?: string;
}

export interface YamlCompletion {
  /** The range of the typed word the items replace. */
  from: number;
  to: number;
  items: CompletionItem[];
}

/** How the completion says a property's kind of value (`string`, `array`, …) and that it is required. */
export interface CompletionWords {
  required: string;
  /** A JSON Schema type (or `enum`) in the page's words; a type not listed is shown as it is. */
  types: Readonly<Record<string, string>>;
}

/** Ids declared in the document, offered where a reference is expected. */
export interface DocumentIds {
  lanes: string[];
  steps: string[];
  templates: string[];
}

/** A path segment: a mapping key, or `*` for an item of a sequence. */
export type PathSegment = string;

interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  contentCol: number;
  /** The mapping key the line starts with, if any. */
  key: string | null;
  /** Whether the key has no value on its line (a block mapping or sequence follows). */
  opensBlock: boolean;
  /** Blank or comment-only lines do not count. */
  blank: boolean;
}

const KEY_RE = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/;

function shapeOf(line: string): LineShape {
  let col = 0;
  while (col < line.length && line[col] === ' ') col++;
  const dashes: number[] = [];
  while (line[col] === '-' && (line[col + 1] === ' ' || col + 1 === line.length)) {
    dashes.push(col);
    col += 1;
    while (line[col] === ' ') col++;
  }
  const rest = line.slice(col);
  const blank = rest.trim() === '' ? dashes.length === 0 : false;
  if (rest.startsWith('#')) return { dashes, contentCol: col, key: null, opensBlock: false, blank: dashes.length === 0 };
  const m = KEY_RE.exec(rest);
  const key = m ? m[1] : null;
  const value = m
    ? rest
        .slice(m[0].length)
        .replace(/\s+#.*$/, '')
        .trim()
    : '';
  const opensBlock = key !== null && (value === '' || value === '|' || value === '>' || /^[|>][-+]?\d*$/.test(value));
  return { dashes, contentCol: col, key, opensBlock, blank };
}

/**
 * The path of the mapping whose keys start at column `col`, looking from line `lineIndex` upwards.
 * `itemDash` is the column of the `- ` that began that mapping on the line itself, if it did.
 */
function pathAbove(lines: string[], lineIndex: number, col: number, itemDash: number | null): PathSegment[] {
  const path: PathSegment[] = [];
  let target = col;
  let pending = itemDash; // the mapping at `target` is an item of a sequence whose dashes are at this column
  let i = lineIndex - 1;
  const lastDash = (s: LineShape) => (s.dashes.length ? s.dashes[s.dashes.length - 1] : null);
  for (;;) {
    if (pending !== null) {
      path.unshift('*');
      target = pending;
      pending = null;
      // the key that owns the sequence: its content starts left of the dashes, or at them (indentless)
      let owner: LineShape | null = null;
      for (; i >= 0; i--) {
        const s = shapeOf(lines[i]);
        if (s.blank) continue;
        if (lastDash(s) === target || s.contentCol > target) continue; // a sibling item or inside one
        if (s.key && s.opensBlock) owner = s;
        break;
      }
      if (!owner) return path;
      path.unshift(owner.key!);
      target = owner.contentCol;
      pending = lastDash(owner);
      i--;
      continue;
    }
    let found = false;
    for (; i >= 0; i--) {
      const s = shapeOf(lines[i]);
      if (s.blank || s.contentCol > target) continue;
      if (s.contentCol === target) {
        if (s.dashes.length === 0) continue; // a sibling key
        pending = lastDash(s); // the first line of the item this mapping is
        i--;
        found = true;
        break;
      }
      if (!s.key || !s.opensBlock) return path;
      path.unshift(s.key);
      target = s.contentCol;
      pending = lastDash(s);
      i--;
      found = true;
      break;
    }
    if (!found) return path;
  }
}

/** The keys already present in the mapping whose keys start at `col` around line `lineIndex`. */
function siblingKeys(lines: string[], lineIndex: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const s = shapeOf(lines[i]);
      if (s.blank) continue;
      if (s.contentCol < col) break;
      const startsItem = s.dashes.length > 0 && s.dashes[s.dashes.length - 1] + 2 <= col && s.contentCol === col;
      if (startsItem && step === 1 && i !== from) break; // the next item
      if (s.contentCol === col && s.key) keys.add(s.key);
      if (startsItem && step === -1) break; // this item's first line
      if (s.dashes.length && s.dashes[0] < col) break;
    }
  };
  // when the cursor's line begins a new item, the lines above belong to other items
  if (!startsItem) scan(lineIndex - 1, -1);
  scan(lineIndex + 1, 1);
  return keys;
}

/** Follows `$ref`s into the schema's `$defs`. */
export function deref(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  const seen = new Set<string>();
  while (current?.$ref && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const m = /^#\/\$defs\/(.+)$/.exec(current.$ref);
    const target: SchemaNode | undefined = m ? root.$defs?.[m[1]] : undefined;
    if (!target) return current;
    // a property's own description wins over its type's
    current = { ...target, description: current.description ?? target.description };
  }
  return current;
}

/** The schema of the value at `path` (`*` for sequence items), or undefined when the schema does not know it. */
export function schemaAt(root: SchemaNode, path: PathSegment[]): SchemaNode | undefined {
  let node = deref(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    if (seg === '*') {
      node = deref(root, node.items);
      continue;
    }
    const direct = node.properties?.[seg];
    if (direct) {
      node = deref(root, direct);
      continue;
    }
    const pattern = Object.entries(node.patternProperties ?? {}).find(([re]) => new RegExp(re).test(seg));
    if (pattern) {
      node = deref(root, pattern[1]);
      continue;
    }
    node = typeof node.additionalProperties === 'object' ? deref(root, node.additionalProperties) : undefined;
  }
  return node;
}

function typesOf(node: SchemaNode): string[] {
  if (node.enum) return ['enum'];
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

function propertyItem(root: SchemaNode, name: string, prop: SchemaNode, required: boolean, indent: number, words: CompletionWords): CompletionItem {
  const node = deref(root, prop) ?? {};
  const types = typesOf(node);
  const pad = ' '.repeat(indent + 2);
  let apply = `${name}: `;
  if (types.length === 1 && types[0] === 'object') apply = `${name}:\n${pad}`;
  else if (types.length === 1 && types[0] === 'array') apply = `${name}:\n${pad}- `;
  return {
    label: name,
    kind: 'property',
    apply,
    detail: [types.map((type) => words.types[type] ?? type).join(' | '), required ? words.required : ''].filter(Boolean).join(' · ') || undefined,
    info: node.description,
  };
}

/** Which declared ids a reference-valued key expects. */
function referenceIds(key: string, ids: DocumentIds): string[] | null {
  if (key === 'lane' || key === 'laneId') return ids.lanes;
  if (key === 'template') return ids.templates;
  if (key === 'next' || key === 'to' || key === 'step' || key === 'start') return ids.steps;
  return null;
}

function quoteIfNeeded(value: string): string {
  return /^[\w.-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|\d[\d.]*)$/i.test(value) ? value : JSON.stringify(value);
}

/**
 * Completion at `offset` of `text`, or null where the schema has nothing to offer. A property's
 * kind of value and whether it is required are said in `words` (the page's language).
 */
export function completeYaml(text: string, offset: number, schema: SchemaNode, ids: DocumentIds, words: CompletionWords): YamlCompletion | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, offset);
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  if (/#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return null; // inside a comment

  // a value after `key:`
  const valueMatch = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)\s*:\s+([^#]*)$/.exec(before);
  if (valueMatch) {
    const shape = shapeOf(before);
    const itemDash = shape.dashes.length ? shape.dashes[shape.dashes.length - 1] : null;
    const parent = pathAbove(lines, lineIndex, shape.contentCol, itemDash);
    const key = valueMatch[2];
    const typed = valueMatch[3];
    if (/^["']/.test(typed) && typed.length > 1 && typed[0] === typed[typed.length - 1]) return null; // a closed string
    const node = schemaAt(schema, [...parent, key]);
    const word = typed.replace(/^["']/, '');
    const from = offset - typed.length;
    const rest = text.slice(offset, lineEnd);
    const to = offset + (/^[\w.-]*/.exec(rest)?.[0].length ?? 0);
    let values: { value: string; info?: string }[] = [];
    const refs = referenceIds(key, ids);
    if (refs) values = refs.map((value) => ({ value }));
    // a lane's role completes to the schema's list, each with its own description
    else if (node?.enum) values = node.enum.map((v, i) => ({ value: v === null ? 'null' : String(v), info: node.enumDescriptions?.[i] }));
    else if (node?.const !== undefined) values = [{ value: String(node.const) }];
    else if (node && typesOf(node).includes('boolean')) values = [{ value: 'true' }, { value: 'false' }];
    if (!values.length) return null;
    const items = values
      .filter((v) => v.value.toLowerCase().startsWith(word.toLowerCase()))
      .map((v) => ({ label: v.value, kind: 'value' as const, apply: quoteIfNeeded(v.value), info: v.info ?? node?.description }));
    return items.length ? { from, to, items } : null;
  }

  // a key (possibly after `- `), being typed or not yet started
  const keyMatch = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)?$/.exec(before);
  if (!keyMatch) return null;
  const word = keyMatch[2] ?? '';
  const shape = shapeOf(before + (word ? '' : 'x'));
  const col = shape.contentCol;
  const itemDash = shape.dashes.length ? shape.dashes[shape.dashes.length - 1] : null;
  const parent = pathAbove(lines, lineIndex, col, itemDash);
  const node = schemaAt(schema, parent);
  if (!node?.properties) return null;
  const present = siblingKeys(lines, lineIndex, col, itemDash !== null);
  const required = new Set(node.required ?? []);
  const items = Object.entries(node.properties)
    .filter(([name]) => !present.has(name) && name.toLowerCase().startsWith(word.toLowerCase()))
    .sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)))
    .map(([name, prop]) => propertyItem(schema, name, prop, required.has(name), col, words));
  if (!items.length) return null;
  const rest = text.slice(offset, lineEnd);
  const tail = /^[\w-]*/.exec(rest)?.[0] ?? '';
  return { from: offset - word.length, to: offset + tail.length, items };
}

/** The path of the mapping key on the line at `offset` (for tests and hover): e.g. `['steps', '*', 'lane']`. */
export function pathAtKey(text: string, offset: number): PathSegment[] | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEndRaw === -1 ? text.length : lineEndRaw);
  const shape = shapeOf(line);
  if (!shape.key) return null;
  const lines = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const itemDash = shape.dashes.length ? shape.dashes[shape.dashes.length - 1] : null;
  return [...pathAbove(lines, lineIndex, shape.contentCol, itemDash), shape.key];
}
