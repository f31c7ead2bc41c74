import { validateSop, type SopDocument } from '@sop/model';
import type { EditorLanguage, EditorState } from './editor-state';
import { locateIssues, type EditorIssue } from './locate-issues';
import type { CommandApplication, CommandEffect, SopCommand, SopCommandName } from './sop-command';

/** The editor after a command, an undo or a redo, validated by the CLI's validator. */
export interface EditResult {
  readonly state: EditorState;
  /** Every issue of the new state, located in the YAML and on the diagram element. */
  readonly issues: readonly EditorIssue[];
  /** True when no issue is an error. */
  readonly valid: boolean;
  /** What the command did beyond what it was asked (empty for undo and redo). */
  readonly effects: readonly CommandEffect[];
  /** False when the command left the text as it was (nothing is recorded then). */
  readonly changed: boolean;
}

export interface CommandStackOptions {
  /** Shown in each issue's location, e.g. `sops/metro.yaml`. */
  file?: string;
  /** How many commands can be undone (the oldest are dropped); 100 by default. */
  limit?: number;
  /**
   * Validates a new state's text; {@link validateStackText} by default. `previous` is the state it
   * follows and that state's validation, for a validator that works from the last result (the web
   * editor patches the document of a text whose edit only changed a scalar, and confirms in a
   * worker, see {@link CommandStack.confirm}).
   */
  validate?: (yaml: string, previous?: { yaml: string; validation: StackValidation }) => StackValidation;
}

/** What the stack knows of a state: its issues, whether it is valid, and its document as far as it can be read. */
export interface StackValidation {
  readonly issues: readonly EditorIssue[];
  readonly valid: boolean;
  readonly document: SopDocument | null;
  /**
   * True while the text is only read, not yet validated (the web editor validates a text it opens in
   * a worker, see {@link CommandStack.confirm}): `issues` are not known yet and `valid` is false.
   */
  readonly checking?: boolean;
}

type Validation = StackValidation;

/**
 * The stack's default validation of a text: `validateSop` (the validator of the CLI and the API),
 * each issue located on its diagram element, and the document as far as it can be read.
 */
export function validateStackText(yaml: string, file?: string): StackValidation {
  const { issues, valid, data } = validateSop(yaml, { file });
  return { issues: locateIssues(yaml, issues, data), valid, document: readableDocument(data) };
}

/**
 * The document as far as it can be read, for drawing: a mapping with a list of steps and a list of
 * lanes, even when it breaks the schema or a rule (an invalid SOP is still drawn); null otherwise.
 */
export function readableDocument(data: unknown): SopDocument | null {
  const o = data as { steps?: unknown; lanes?: unknown } | null | undefined;
  return o && typeof o === 'object' && Array.isArray(o.steps) && Array.isArray(o.lanes) ? (data as SopDocument) : null;
}

interface Entry {
  command: SopCommand;
  application: CommandApplication;
  before: Validation;
  after: Validation;
}

/**
 * The editor's history: executes commands, undoes and redoes them, and validates each new state
 * with `validateSop`, the validator the CLI and the API use. Undo restores the exact text the
 * command started from, and redo the exact text it produced (commands are pure functions of the
 * text, so snapshots are exact and cheap: consecutive states share their strings).
 *
 * @example
 * const stack = new CommandStack({ yaml }, { file: 'sops/metro.yaml' });
 * const { issues } = stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }));
 * stack.undo();
 * stack.state.yaml === yaml // true
 * stack.history() // []
 */
export class CommandStack {
  #state: EditorState;
  #validation: Validation;
  #done: Entry[] = [];
  #undone: Entry[] = [];
  readonly #listeners = new Set<(result: EditResult) => void>();
  readonly #options: CommandStackOptions;

  constructor(initial: EditorState | string, options: CommandStackOptions = {}) {
    this.#options = options;
    this.#state = typeof initial === 'string' ? { yaml: initial } : initial;
    this.#validation = this.#validate(this.#state);
  }

  /**
   * Replaces what is known of every state whose text is `yaml` (the current one, and those undo or
   * redo would restore) by a validation made later, e.g. in a worker after a provisional one; the
   * listeners hear of it when it is the current state's. Returns whether it was.
   */
  confirm(yaml: string, validation: StackValidation): boolean {
    for (const entry of [...this.#done, ...this.#undone]) {
      if (entry.application.before.yaml === yaml) entry.before = validation;
      if (entry.application.state.yaml === yaml) entry.after = validation;
    }
    if (this.#state.yaml !== yaml) return false;
    this.#move(this.#state, validation, []);
    return true;
  }

  /** The current state. */
  get state(): EditorState {
    return this.#state;
  }

  /** The issues of the current state. */
  get issues(): readonly EditorIssue[] {
    return this.#validation.issues;
  }

  /**
   * The current state's document as far as it can be read (see {@link readableDocument}), read by
   * the same parse that validated it: a page need not parse the YAML again to draw it. The same
   * object until the state changes; treat it as read-only.
   */
  get document(): SopDocument | null {
    return this.#validation.document;
  }

  /** True when the current state has no error. */
  get valid(): boolean {
    return this.#validation.valid;
  }

  /** True while the current state's validation is still to come (see {@link StackValidation.checking}). */
  get checking(): boolean {
    return this.#validation.checking === true;
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  /** The names of the commands that can be undone, oldest first. */
  history(): SopCommandName[] {
    return this.#done.map((e) => e.command.name);
  }

  /** What undo would undo, for the menu (`Undo: …`); undefined when nothing can be undone. */
  undoDescription(lang: EditorLanguage): string | undefined {
    return this.#done.at(-1)?.command.describe(lang);
  }

  /** What redo would redo; undefined when nothing can be redone. */
  redoDescription(lang: EditorLanguage): string | undefined {
    return this.#undone.at(-1)?.command.describe(lang);
  }

  /**
   * Applies a command to the current state and records it. A `CommandError` leaves state and
   * history untouched. A command that changes nothing is not recorded. With `merge`, a command
   * of the same name as the last one (and nothing undone since) extends that history entry
   * instead of adding one: the YAML pane's keystrokes become one undo step.
   */
  execute(command: SopCommand, options: { merge?: boolean } = {}): EditResult {
    const application = command.apply(this.#state);
    if (application.state.yaml === this.#state.yaml) return this.#result(application.effects, false);
    const after = this.#validate(application.state, { yaml: this.#state.yaml, validation: this.#validation });
    const last = this.#done.at(-1);
    if (options.merge && last && last.command.name === command.name && this.#undone.length === 0) {
      this.#done.pop();
      if (application.state.yaml !== last.application.before.yaml) {
        this.#done.push({ command, application: { ...application, before: last.application.before }, before: last.before, after });
      }
    } else {
      this.#done.push({ command, application, before: this.#validation, after });
      const limit = this.#options.limit ?? 100;
      if (this.#done.length > limit) this.#done.splice(0, this.#done.length - limit);
    }
    this.#undone = [];
    return this.#move(application.state, after, application.effects);
  }

  /** Restores the state before the last command; undefined when there is nothing to undo. */
  undo(): EditResult | undefined {
    const entry = this.#done.pop();
    if (!entry) return undefined;
    this.#undone.push(entry);
    return this.#move(entry.command.revert(entry.application), entry.before, []);
  }

  /** Re-applies the last undone command; undefined when there is nothing to redo. */
  redo(): EditResult | undefined {
    const entry = this.#undone.pop();
    if (!entry) return undefined;
    this.#done.push(entry);
    return this.#move(entry.application.state, entry.after, []);
  }

  /** Starts over from a state (another SOP, or the version just saved), forgetting the history. */
  reset(state: EditorState | string): EditResult {
    this.#done = [];
    this.#undone = [];
    const next = typeof state === 'string' ? { yaml: state } : state;
    return this.#move(next, this.#validate(next), []);
  }

  /** Calls the listener after every change of state; returns the function that unsubscribes. */
  subscribe(listener: (result: EditResult) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #validate(state: EditorState, previous?: { yaml: string; validation: Validation }): Validation {
    const validate = this.#options.validate;
    return validate ? validate(state.yaml, previous) : validateStackText(state.yaml, this.#options.file);
  }

  #result(effects: readonly CommandEffect[], changed: boolean): EditResult {
    return { state: this.#state, issues: this.#validation.issues, valid: this.#validation.valid, effects, changed };
  }

  #move(state: EditorState, validation: Validation, effects: readonly CommandEffect[]): EditResult {
    this.#state = state;
    this.#validation = validation;
    const result = this.#result(effects, true);
    for (const listener of this.#listeners) listener(result);
    return result;
  }
}
