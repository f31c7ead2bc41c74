/**
 * The names of what happens to a case, written once: the API validates them, the engine writes them
 * on the kartu kendali, the web app offers and words them.
 */

/** The SOP machine's events a person sends: what a step allows (the complainant's answers too). */
export const MACHINE_EVENT_TYPES = ['COMPLETE', 'CHOOSE', 'ESCALATE', 'REJECT'] as const;
export type MachineEventType = (typeof MACHINE_EVENT_TYPES)[number];

/** The events that keep the case at its step: CONSULT (a lane is asked), ANSWER (it answers), SCHEDULE (a date is set). */
export const SIDE_EVENT_TYPES = ['CONSULT', 'ANSWER', 'SCHEDULE'] as const;
export type SideEventType = (typeof SIDE_EVENT_TYPES)[number];

/** An officer's events (POST /api/cases/:id/events): the machine's and the side events. */
export const EVENT_TYPES = [...MACHINE_EVENT_TYPES, ...SIDE_EVENT_TYPES] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * A kartu kendali line's event: the officers' events, and those no one sends: START (filed), EXPIRE
 * (the deadline sweeper) and RESUME (the date an officer set came).
 */
export const KARTU_EVENT_TYPES = ['START', ...MACHINE_EVENT_TYPES, 'EXPIRE', ...SIDE_EVENT_TYPES, 'RESUME'] as const;
export type KartuEventType = (typeof KARTU_EVENT_TYPES)[number];

/** Whether a text is one of the given event names (for input read from JSON or a database column). */
export function isEventType<T extends string>(types: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (types as readonly string[]).includes(value);
}
