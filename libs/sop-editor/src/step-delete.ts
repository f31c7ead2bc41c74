import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { CommandEffect, SopCommand } from './sop-command';

export interface StepDeleteParams {
  stepId: string;
  /**
   * Bridge the gap: point the transitions that led to the step at the step's own `next`, so a
   * chain a → b → c becomes a → c. Only for a step with a `next` (a start or a task).
   */
  reconnect?: boolean;
}

/**
 * Deletes a step. The transitions that led to it (a `next`, a decision's outcome, an escalation
 * or a rejection, in any step) are removed with it, or with `reconnect` pointed at its `next`;
 * each is reported as an effect, so the UI can say what went with the step. The editor does not
 * refuse to delete a step others depend on: what the deletion leaves incomplete (a task without
 * `next`, a decision left with one outcome) is reported by the validator on those steps, and undo
 * brings everything back.
 *
 * @example
 * const { effects } = stepDelete({ stepId: 'tim-teknis' }).apply(state);
 * effects // [{ type: 'transition.removed', transition: { from: 'petugas-periksa', to: 'tim-teknis', kind: 'outcome', outcome: 'diterima', … } }]
 */
export function stepDelete(params: StepDeleteParams): SopCommand<StepDeleteParams> {
  return defineCommand(
    'step.delete',
    params,
    (lang) => (lang === 'en' ? `Delete step "${params.stepId}"` : `Hapus langkah "${params.stepId}"`),
    (sop) => {
      const step = sop.step(params.stepId);
      let bridge: string | undefined;
      if (params.reconnect) {
        const own = sop.transitionsOf(step).filter((h) => h.transition.kind === 'next');
        bridge = own.at(0)?.transition.to;
        if (bridge === undefined || bridge === step.id) {
          throw new CommandError('cannot-reconnect', {
            en: `step "${step.id}" has no next step to reconnect its predecessors to: delete it without reconnecting`,
            id: `langkah "${step.id}" tidak memiliki langkah berikutnya untuk menyambung langkah sebelumnya: hapus tanpa menyambung`,
          });
        }
      }
      const effects: CommandEffect[] = [];
      for (const other of sop.steps()) {
        if (other.id === step.id) continue;
        for (const handle of sop.transitionsOf(other)) {
          if (handle.transition.to !== step.id) continue;
          if (bridge !== undefined) {
            handle.retarget(bridge);
            effects.push({ type: 'transition.retargeted', transition: handle.transition, newTo: bridge });
          } else {
            handle.remove();
            effects.push({ type: 'transition.removed', transition: handle.transition });
          }
        }
      }
      sop.removeItem(step.flow.seq, step.index);
      return effects;
    },
  );
}
