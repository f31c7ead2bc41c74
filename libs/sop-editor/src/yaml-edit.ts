import type { CommandStack, EditResult } from './command-stack';
import type { SopCommand } from './sop-command';

export interface YamlEditParams {
  /** The YAML pane's whole text. */
  text: string;
}

/**
 * The YAML pane's edit: replaces the text. Any text is accepted, even one that does not parse:
 * the validator's issues say what is wrong and where, and the structural commands refuse to run
 * until it parses again. Execute it with `{ merge: true }` (as {@link applyYamlText} does) so a
 * run of keystrokes is one undo step.
 *
 * @example
 * stack.execute(yamlEdit({ text: editor.getValue() }), { merge: true });
 */
export function yamlEdit(params: YamlEditParams): SopCommand<YamlEditParams> {
  return {
    name: 'yaml.edit',
    params,
    describe: (lang) => (lang === 'en' ? 'Edit the YAML' : 'Ubah YAML'),
    apply: (state) => ({ before: state, state: state.yaml === params.text ? state : { yaml: params.text }, effects: [] }),
    revert: (application) => application.before,
  };
}

/**
 * Applies the YAML pane's text through a command stack, as one undoable `yaml.edit`; consecutive
 * pane edits merge into one undo step until another command runs.
 *
 * @example
 * editor.onDidChangeModelContent(() => {
 *   const { issues } = applyYamlText(stack, editor.getValue());
 *   showMarkers(issues);
 * });
 */
export function applyYamlText(stack: CommandStack, text: string): EditResult {
  return stack.execute(yamlEdit({ text }), { merge: true });
}
