import type { SopEdgeKind } from '@sop/model';
import { defineCommand } from './define-command';
import type { SopCommand } from './sop-command';
import { matchingTransitions } from './transition-disconnect';

export interface TransitionReconnectParams {
  from: string;
  /** The current target. */
  to: string;
  /** The new target. */
  newTo: string;
  outcome?: string;
  kind?: SopEdgeKind;
}

/**
 * Points existing arrows from `from` to `to` at another step instead (dragging an edge's end),
 * keeping their outcome ids, labels and kinds. Refuses unknown steps and missing transitions.
 *
 * @example
 * transitionReconnect({ from: 'kasi-periksa', to: 'kabid-periksa', newTo: 'sekretaris-periksa', outcome: 'tidak-terselesaikan' }).apply(state)
 */
export function transitionReconnect(params: TransitionReconnectParams): SopCommand<TransitionReconnectParams> {
  return defineCommand(
    'transition.reconnect',
    params,
    (lang) =>
      lang === 'en'
        ? `Reconnect "${params.from}" from "${params.to}" to "${params.newTo}"`
        : `Alihkan alur "${params.from}" dari "${params.to}" ke "${params.newTo}"`,
    (sop) => {
      const step = sop.step(params.from);
      sop.step(params.newTo);
      return matchingTransitions(sop, step, params).map((handle) => {
        handle.retarget(params.newTo);
        return { type: 'transition.retargeted' as const, transition: handle.transition, newTo: params.newTo };
      });
    },
  );
}
