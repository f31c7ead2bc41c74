import { isMap, isSeq, YAMLSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { STEP_KEYS } from './key-order';
import type { SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface CoordinationAddParams {
  /** The task or decision that asks. */
  stepId: string;
  /** The lane it may ask (Helpdesk, a technical Bidang, PPID). */
  lane: string;
  /** The coordination's label as the source writes it ("Koordinasi dengan Helpdesk"); none when not given. */
  label?: string | null;
}

/**
 * Lets a step ask another lane while it keeps the case (ADR 0014): appends `{ lane, label }` to the
 * step's `coordination`, creating the list where the schema orders it. Refuses an unknown step or
 * lane, a step that is not a task or decision, its own lane, and a lane it asks already. (The
 * validator says the rest, located: a citizen step asking, the citizen's lane asked.)
 *
 * @example
 * coordinationAdd({ stepId: 'kasi-periksa', lane: 'helpdesk', label: 'Koordinasi dengan Helpdesk' }).apply(state)
 */
export function coordinationAdd(params: CoordinationAddParams): SopCommand<CoordinationAddParams> {
  return defineCommand(
    'coordination.add',
    params,
    (lang) =>
      lang === 'en'
        ? `Let step "${params.stepId}" coordinate with lane "${params.lane}"`
        : `Koordinasi langkah "${params.stepId}" dengan lajur "${params.lane}"`,
    (sop) => {
      const step = sop.step(params.stepId);
      const lane = sop.lane(params.lane);
      const kind = stringAt(step.map, 'kind');
      if (kind !== 'task' && kind !== 'decision') {
        throw new CommandError('invalid-change', {
          en: `step "${step.id}" is a ${kind ?? '?'} step: only a task or a decision coordinates with another lane`,
          id: `langkah "${step.id}" berjenis ${kind ?? '?'}: hanya tugas (task) atau keputusan (decision) yang berkoordinasi dengan lajur lain`,
        });
      }
      if (stringAt(step.map, 'lane') === lane.id) {
        throw new CommandError('invalid-change', {
          en: `step "${step.id}" is in lane "${lane.id}" itself: it coordinates with another lane`,
          id: `langkah "${step.id}" berada di lajur "${lane.id}" sendiri: koordinasi dilakukan dengan lajur lain`,
        });
      }
      const existing = step.map.get('coordination', true);
      if (isSeq(existing) && existing.items.some((item) => isMap(item) && stringAt(item, 'lane') === lane.id)) {
        throw new CommandError('invalid-change', {
          en: `step "${step.id}" coordinates with lane "${lane.id}" already`,
          id: `langkah "${step.id}" sudah berkoordinasi dengan lajur "${lane.id}"`,
        });
      }
      const label = params.label?.trim();
      const item = sop.node({ lane: lane.id, ...(label ? { label } : {}) }, true);
      if (isSeq(existing)) sop.insertItem(existing, existing.items.length, item);
      else {
        const seq = new YAMLSeq(sop.doc.schema);
        seq.items.push(item);
        sop.setKey(step.map, 'coordination', seq, STEP_KEYS);
      }
    },
  );
}
