import { isMap, isSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface CoordinationRemoveParams {
  stepId: string;
  /** The asked lane to take off the step's `coordination`. */
  lane: string;
}

/**
 * Takes a lane off a step's `coordination` (ADR 0014); an emptied list goes with it (the schema
 * wants at least one item). Refuses a lane the step does not ask.
 *
 * @example
 * coordinationRemove({ stepId: 'bidang-tindak', lane: 'helpdesk' }).apply(state)
 */
export function coordinationRemove(params: CoordinationRemoveParams): SopCommand<CoordinationRemoveParams> {
  return defineCommand(
    'coordination.remove',
    params,
    (lang) =>
      lang === 'en'
        ? `Stop step "${params.stepId}" coordinating with lane "${params.lane}"`
        : `Hapus koordinasi langkah "${params.stepId}" dengan lajur "${params.lane}"`,
    (sop) => {
      const step = sop.step(params.stepId);
      const list = step.map.get('coordination', true);
      const index = isSeq(list) ? list.items.findIndex((item) => isMap(item) && stringAt(item, 'lane') === params.lane) : -1;
      if (!isSeq(list) || index < 0) {
        const asked = isSeq(list) ? list.items.flatMap((item) => (isMap(item) ? [stringAt(item, 'lane') ?? '?'] : [])) : [];
        throw new CommandError('invalid-change', {
          en: `step "${step.id}" does not coordinate with lane "${params.lane}"; it asks: ${asked.join(', ') || 'no lane'}`,
          id: `langkah "${step.id}" tidak berkoordinasi dengan lajur "${params.lane}"; lajur yang ditanya: ${asked.join(', ') || 'tidak ada'}`,
        });
      }
      if (list.items.length === 1) step.map.delete('coordination');
      else sop.removeItem(list, index);
    },
  );
}
