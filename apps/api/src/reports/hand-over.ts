import { SIDE_EVENT_TYPES } from '@sop/api-contract';

/** Lines that are never hand-overs: the case's start, and those that keep the case at its step (coordination, a scheduled wait, ADR 0014). */
const NOT_HAND_OVERS: readonly string[] = ['START', ...SIDE_EVENT_TYPES, 'RESUME'];

/** What the rule reads of a kartu kendali line. */
export type HandOverLine = { event: string; from_step: string | null; to_step: string };

/**
 * The hand-over rule, written once: a line that handed the case on from a step: not the case's
 * start, not a deadline that only flagged it (EXPIRE back to the same step), not a side line.
 * `isHandOver` runs it on a line in hand; `handOverSql` is the same rule for SQL.
 */
export const isHandOver = (k: HandOverLine): boolean =>
  !NOT_HAND_OVERS.includes(k.event) && k.from_step !== null && !(k.event === 'EXPIRE' && k.to_step === k.from_step);

/** `isHandOver` in SQL, on the kartu kendali aliased `alias` (none: its bare columns, as the partial indexes use). */
export function handOverSql(alias = 'k'): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return `${c('event')} NOT IN (${NOT_HAND_OVERS.map((e) => `'${e}'`).join(', ')}) AND ${c('from_step')} IS NOT NULL AND NOT (${c('event')} = 'EXPIRE' AND ${c('to_step')} = ${c('from_step')})`;
}

/** `isHandOver` in SQL, on the kartu kendali aliased `k`. */
export const HAND_OVER_SQL = handOverSql('k');
