import type { SopEdgeKind } from '@sop/model';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import type { SopCommand } from './sop-command';
import type { SopYaml, StepLocation, TransitionHandle } from './sop-yaml';

export interface TransitionDisconnectParams {
  from: string;
  to: string;
  /** Only this outcome of a decision (by id). */
  outcome?: string;
  /** Only transitions of this kind. */
  kind?: SopEdgeKind;
}

/** The transitions from `from` to `to` matching the filters, or a refusal naming what exists. */
export function matchingTransitions(sop: SopYaml, step: StepLocation, params: { to: string; outcome?: string; kind?: SopEdgeKind }): TransitionHandle[] {
  const all = sop.transitionsOf(step);
  const found = all.filter(
    (h) =>
      h.transition.to === params.to &&
      (params.outcome === undefined || h.transition.outcome === params.outcome) &&
      (params.kind === undefined || h.transition.kind === params.kind),
  );
  if (found.length > 0) return found;
  const targets = [...new Set(all.map((h) => h.transition.to))];
  const which = params.outcome !== undefined ? ` through outcome "${params.outcome}"` : '';
  const lewat = params.outcome !== undefined ? ` melalui hasil "${params.outcome}"` : '';
  throw new CommandError('unknown-transition', {
    en: `there is no transition from "${step.id}" to "${params.to}"${which}; "${step.id}" leads to: ${targets.join(', ') || 'nothing'}`,
    id: `tidak ada alur dari "${step.id}" ke "${params.to}"${lewat}; "${step.id}" menuju: ${targets.join(', ') || 'tidak ada'}`,
  });
}

/**
 * Removes the arrows from one step to another: its `next`, the decision outcomes (all of them,
 * or the one named), an escalation or a rejection. An emptied outcome list is removed. What this
 * leaves behind (a task without `next`, a step no longer reached from the start) is reported by
 * the validator, located at the steps concerned. Refuses when there is no such transition.
 *
 * @example
 * const { effects } = transitionDisconnect({ from: 'laporan', to: 'petugas-periksa' }).apply(state);
 */
export function transitionDisconnect(params: TransitionDisconnectParams): SopCommand<TransitionDisconnectParams> {
  return defineCommand(
    'transition.disconnect',
    params,
    (lang) => (lang === 'en' ? `Disconnect "${params.from}" from "${params.to}"` : `Putuskan alur "${params.from}" ke "${params.to}"`),
    (sop) => {
      const step = sop.step(params.from);
      return matchingTransitions(sop, step, params).map((handle) => {
        handle.remove();
        return { type: 'transition.removed' as const, transition: handle.transition };
      });
    },
  );
}
