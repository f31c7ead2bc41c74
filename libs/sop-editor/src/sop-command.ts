import type { EditorLanguage, EditorState } from './editor-state';
import type { SopTransition } from './sop-yaml';

/** The names of the editor's commands, as bpmn-js names its handlers (`lane.add`, `shape.move`). */
export type SopCommandName =
  | 'step.add'
  | 'step.delete'
  | 'step.move'
  | 'step.changeLane'
  | 'step.update'
  | 'step.rename'
  | 'transition.connect'
  | 'transition.disconnect'
  | 'transition.reconnect'
  | 'transition.relabel'
  | 'lane.add'
  | 'lane.rename'
  | 'lane.move'
  | 'lane.remove'
  | 'lane.setRole'
  | 'lane.setUnits'
  | 'coordination.add'
  | 'coordination.remove'
  | 'decision.routeBy'
  | 'outcome.update'
  | 'sop.update'
  | 'yaml.edit';

/**
 * What a command changed beyond what it was asked, or what it created, so the UI can select a new
 * node or tell the author which transitions went with a deleted step.
 */
export type CommandEffect =
  | { type: 'step.created'; stepId: string }
  | { type: 'lane.created'; laneId: string }
  | { type: 'outcome.created'; stepId: string; outcomeId: string }
  | { type: 'transition.removed'; transition: SopTransition }
  | { type: 'transition.retargeted'; transition: SopTransition; newTo: string }
  | { type: 'reference.renamed'; pointer: string; from: string; to: string }
  | { type: 'reference.removed'; pointer: string; value: string };

/** The outcome of applying a command to a state. */
export interface CommandApplication {
  /** The state the command started from (what undo restores, byte for byte). */
  readonly before: EditorState;
  /** The state after the command; the same object as `before` when nothing changed. */
  readonly state: EditorState;
  readonly effects: readonly CommandEffect[];
}

/**
 * A named, undoable edit of an SOP (pattern 7 of the house style, after bpmn-js's command
 * handlers). `apply` is pure: it reads the state's YAML and returns a new state, or throws a
 * `CommandError` and changes nothing. `revert` undoes an application exactly.
 *
 * @example
 * const cmd = stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' });
 * cmd.describe('id') // 'Pindahkan langkah "kasi-periksa" ke lajur "kabid"'
 * const applied = cmd.apply(state);
 * cmd.revert(applied) === state // true
 */
export interface SopCommand<P = unknown> {
  readonly name: SopCommandName;
  readonly params: Readonly<P>;
  /** A short description for the undo menu and the history, e.g. `Undo: Add step "Periksa"`. */
  describe(lang: EditorLanguage): string;
  apply(state: EditorState): CommandApplication;
  revert(application: CommandApplication): EditorState;
}

const q = (s: string): string => `"${s}"`;

/**
 * Says what an effect did, in the editor's language.
 *
 * @example
 * describeEffect({ type: 'transition.removed', transition: { from: 'a', to: 'b', kind: 'next' } }, 'en')
 * // 'removed the transition from "a" to "b"'
 */
export function describeEffect(effect: CommandEffect, lang: EditorLanguage): string {
  const en = lang === 'en';
  switch (effect.type) {
    case 'step.created':
      return en ? `created step ${q(effect.stepId)}` : `langkah ${q(effect.stepId)} dibuat`;
    case 'lane.created':
      return en ? `created lane ${q(effect.laneId)}` : `lajur ${q(effect.laneId)} dibuat`;
    case 'outcome.created':
      return en
        ? `created outcome ${q(effect.outcomeId)} of decision ${q(effect.stepId)}`
        : `hasil ${q(effect.outcomeId)} pada keputusan ${q(effect.stepId)} dibuat`;
    case 'transition.removed': {
      const t = effect.transition;
      const outcome = t.outcome ? (en ? ` (outcome ${q(t.outcome)})` : ` (hasil ${q(t.outcome)})`) : '';
      return en ? `removed the transition from ${q(t.from)} to ${q(t.to)}${outcome}` : `alur dari ${q(t.from)} ke ${q(t.to)}${outcome} dihapus`;
    }
    case 'transition.retargeted': {
      const t = effect.transition;
      return en
        ? `the transition from ${q(t.from)} now leads to ${q(effect.newTo)} instead of ${q(t.to)}`
        : `alur dari ${q(t.from)} kini menuju ${q(effect.newTo)}, bukan ${q(t.to)}`;
    }
    case 'reference.renamed':
      return en ? `${effect.pointer}: ${q(effect.from)} renamed to ${q(effect.to)}` : `${effect.pointer}: ${q(effect.from)} diganti menjadi ${q(effect.to)}`;
    case 'reference.removed':
      return en ? `${effect.pointer}: removed ${q(effect.value)}` : `${effect.pointer}: ${q(effect.value)} dihapus`;
  }
}
