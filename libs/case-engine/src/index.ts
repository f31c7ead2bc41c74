export { startCase, applyEvent, allowedEventsOf, EventNotAllowedError } from './case-engine';
export type { CaseState, KartuEntry } from './case-state';
export { createSopCalendar } from './sop-calendar';
export { periodicRunsDue, type PeriodicRunDue } from './periodic-runs';
