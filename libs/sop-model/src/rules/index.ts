import { citizenSteps } from './citizen-steps';
import { distinctOutcomes } from './distinct-outcomes';
import { durationsParse } from './durations-parse';
import { formFields } from './form-fields';
import { laneRoles } from './lane-roles';
import { logbookColumns } from './logbook-columns';
import { lanesUsed } from './lanes-used';
import { reachability } from './reachability';
import { routingAndCoordination } from './routing-and-coordination';
import { referencesResolve } from './references-resolve';
import { startChannels } from './start-channels';
import { stepShape } from './step-shape';
import { uniqueIds } from './unique-ids';
import type { SopRule } from './sop-rule';

/** The semantic rules, run after the schema check, in this order. */
export const SOP_RULES: readonly SopRule[] = [
  uniqueIds,
  referencesResolve,
  stepShape,
  startChannels,
  reachability,
  distinctOutcomes,
  durationsParse,
  citizenSteps,
  lanesUsed,
  laneRoles,
  formFields,
  routingAndCoordination,
  logbookColumns,
];

export type { SopRule, RuleContext } from './sop-rule';
export { reachableFromStart, canReachEnd } from './reachability';
export { WEB_FORM_CHANNEL } from './start-channels';
