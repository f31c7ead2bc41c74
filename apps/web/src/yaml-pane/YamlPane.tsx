import { autocompletion, completionKeymap, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { bracketMatching, defaultHighlightStyle, indentUnit, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { diagnosticCount, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Annotation, EditorState, type Text } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { useI18n, type Lang, type Translate } from '../i18n';
import { commonPrefix, commonSuffix } from '../text-ends';
import { lazyDocumentIds } from './document-ids';
import { followChanges, textOf } from './doc-text';
import { completeYaml, type CompletionWords } from './schema-completion';
import { sopSchemaIn } from './localized-schema';
import './yaml-pane.css';

/** An issue of the validator, located by 1-based line and column. */
export interface PaneIssue {
  severity: 'error' | 'warning' | string;
  message: string;
  line: number;
  column: number;
}

export interface YamlPaneHandle {
  /** Selects the rest of the line from a 1-based position and scrolls it into view. */
  reveal(line: number, column: number): void;
  getText(): string;
}

export interface YamlPaneProps {
  value: string;
  /** Each change of the text typed (not the changes that come from `value`). */
  onChange(text: string): void;
  onBlur?(): void;
  /** The validator's issues for the current text, shown in the gutter and under the text. */
  issues: readonly PaneIssue[];
  label: string;
  testId?: string;
}

/** Marks a transaction that follows the `value` prop, so it is not echoed back through onChange. */
const fromProps = Annotation.define<boolean>();

/** YAML for the pane's highlighting (CodeMirror's stream mode of YAML). */
const yamlLanguage = StreamLanguage.define(yaml);

/** Completion from the SOP language's schema, its notes and words in the page's language at the time (`words()`). */
const schemaCompletion = (words: () => { lang: Lang; completion: CompletionWords }) =>
  function complete(context: CompletionContext): CompletionResult | null {
    if (!context.explicit && context.matchBefore(/[\w-]/) === null && !/[:-] $/.test(context.state.sliceDoc(Math.max(0, context.pos - 2), context.pos)))
      return null;
    const text = textOf(context.state.doc);
    const result = completeYaml(text, context.pos, sopSchemaIn(words().lang), lazyDocumentIds(text), words().completion);
    if (!result) return null;
    const options: Completion[] = result.items.map((item, index) => ({
      label: item.label,
      apply: item.apply,
      detail: item.detail,
      info: item.info,
      type: item.kind === 'property' ? 'property' : 'enum',
      boost: -index,
    }));
    return { from: result.from, to: result.to, options, validFor: /^[\w-]*$/ };
  };

/** The completion's words for a property's kind of value and for "required", in the page's language. */
function completionWords(t: Translate): CompletionWords {
  return {
    required: t('editYamlRequired'),
    types: {
      string: t('editYamlTypeString'),
      array: t('editYamlTypeArray'),
      object: t('editYamlTypeObject'),
      boolean: t('editYamlTypeBoolean'),
      integer: t('editYamlTypeInteger'),
      number: t('editYamlTypeNumber'),
      enum: t('editYamlTypeEnum'),
    },
  };
}

function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.to, l.from + Math.max(0, column - 1));
}

function diagnosticsOf(doc: Text, issues: readonly PaneIssue[]): Diagnostic[] {
  return issues
    .filter((i) => i.line > 0)
    .map((i) => {
      const from = offsetOf(doc, i.line, i.column);
      const to = Math.max(from, doc.lineAt(from).to);
      return { from, to, severity: i.severity === 'error' ? 'error' : i.severity === 'warning' ? 'warning' : 'info', message: i.message };
    });
}

/**
 * The YAML text of an SOP in CodeMirror: YAML highlighting, completion of keys and values from the
 * SOP language's schema (and of the ids the document declares), the validator's issues in place.
 */
export const YamlPane = forwardRef<YamlPaneHandle, YamlPaneProps>(function YamlPane({ value, onChange, onBlur, issues, label, testId }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onBlur });
  callbacks.current = { onChange, onBlur };
  const { t, lang } = useI18n();
  const completion = useMemo(() => completionWords(t), [t]);
  const wordsRef = useRef({ lang, completion });
  wordsRef.current = { lang, completion };

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        bracketMatching(),
        // long Indonesian texts wrap inside the narrow pane instead of scrolling it sideways
        EditorView.lineWrapping,
        indentUnit.of('  '),
        EditorState.tabSize.of(2),
        // YAML highlighted line by line (a line's tokens depend only on the lines above it): an edit
        // re-reads from its line on, where a full grammar re-read far more of a 300-step SOP at each keystroke
        yamlLanguage,
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [schemaCompletion(() => wordsRef.current)], activateOnTyping: true, icons: false }),
        lintGutter(),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          followChanges(update.startState.doc, update.state.doc, update.changes);
          if (!update.transactions.some((tr) => tr.annotation(fromProps))) callbacks.current.onChange(textOf(update.state.doc));
        }),
        EditorView.domEventHandlers({
          blur: () => {
            callbacks.current.onBlur?.();
          },
        }),
      ],
    });
    const v = new EditorView({ state, parent: host.current! });
    view.current = v;
    textOf(state.doc);
    // an automation hook: browser tests and assistive tools read the whole text (CodeMirror renders only the visible lines)
    (host.current as HTMLDivElement & { sopYaml?: { getText(): string } }).sopYaml = { getText: () => textOf(v.state.doc) };
    return () => {
      v.destroy();
      view.current = null;
    };
    // the view is created once; `value` changes are followed below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // follow `value` (edits made in the diagram), replacing only what changed so the cursor stays
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // the text typed comes back as the same string: compared at once
    const current = textOf(v.state.doc);
    if (current === value) return;
    const start = commonPrefix(current, value);
    const tail = commonSuffix(current, value, Math.min(current.length, value.length) - start);
    v.dispatch({ changes: { from: start, to: current.length - tail, insert: value.slice(start, value.length - tail) }, annotations: fromProps.of(true) });
  }, [value]);

  // the issues placed again on each text (an edit over an issue's place would drop CodeMirror's own
  // mapping of it); nothing to do while there are none and none are shown (typing in a valid SOP)
  useEffect(() => {
    const v = view.current;
    if (!v || (issues.length === 0 && diagnosticCount(v.state) === 0)) return;
    v.dispatch(setDiagnostics(v.state, diagnosticsOf(v.state.doc, issues)));
  }, [issues, value]);

  useImperativeHandle(
    ref,
    () => ({
      reveal(line: number, column: number) {
        const v = view.current;
        if (!v || line < 1) return;
        const from = offsetOf(v.state.doc, line, column);
        const to = v.state.doc.lineAt(from).to;
        v.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
      },
      getText: () => (view.current ? textOf(view.current.state.doc) : value),
    }),
    [value],
  );

  return <div ref={host} className="yaml-pane" data-testid={testId} />;
});
