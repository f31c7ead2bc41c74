import { LineCounter, parseDocument, type Document, type ToStringOptions } from 'yaml';
import { CommandError } from './command-error';
import type { EditorState } from './editor-state';
import { preserveFormatting } from './preserve-formatting';
import type { CommandApplication, CommandEffect } from './sop-command';
import { SopYaml } from './sop-yaml';

/** How the author writes YAML, so that the lines an edit writes look like the others. */
export interface YamlFormat {
  /** Width of a nested mapping's indentation. */
  indent: number;
  /** Whether list items are indented under their key (`steps:\n  - id:`) or not (`steps:\n- id:`). */
  indentSeq: boolean;
  /** `{ id: a }` (true) or `{id: a}` (false). */
  flowMapPadding: boolean;
  /** `[ a, b ]` (true) or `[a, b]` (false). */
  flowSeqPadding: boolean;
}

function padding(lines: readonly string[], open: string, close: string): boolean {
  const o = `\\${open}`;
  const c = `\\${close}`;
  const padded = new RegExp(`${o} [^\\s${c}]`);
  const tight = new RegExp(`${o}[^\\s${c}]`);
  let score = 0;
  for (const line of lines) {
    const code = line.replace(/\s#.*$/, '');
    if (padded.test(code)) score++;
    else if (tight.test(code)) score--;
  }
  return score >= 0;
}

/**
 * Reads how the author writes: the indentation of nested mappings and of lists, and the spacing
 * inside `{ … }` and `[ … ]` (the SOP files pad mappings but not lists). Lines are never folded.
 *
 * @example
 * detectFormat(pekanbaruYaml) // { indent: 2, indentSeq: true, flowMapPadding: true, flowSeqPadding: false }
 */
export function detectFormat(text: string): YamlFormat {
  const lines = text.split('\n');
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (let i = 0; i < lines.length && (indent === undefined || indentSeq === undefined); i++) {
    if (!/^[^\s#-][^#]*:\s*(#.*)?$/.test(lines[i])) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (next === undefined) continue;
    const spaces = next.search(/[^ ]|$/);
    const isItem = /^-(\s|$)/.test(next.slice(spaces));
    if (isItem && indentSeq === undefined) indentSeq = spaces > 0;
    if (spaces > 0 && indent === undefined) indent = spaces;
  }
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, flowMapPadding: padding(lines, '{', '}'), flowSeqPadding: padding(lines, '[', ']') };
}

/**
 * Prints a document in the author's format. The `yaml` package pads `{ … }` and `[ … ]` alike;
 * when the author pads only one of them, each line takes the spacing of the first collection on it.
 */
export function printYaml(doc: Document, format: YamlFormat): string {
  const options: ToStringOptions = { lineWidth: 0, indent: format.indent, indentSeq: format.indentSeq };
  if (format.flowMapPadding === format.flowSeqPadding) return doc.toString({ ...options, flowCollectionPadding: format.flowMapPadding });
  const padded = doc.toString({ ...options, flowCollectionPadding: true }).split('\n');
  const tight = doc.toString({ ...options, flowCollectionPadding: false }).split('\n');
  if (padded.length !== tight.length) return padded.join('\n');
  return padded
    .map((line, i) => {
      const other = tight[i];
      if (line === other) return line;
      let k = 0;
      while (k < line.length && line[k] === other[k]) k++;
      const opener = line[k - 1];
      return (opener === '{' ? format.flowMapPadding : format.flowSeqPadding) ? line : other;
    })
    .join('\n');
}

/** Whether a text reads as the data of a document (the edited one, in memory: its printed text need not be read again). */
function sameData(text: string, doc: Document): boolean {
  const read = parseDocument(text);
  return read.errors.length === 0 && JSON.stringify(read.toJS()) === JSON.stringify(doc.toJS());
}

/**
 * Parses the state's YAML for editing, or refuses: a command cannot edit a document it cannot
 * read (the YAML pane shows where the syntax error is).
 */
export function parseForEdit(state: EditorState): { sop: SopYaml; text: string; crlf: boolean } {
  const crlf = state.yaml.includes('\r\n');
  const text = crlf ? state.yaml.replace(/\r\n/g, '\n') : state.yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors.at(0);
  if (error) {
    const { line } = lineCounter.linePos(error.pos[0]);
    throw new CommandError('yaml-unparseable', {
      en: `the YAML cannot be read (line ${line}: ${error.message.split('\n')[0]}): fix it in the YAML pane first`,
      id: `YAML tidak dapat dibaca (baris ${line}: ${error.message.split('\n')[0]}): perbaiki dulu di panel YAML`,
    });
  }
  return { sop: new SopYaml(doc), text, crlf };
}

/**
 * Runs an edit on the SOP through the `yaml` Document API and returns the new state. Only the
 * lines the edit changed are rewritten: every other line (comments, blank lines, quoting,
 * indentation) stays exactly as the author wrote it. The document is printed before and after
 * the edit, and the difference is merged back into the original text; should that merge ever
 * change the document's data, the printed document is used instead.
 *
 * @example
 * const { state } = editSop({ yaml }, (sop) => {
 *   sop.step('kasi-periksa').map.set('waktu', '2 hari');
 * });
 */
export function editSop(state: EditorState, edit: (sop: SopYaml) => CommandEffect[] | undefined): CommandApplication {
  const { sop, text, crlf } = parseForEdit(state);
  const format = detectFormat(text);
  const baseline = printYaml(sop.doc, format);
  const effects = edit(sop) ?? [];
  const edited = printYaml(sop.doc, format);
  if (edited === baseline) return { before: state, state, effects };
  let merged = preserveFormatting(text, baseline, edited);
  if (merged !== edited && !sameData(merged, sop.doc)) merged = edited;
  return { before: state, state: { yaml: crlf ? merged.replace(/\n/g, '\r\n') : merged }, effects };
}
