/** The languages the editor speaks: Bahasa Indonesia (the default of the UI) and English. */
export type EditorLanguage = 'id' | 'en';

/** A text in both languages of the editor. */
export interface LocalizedText {
  readonly en: string;
  readonly id: string;
}

/**
 * What the editor edits: the SOP document as YAML text. The text is the single source of truth;
 * the diagram, the properties panel and the problems list are derived from it, so comments, key
 * order and formatting written in the YAML pane survive every command that does not touch them.
 */
export interface EditorState {
  readonly yaml: string;
}

/**
 * Wraps YAML text as an editor state.
 *
 * @example
 * const state = createEditorState(await (await fetch('/api/sops/metro')).text());
 */
export function createEditorState(yaml: string): EditorState {
  return { yaml };
}
