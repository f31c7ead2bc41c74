export {
  startCase,
  applyEvent,
  allowedEventsOf,
  EventNotAllowedError,
  recomputeDeadline,
  unitFor,
  suggestedOutcome,
  consult,
  answerConsultation,
  scheduleWait,
  resumeWait,
} from './case-engine';
export type { CaseState, KartuEntry } from './case-state';
export { createSopCalendar, type OperationalHolidays } from './sop-calendar';
export { periodicRunsDue, type PeriodicRunDue } from './periodic-runs';
