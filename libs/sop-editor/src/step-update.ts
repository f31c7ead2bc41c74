import type { Step } from '@sop/model';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { STEP_KEYS } from './key-order';
import type { SopCommand } from './sop-command';

/** The fields of a step the properties panel edits (transitions have commands of their own). */
export type StepChanges = Partial<
  Pick<Step, 'number' | 'label' | 'activity' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan' | 'kind' | 'template' | 'onTimeout' | 'schedule'>
>;

export interface StepUpdateParams {
  stepId: string;
  /**
   * The fields to set. A field given as `undefined` is removed from the step (only optional
   * fields: `number`, `kind` and `activity` are required, so set them to a value or null).
   */
  changes: StepChanges;
}

const EDITABLE = new Set(['number', 'label', 'activity', 'kelengkapan', 'waktu', 'output', 'keterangan', 'kind', 'template', 'onTimeout', 'schedule']);
/** Objects written on one line, `{ … }`, as the SOP files write them. */
const FLOW_STYLE = new Set(['onTimeout', 'schedule']);
const REQUIRED = new Set(['number', 'kind', 'activity']);
const KINDS = new Set(['start', 'task', 'decision', 'end']);

/**
 * Edits fields of a step from the properties panel. Each changed value replaces the old one in
 * place (a comment on its line stays); a field the step lacks is added where the schema orders
 * it. Changing the kind leaves the transitions as they are: the validator then says what the new
 * kind needs (a decision's outcomes, an end without `next`), on the step itself.
 *
 * @example
 * stepUpdate({ stepId: 'kasi-periksa', changes: { waktu: '2 hari', kelengkapan: ['Buku Laporan Pengaduan', 'Disposisi'] } }).apply(state)
 */
export function stepUpdate(params: StepUpdateParams): SopCommand<StepUpdateParams> {
  const fields = Object.keys(params.changes);
  return defineCommand(
    'step.update',
    params,
    (lang) => (lang === 'en' ? `Edit ${fields.join(', ')} of step "${params.stepId}"` : `Ubah ${fields.join(', ')} langkah "${params.stepId}"`),
    (sop) => {
      const step = sop.step(params.stepId);
      for (const [key, value] of Object.entries(params.changes) as [string, unknown][]) {
        if (!EDITABLE.has(key)) {
          throw new CommandError('invalid-change', {
            en: `"${key}" is not a field step.update edits: use ${key === 'id' ? 'step.rename' : key === 'lane' ? 'step.changeLane' : 'the transition commands'} instead`,
            id: `"${key}" bukan isian yang diubah step.update: gunakan ${key === 'id' ? 'step.rename' : key === 'lane' ? 'step.changeLane' : 'perintah alur (transition)'}`,
          });
        }
        if (value === undefined) {
          if (REQUIRED.has(key)) {
            throw new CommandError('invalid-change', {
              en: `"${key}" is required on every step and cannot be removed: set it${key === 'kind' ? '' : ' to null when it is blank in the source'}`,
              id: `"${key}" wajib ada pada setiap langkah dan tidak dapat dihapus: isi${key === 'kind' ? '' : ' dengan null bila kosong di sumber'}`,
            });
          }
          step.map.delete(key);
          continue;
        }
        if (key === 'kind' && !KINDS.has(value as string)) {
          throw new CommandError('invalid-change', {
            en: `"${String(value)}" is not a kind of step: use start, task, decision or end`,
            id: `"${String(value)}" bukan jenis langkah: gunakan start, task, decision atau end`,
          });
        }
        const isObject = value !== null && typeof value === 'object';
        sop.setKey(step.map, key, isObject ? sop.node(value, FLOW_STYLE.has(key)) : value, STEP_KEYS);
      }
    },
  );
}
