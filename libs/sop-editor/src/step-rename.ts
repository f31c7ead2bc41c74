import { defineCommand } from './define-command';
import { checkNewId } from './ids';
import { STEP_KEYS } from './key-order';
import type { CommandEffect, SopCommand } from './sop-command';

export interface StepRenameParams {
  stepId: string;
  newId: string;
}

/**
 * Changes a step's id and every transition that names it (in any flow), so nothing dangles.
 * Refuses an unknown step, and a new id that is invalid or already taken.
 *
 * @example
 * stepRename({ stepId: 'tim-teknis', newId: 'tim-teknis-periksa' }).apply(state)
 */
export function stepRename(params: StepRenameParams): SopCommand<StepRenameParams> {
  return defineCommand(
    'step.rename',
    params,
    (lang) => (lang === 'en' ? `Rename step "${params.stepId}" to "${params.newId}"` : `Ganti id langkah "${params.stepId}" menjadi "${params.newId}"`),
    (sop) => {
      const step = sop.step(params.stepId);
      if (params.newId === step.id) return [];
      checkNewId(params.newId, { en: 'step', id: 'langkah' }, sop.stepIds());
      const effects: CommandEffect[] = [];
      for (const other of sop.steps()) {
        for (const handle of sop.transitionsOf(other)) {
          if (handle.transition.to !== step.id) continue;
          handle.retarget(params.newId, true);
          effects.push({ type: 'reference.renamed', pointer: handle.pointer, from: step.id, to: params.newId });
        }
      }
      sop.setKey(step.map, 'id', params.newId, STEP_KEYS, { keepComment: true });
      return effects;
    },
  );
}
