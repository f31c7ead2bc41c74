import type { EditorLanguage, LocalizedText } from './editor-state';

/** Why a command refused to run. */
export type CommandErrorCode =
  | 'yaml-unparseable'
  | 'not-an-sop'
  | 'unknown-step'
  | 'unknown-lane'
  | 'unknown-flow'
  | 'unknown-outcome'
  | 'unknown-transition'
  | 'duplicate-id'
  | 'invalid-id'
  | 'label-required'
  | 'outcome-needs-decision'
  | 'jump-on-decision'
  | 'lane-in-use'
  | 'index-out-of-range'
  | 'invalid-pointer'
  | 'invalid-change'
  | 'cannot-reconnect'
  | 'unknown-role'
  | 'description-required';

/**
 * Thrown by a command that cannot do what it was asked (an unknown step or lane, a duplicate id,
 * a decision outcome without a label). The editor state is left untouched. The message is in
 * English; {@link CommandError.messages} holds it in both languages of the editor.
 *
 * @example
 * try {
 *   stack.execute(laneRemove({ laneId: 'kasi' }));
 * } catch (e) {
 *   if (e instanceof CommandError) showToast(e.messageIn('id'));
 *   else throw e;
 * }
 */
export class CommandError extends Error {
  override readonly name = 'CommandError';

  constructor(
    readonly code: CommandErrorCode,
    readonly messages: LocalizedText,
  ) {
    super(messages.en);
  }

  /** The message in the given language. */
  messageIn(lang: EditorLanguage): string {
    return this.messages[lang];
  }
}
