export {
  compileSop,
  createSopMachine,
  storeCompiledSop,
  restoreCompiledSop,
  type StoredCompiledSop,
  type CompiledSop,
  type CompiledFlow,
  type SopMachine,
  type SopMachineConfig,
  type StateConfig,
  type TransitionConfig,
} from './compile-sop';
export type { SopEvent, SopEventType, SopContext, AllowedEvent } from './sop-events';
export type { StepMeta } from './step-meta';
export { startFor, startsOf, intakeLaneFor, intakeLanesOf, OPEN311_CHANNEL } from './start-for-channel';
