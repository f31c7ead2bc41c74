// The YAML pane's text as one string per version of CodeMirror's document, made once each.
import type { ChangeSet, Text } from '@codemirror/state';

/**
 * The documents' texts as strings, made once each: a 300-step SOP is 100 kB, which CodeMirror's
 * `doc.toString()` joins line by line (about 2 ms) where a keystroke's new string is the last one
 * with the typed change applied ({@link withChanges}).
 */
const texts = new WeakMap<Text, string>();

/** The string of a version of the document (joined once, then remembered). */

export function textOf(doc: Text): string {
  let text = texts.get(doc);
  if (text === undefined) texts.set(doc, (text = doc.toString()));
  return text;
}

/** A document's string after `changes`, from its string before them (the parts kept are not copied). */
export function withChanges(before: string, changes: ChangeSet): string {
  let text = '';
  let kept = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    text += before.slice(kept, fromA) + inserted.toString();
    kept = toA;
  });
  return text + before.slice(kept);
}

/**
 * Records the string of `after` (the document `changes` made of `before`) from the string of
 * `before`, when that one is known: what the pane does on each edit, so that the text it hands on
 * is not joined again from the document's lines.
 */
export function followChanges(before: Text, after: Text, changes: ChangeSet): void {
  const text = texts.get(before);
  if (text !== undefined && !texts.has(after)) texts.set(after, withChanges(text, changes));
}
