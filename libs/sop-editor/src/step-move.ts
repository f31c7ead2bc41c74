import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { SopCommand } from './sop-command';

export interface StepMoveParams {
  stepId: string;
  /** The step's index in its flow's list after the move (0 is the first row). */
  toIndex: number;
}

/**
 * Moves a step to another row of its flow (reordering the table; transitions are unchanged).
 * The step's comments move with it. Refuses an index outside the flow.
 *
 * @example
 * stepMove({ stepId: 'ditolak', toIndex: 8 }).apply(state) // the Ditolak terminator becomes the last row
 */
export function stepMove(params: StepMoveParams): SopCommand<StepMoveParams> {
  return defineCommand(
    'step.move',
    params,
    (lang) =>
      lang === 'en' ? `Move step "${params.stepId}" to row ${params.toIndex + 1}` : `Pindahkan langkah "${params.stepId}" ke baris ${params.toIndex + 1}`,
    (sop) => {
      const step = sop.step(params.stepId);
      const count = step.flow.seq.items.length;
      if (!Number.isInteger(params.toIndex) || params.toIndex < 0 || params.toIndex >= count) {
        throw new CommandError('index-out-of-range', {
          en: `row ${params.toIndex} is outside the flow "${step.flow.id}": give an index from 0 to ${count - 1}`,
          id: `baris ${params.toIndex} di luar alur "${step.flow.id}": berikan indeks 0 sampai ${count - 1}`,
        });
      }
      if (params.toIndex !== step.index) sop.moveItem(step.flow.seq, step.index, params.toIndex);
    },
  );
}
