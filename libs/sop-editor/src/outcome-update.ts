import { isMap, isSeq } from 'yaml';
import type { Outcome } from '@sop/model';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { OUTCOME_KEYS } from './key-order';
import type { SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

/** The fields of an outcome beside its arrow (label, target and kind have the transition commands). */
export type OutcomeChanges = Partial<Pick<Outcome, 'when' | 'document'>>;

export interface OutcomeUpdateParams {
  /** The decision. */
  stepId: string;
  outcome: string;
  /** `when`: the field values that lead to it (an empty list or undefined removes it); `document`: what it produces (blank or undefined removes it). */
  changes: OutcomeChanges;
}

/**
 * Edits what an outcome of a decision says beside its arrow (ADR 0014): the values of the
 * decision's `routeBy` field that lead to it, and the document it produces (a berita acara). A
 * value another outcome lists already moves here (each value is in one outcome), reported as an
 * effect. Refuses `when` on a decision without `routeBy` (choose the field first), and an unknown
 * outcome.
 *
 * @example
 * outcomeUpdate({ stepId: 'petugas-teruskan', outcome: 'ke-ppid', changes: { when: ['Informasi Publik'] } }).apply(state)
 * outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'selesai', changes: { document: 'Berita acara' } }).apply(state)
 */
export function outcomeUpdate(params: OutcomeUpdateParams): SopCommand<OutcomeUpdateParams> {
  const fields = Object.keys(params.changes);
  return defineCommand(
    'outcome.update',
    params,
    (lang) =>
      lang === 'en'
        ? `Edit ${fields.join(', ')} of outcome "${params.outcome}" of "${params.stepId}"`
        : `Ubah ${fields.join(', ')} hasil "${params.outcome}" pada "${params.stepId}"`,
    (sop) => {
      const step = sop.step(params.stepId);
      const outcomes = step.map.get('outcomes', true);
      const items = isSeq(outcomes) ? outcomes.items.filter(isMap) : [];
      const outcome = items.find((o) => stringAt(o, 'id') === params.outcome);
      if (!outcome) {
        const ids = items.map((o) => stringAt(o, 'id') ?? '?');
        throw new CommandError('unknown-outcome', {
          en: `step "${params.stepId}" has no outcome "${params.outcome}"; its outcomes: ${ids.join(', ') || 'none'}`,
          id: `langkah "${params.stepId}" tidak memiliki hasil "${params.outcome}"; hasilnya: ${ids.join(', ') || 'tidak ada'}`,
        });
      }
      const effects: { type: 'reference.removed'; pointer: string; value: string }[] = [];
      for (const [key, value] of Object.entries(params.changes) as [string, unknown][]) {
        if (key === 'when') {
          const values = [...new Set(((value as string[] | undefined) ?? []).map((v) => v.trim()).filter(Boolean))];
          if (values.length === 0) {
            outcome.delete('when');
            continue;
          }
          if (!step.map.has('routeBy')) {
            throw new CommandError('invalid-change', {
              en: `decision "${step.id}" is not routed by a field: choose its field (routeBy) before the values of its outcomes`,
              id: `keputusan "${step.id}" tidak ditentukan menurut isian: pilih isiannya (routeBy) sebelum nilai tiap hasil`,
            });
          }
          // a value leads to one outcome only: it leaves the outcome that had it
          items.forEach((other, j) => {
            if (other === outcome) return;
            const when = other.get('when', true);
            if (!isSeq(when)) return;
            for (let i = when.items.length - 1; i >= 0; i--) {
              const v = when.get(i);
              if (typeof v !== 'string' || !values.includes(v)) continue;
              if (when.items.length === 1) other.delete('when');
              else sop.removeItem(when, i);
              effects.push({ type: 'reference.removed', pointer: `${step.pointer}/outcomes/${j}/when/${i}`, value: v });
            }
          });
          sop.setKey(outcome, 'when', sop.node(values, true), OUTCOME_KEYS);
        } else if (key === 'document') {
          const text = typeof value === 'string' ? value.trim() : '';
          if (!text) outcome.delete('document');
          else sop.setKey(outcome, 'document', text, OUTCOME_KEYS);
        } else {
          throw new CommandError('invalid-change', {
            en: `"${key}" is not a field outcome.update edits: use the transition commands`,
            id: `"${key}" bukan isian yang diubah outcome.update: gunakan perintah alur (transition)`,
          });
        }
      }
      return effects;
    },
  );
}
