import type { SopCommand, StepUpdateParams } from '@sop/editor';
import { scalarValue, type ScalarSpan } from './scalar-patch';

/** Where the scalars of a text lie and the data it reads as, when known (the editor's validator). */
export type ScalarLookup = (yaml: string) => { spans: readonly ScalarSpan[]; data: unknown } | null;

/** The free-text fields of a step the fast path writes; any other (`kind`, `lane`, `next`…) the command checks and writes. */
const TEXT_FIELDS = new Set(['label', 'activity', 'waktu', 'output', 'keterangan', 'number', 'template']);
/**
 * What YAML writes escaped (control characters, line and paragraph separators, a byte order mark,
 * lone surrogates): the command writes such a value, not the fast path.
 */
const NEEDS_ESCAPE = /[\0-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\p{Cs}/u;

/**
 * A command that, on a state whose scalars' places are known, makes a change of one string field of
 * a step (`step.update` from the properties panel: a label, a waktu, a keterangan…) by writing the
 * new value over the old one's place in the text, in the old one's quoting, instead of parsing and
 * printing the whole SOP (`editSop`, ~100 ms at 300 steps; ADR 0034, addendum 2). The text it
 * writes reads as the one the command writes, and differs from the old one only inside that value,
 * so the stack's validation takes the scalar fast path too. Any other command, change or state is
 * left to the command itself: a field other than a free text (the command checks a kind, refuses a
 * lane or `next`), a field the step lacks, a value that needs more than one line or an escape, a
 * step of a periodic flow, a text whose scalars are not known.
 */
export function scalarFastCommand(command: SopCommand, lookup: ScalarLookup): SopCommand {
  if (command.name !== 'step.update') return command;
  const { stepId, changes } = command.params as StepUpdateParams;
  const entries = Object.entries(changes);
  if (entries.length !== 1 || typeof entries[0][1] !== 'string') return command;
  const [field, value] = entries[0] as [string, string];
  if (!TEXT_FIELDS.has(field) || NEEDS_ESCAPE.test(value)) return command;
  return {
    ...command,
    apply: (state) => {
      const known = lookup(state.yaml);
      // a step list may hold anything while the text is being written (`- ` reads as null)
      const steps = (known?.data as { steps?: ({ id?: unknown } | null)[] } | null)?.steps;
      const index = known && Array.isArray(steps) ? steps.findIndex((s) => s?.id === stepId) : -1;
      const span =
        known && index >= 0 ? known.spans.find((s) => s.path.length === 3 && s.path[0] === 'steps' && s.path[1] === index && s.path[2] === field) : undefined;
      const written = span ? rewritten(state.yaml.slice(span.start, span.end), value) : null;
      if (!span || written === null) return command.apply(state);
      const yaml = state.yaml.slice(0, span.start) + written + state.yaml.slice(span.end);
      return yaml === state.yaml ? { before: state, state, effects: [] } : { before: state, state: { yaml }, effects: [] };
    },
  };
}

/** `value` written as one scalar in the style of `old` (plain, or quoted as it was), or null when that cannot be. */
function rewritten(old: string, value: string): string | null {
  const quote = old[0] === '"' || old[0] === "'" ? old[0] : null;
  // a plain value that would read as something else (a number, true, a comment) is double-quoted, as the yaml library does
  const candidates = quote ? [quote + value + quote] : [value, `"${value}"`];
  return candidates.find((c) => scalarValue(c)?.value === value) ?? null;
}
