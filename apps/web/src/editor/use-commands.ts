import { useCallback, useEffect, useState } from 'react';
import { CommandError, describeEffect, type CommandStack, type EditResult, type EditorLanguage, type SopCommand } from '@sop/editor';

const asItIs = (command: SopCommand): SopCommand => command;

/** How long the note on what a command also did stays up. */
const EFFECT_NOTE_MS = 12_000;

/**
 * Runs the editor's commands on the stack (after what the YAML pane has waiting), with undo and
 * redo: a refused command's reason, and a note on what a command did beyond what was asked (the
 * arrows a deleted step took with it…) for a while. `onCreated` learns of a step a command created.
 * `prepare` may give a command a faster way to the same text (`scalarFastCommand`).
 */
export function useCommands(
  stack: CommandStack,
  flush: () => void,
  lang: EditorLanguage,
  onCreated: (stepId: string) => void,
  prepare: (command: SopCommand) => SopCommand = asItIs,
) {
  const [commandError, setCommandError] = useState<string | null>(null);
  const [effectNote, setEffectNote] = useState<string | null>(null);
  const run = useCallback(
    (command: SopCommand): EditResult | undefined => {
      flush();
      try {
        const result = stack.execute(prepare(command));
        setCommandError(null);
        const created = result.effects.find((e) => e.type === 'step.created');
        if (created?.type === 'step.created') onCreated(created.stepId);
        // a rename's references follow by definition; what went or moved with a deletion is worth saying
        const told = result.effects.filter((e) => e.type === 'transition.removed' || e.type === 'transition.retargeted' || e.type === 'reference.removed');
        setEffectNote(told.length ? `${command.describe(lang)}: ${told.map((e) => describeEffect(e, lang)).join('; ')}` : null);
        return result;
      } catch (e) {
        if (e instanceof CommandError) setCommandError(e.messageIn(lang));
        else throw e;
        return undefined;
      }
    },
    [flush, stack, lang, onCreated, prepare],
  );
  const undo = useCallback(() => {
    flush();
    stack.undo();
    setCommandError(null);
    setEffectNote(null);
  }, [flush, stack]);
  const redo = useCallback(() => {
    flush();
    stack.redo();
    setCommandError(null);
    setEffectNote(null);
  }, [flush, stack]);
  useEffect(() => {
    if (!effectNote) return;
    const timer = setTimeout(() => setEffectNote(null), EFFECT_NOTE_MS);
    return () => clearTimeout(timer);
  }, [effectNote]);
  return { run, undo, redo, commandError, setCommandError, effectNote, setEffectNote };
}
