import { isMap, isSeq } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { STEP_KEYS } from './key-order';
import type { CommandEffect, SopCommand } from './sop-command';
import { stringAt } from './sop-yaml';

export interface DecisionRouteByParams {
  /** The decision. */
  stepId: string;
  /** The form field (a choice field) whose value picks the outcome; null stops routing by a field. */
  field: string | null;
}

/**
 * Routes a decision by a form field (ADR 0014): sets `routeBy: { field }`, or removes it. The
 * outcomes' `when` values belong to the field they were written for, so a change of field (or its
 * removal: `when` without `routeBy` is an error) takes them off, each reported as an effect. The
 * validator says, located, when the field is not a choice field of the form or an option is left
 * unmapped. Refuses a step that is not a decision.
 *
 * @example
 * decisionRouteBy({ stepId: 'petugas-teruskan', field: 'bidang' }).apply(state)
 */
export function decisionRouteBy(params: DecisionRouteByParams): SopCommand<DecisionRouteByParams> {
  return defineCommand(
    'decision.routeBy',
    params,
    (lang) =>
      params.field === null
        ? lang === 'en'
          ? `Stop routing decision "${params.stepId}" by a field`
          : `Hapus penentuan keputusan "${params.stepId}" menurut isian`
        : lang === 'en'
          ? `Route decision "${params.stepId}" by field "${params.field}"`
          : `Tentukan keputusan "${params.stepId}" menurut isian "${params.field}"`,
    (sop) => {
      const step = sop.step(params.stepId);
      if (stringAt(step.map, 'kind') !== 'decision') {
        throw new CommandError('invalid-change', {
          en: `step "${step.id}" is not a decision: only a decision's outcomes follow a field`,
          id: `langkah "${step.id}" bukan keputusan: hanya hasil keputusan yang mengikuti isian`,
        });
      }
      const field = params.field?.trim() || null;
      const current = step.map.getIn(['routeBy', 'field']);
      if (field === current) return [];
      const effects: CommandEffect[] = [];
      const outcomes = step.map.get('outcomes', true);
      if (isSeq(outcomes)) {
        outcomes.items.forEach((item, j) => {
          if (!isMap(item) || !item.has('when')) return;
          const when = item.get('when', true);
          const values = isSeq(when) ? when.items.map((v) => String((v as { value?: unknown }).value ?? v)) : [];
          item.delete('when');
          effects.push({ type: 'reference.removed', pointer: `${step.pointer}/outcomes/${j}/when`, value: values.join(', ') });
        });
      }
      if (field === null) step.map.delete('routeBy');
      else sop.setKey(step.map, 'routeBy', sop.node({ field }, true), STEP_KEYS);
      return effects;
    },
  );
}
