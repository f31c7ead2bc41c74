import { EditorState, Text } from '@codemirror/state';
import { random } from '../editor/__fixtures__/spec-texts';
import { followChanges, textOf, withChanges } from './doc-text';

describe('doc-text: the YAML pane hands on each version of its text as a string', () => {
  test('followed along typed, pasted and deleted edits, the string is always the document as CodeMirror joins it', () => {
    const next = random(11);
    const pick = (n: number) => Math.floor(next() * n);
    let state = EditorState.create({ doc: 'steps:\n  - id: mulai\n    label: Mulai\n' });
    textOf(state.doc);
    const results: [string, Text][] = [];
    // the strings are made from the last one, never joined from the document's lines again
    const joined = jest.spyOn(Text.prototype, 'toString');
    for (let i = 0; i < 500; i++) {
      const length = state.doc.length;
      const from = pick(length + 1);
      const to = Math.min(length, from + pick(6));
      const insert = ['', 'a', 'label: x', '\n', 'baris\nbaru\n', 'é🙂'][pick(6)];
      // sometimes two changes in one transaction, as a multi-cursor edit or a completion makes
      const changes =
        next() < 0.2 && from > 2
          ? [
              { from: 0, to: 1, insert: 'S' },
              { from, to, insert },
            ]
          : [{ from, to, insert }];
      const tr = state.update({ changes });
      followChanges(state.doc, tr.state.doc, tr.changes);
      state = tr.state;
      results.push([textOf(state.doc), state.doc]);
    }
    // (the typed insertions themselves are small texts, joined as they come)
    const documents = new Set(results.map(([, doc]) => doc));
    expect(joined.mock.contexts.filter((c) => documents.has(c as Text))).toEqual([]);
    joined.mockRestore();
    for (const [text, doc] of results) expect(text).toBe(doc.toString());
  });

  test('a document whose text was not followed is joined when asked', () => {
    const state = EditorState.create({ doc: 'a\nb' });
    expect(textOf(state.doc)).toBe('a\nb');
    expect(withChanges('abc', state.update({ changes: { from: 1, to: 2, insert: 'XY' } }).changes)).toBe('aXYc');
  });
});
