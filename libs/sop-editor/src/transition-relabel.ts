import { isMap, isSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { JUMP_KEYS, OUTCOME_KEYS } from './key-order';
import type { SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface TransitionRelabelParams {
  from: string;
  /** The decision outcome to relabel (by id). */
  outcome?: string;
  /** Or the step's escalation or rejection. */
  jump?: 'escalation' | 'rejection';
  /** The new label; an outcome needs one, a jump's can be null (removed). */
  label: string | null;
}

/**
 * Changes the label on an arrow: a decision outcome's (its id stays, so simulations and history
 * keep referring to it) or an escalation's or rejection's. Refuses an unknown outcome and an
 * empty outcome label.
 *
 * @example
 * transitionRelabel({ from: 'petugas-periksa', outcome: 'diterima', label: 'Diterima (lengkap)' }).apply(state)
 */
export function transitionRelabel(params: TransitionRelabelParams): SopCommand<TransitionRelabelParams> {
  return defineCommand(
    'transition.relabel',
    params,
    (lang) => {
      const which = params.outcome ?? params.jump ?? '';
      return lang === 'en'
        ? `Relabel "${which}" of "${params.from}" as "${params.label ?? ''}"`
        : `Ubah label "${which}" pada "${params.from}" menjadi "${params.label ?? ''}"`;
    },
    (sop) => {
      const step = sop.step(params.from);
      if (params.outcome !== undefined) {
        const outcomes = step.map.get('outcomes', true);
        const items = isSeq(outcomes) ? outcomes.items.filter(isMap) : [];
        const outcome = items.find((o) => stringAt(o, 'id') === params.outcome);
        if (!outcome) {
          const ids = items.map((o) => stringAt(o, 'id') ?? '?');
          throw new CommandError('unknown-outcome', {
            en: `step "${params.from}" has no outcome "${params.outcome}"; its outcomes: ${ids.join(', ') || 'none'}`,
            id: `langkah "${params.from}" tidak memiliki hasil "${params.outcome}"; hasilnya: ${ids.join(', ') || 'tidak ada'}`,
          });
        }
        const label = params.label?.trim();
        if (!label) {
          throw new CommandError('label-required', {
            en: `an outcome of decision "${params.from}" needs a label (e.g. valid / tidak valid)`,
            id: `hasil keputusan "${params.from}" memerlukan label (mis. valid / tidak valid)`,
          });
        }
        sop.setKey(outcome, 'label', label, OUTCOME_KEYS);
        return;
      }
      if (params.jump !== undefined) {
        const jump = step.map.get(params.jump, true);
        if (!isMap(jump)) {
          throw new CommandError('unknown-transition', {
            en: `step "${params.from}" has no ${params.jump}: connect one first`,
            id: `langkah "${params.from}" tidak memiliki ${params.jump}: sambungkan dulu`,
          });
        }
        if (params.label === null || params.label.trim() === '') jump.delete('label');
        else sop.setKey(jump, 'label', params.label, JUMP_KEYS);
        return;
      }
      throw new CommandError('invalid-change', {
        en: 'say which arrow to relabel: an outcome id, or escalation / rejection',
        id: 'sebutkan panah yang labelnya diubah: id hasil, atau escalation / rejection',
      });
    },
  );
}
