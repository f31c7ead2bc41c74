import { defineCommand } from './define-command';
import { STEP_KEYS } from './key-order';
import type { SopCommand } from './sop-command';

export interface StepChangeLaneParams {
  stepId: string;
  lane: string;
}

/**
 * Moves a step to another lane: what dragging a node into another column does. Only the step's
 * `lane:` value changes (a comment on that line stays). Refuses an unknown step or lane.
 *
 * @example
 * stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }).apply(state) // "lane: kasi" becomes "lane: kabid"
 */
export function stepChangeLane(params: StepChangeLaneParams): SopCommand<StepChangeLaneParams> {
  return defineCommand(
    'step.changeLane',
    params,
    (lang) => (lang === 'en' ? `Move step "${params.stepId}" to lane "${params.lane}"` : `Pindahkan langkah "${params.stepId}" ke lajur "${params.lane}"`),
    (sop) => {
      const step = sop.step(params.stepId);
      sop.lane(params.lane);
      sop.setKey(step.map, 'lane', params.lane, STEP_KEYS);
    },
  );
}
