export { startCase, applyEvent, allowedEventsOf, EventNotAllowedError } from './case-engine';
export type { CaseState, KartuEntry } from './case-state';
export { createSopCalendar } from './sop-calendar';
