import type { EditorLanguage } from './editor-state';
import { editSop } from './edit-sop';
import type { CommandApplication, CommandEffect, SopCommand, SopCommandName } from './sop-command';
import type { SopYaml } from './sop-yaml';

/**
 * Builds a command from an edit of the document. The edit receives the parsed SOP, changes it
 * through the `yaml` Document API and returns its effects; it throws a `CommandError` to refuse.
 *
 * @example
 * const setWaktu = (stepId: string, waktu: string) =>
 *   defineCommand('step.update', { stepId, waktu }, (lang) => (lang === 'en' ? 'Set Waktu' : 'Ubah Waktu'), (sop) => {
 *     sop.step(stepId).map.set('waktu', waktu);
 *   });
 */
export function defineCommand<P>(
  name: SopCommandName,
  params: P,
  describe: (lang: EditorLanguage) => string,
  edit: (sop: SopYaml) => CommandEffect[] | undefined,
): SopCommand<P> {
  return {
    name,
    params,
    describe,
    apply: (state) => editSop(state, edit),
    revert: (application: CommandApplication) => application.before,
  };
}
