import type { StepKind } from '@sop/model';
import { YAMLMap } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { checkNewId, slugify, uniqueId } from './ids';
import { STEP_KEYS } from './key-order';
import type { SopCommand } from './sop-command';
import { spacingOf } from './sop-yaml';

export interface StepAddParams {
  /** The lane (Pelaksana) of the new step. */
  lane: string;
  kind: StepKind;
  /** The new step goes right after this one, in its flow. Without it, at the end of `flow`. */
  afterStepId?: string;
  /** `main` (the default) or a periodic procedure's id; used when `afterStepId` is not given. */
  flow?: string;
  /** The new step's id; derived from the activity, label or kind when not given. */
  id?: string;
  /** The No column; null (not numbered) when not given. */
  number?: string | null;
  /** The text in the symbol; `Mulai` for a start and `Selesai` for an end when not given. */
  label?: string | null;
  activity?: string | null;
}

const BASE_ID: Record<StepKind, string> = { start: 'mulai', task: 'langkah', decision: 'keputusan', end: 'selesai' };
const DEFAULT_LABEL: Partial<Record<StepKind, string>> = { start: 'Mulai', end: 'Selesai' };
const KIND_NAME: Record<StepKind, { en: string; id: string }> = {
  start: { en: 'start', id: 'mulai' },
  task: { en: 'task', id: 'kegiatan' },
  decision: { en: 'decision', id: 'keputusan' },
  end: { en: 'end', id: 'selesai' },
};

/**
 * Adds a step (a row of the flowchart) without transitions: connect it with `transitionConnect`.
 * Until then the validator reports it (a task without `next`, a step no one reaches), so the new
 * node shows what it still needs. The new id, unique across all flows, comes from the activity,
 * else the label, else the kind (`langkah`, `keputusan`…); the effect `step.created` names it.
 * Refuses an unknown lane, an unknown `afterStepId` or flow, and an invalid or taken `id`.
 *
 * @example
 * const { state, effects } = stepAdd({ afterStepId: 'kasi-periksa', lane: 'kasi', kind: 'task', activity: 'Membuat laporan' }).apply(state);
 * effects // [{ type: 'step.created', stepId: 'membuat-laporan' }]
 */
export function stepAdd(params: StepAddParams): SopCommand<StepAddParams> {
  const what = params.activity ?? params.label ?? params.id;
  return defineCommand(
    'step.add',
    params,
    (lang) =>
      lang === 'en'
        ? `Add ${KIND_NAME[params.kind].en} step${what ? ` "${what}"` : ''} in lane "${params.lane}"`
        : `Tambah langkah ${KIND_NAME[params.kind].id}${what ? ` "${what}"` : ''} di lajur "${params.lane}"`,
    (sop) => {
      sop.lane(params.lane);
      let flow;
      let index;
      if (params.afterStepId !== undefined) {
        const after = sop.step(params.afterStepId);
        if (params.flow !== undefined && params.flow !== after.flow.id) {
          throw new CommandError('unknown-flow', {
            en: `step "${after.id}" belongs to flow "${after.flow.id}", not "${params.flow}"`,
            id: `langkah "${after.id}" termasuk alur "${after.flow.id}", bukan "${params.flow}"`,
          });
        }
        flow = after.flow;
        index = after.index + 1;
      } else {
        flow = sop.flow(params.flow ?? 'main');
        index = flow.seq.items.length;
      }
      const taken = sop.stepIds();
      let id: string;
      if (params.id !== undefined) {
        checkNewId(params.id, { en: 'step', id: 'langkah' }, taken);
        id = params.id;
      } else {
        id = uniqueId(slugify(params.activity ?? params.label ?? '') || BASE_ID[params.kind], taken);
      }
      const step = new YAMLMap(sop.doc.schema);
      const values: Record<string, unknown> = {
        id,
        number: params.number ?? null,
        kind: params.kind,
        lane: params.lane,
        label: params.label !== undefined ? params.label : (DEFAULT_LABEL[params.kind] ?? null),
        activity: params.activity ?? null,
      };
      for (const [key, value] of Object.entries(values)) sop.setKey(step, key, value, STEP_KEYS);
      sop.insertItem(flow.seq, index, step, spacingOf(flow.seq) ?? true);
      return [{ type: 'step.created', stepId: id }];
    },
  );
}
