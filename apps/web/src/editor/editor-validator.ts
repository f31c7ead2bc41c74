import { readableDocument, validateStackText, type StackValidation } from '@sop/editor';
import { readSopData, sameData } from '@sop/model';
import { patchScalar, type ScalarSpan } from './scalar-patch';

/** What the page asks the validation worker: the stack's validation of a text (`validate`), and where its scalars lie. */
export interface ValidationRequest {
  yaml: string;
  file?: string;
  validate: boolean;
  /** Whether where the scalars lie is asked too (with a validation: not when a patch already gave them). */
  index?: boolean;
}

/** What the worker answers. */
export interface ValidationReply {
  yaml: string;
  validate: boolean;
  validation?: StackValidation;
  spans: ScalarSpan[] | null;
  /** Only the scalars, ahead of the validation of the same request (which follows in its own reply). */
  partial?: boolean;
  error?: string;
}

/** The texts whose scalar spans are kept (the recent ones: undo and redo come back to them). */
const KEPT_TEXTS = 64;

/** A worker as the validator uses it (a Web Worker in the browser). */
export interface ValidationWorker {
  postMessage(request: ValidationRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ValidationReply>) => void): void;
  addEventListener(type: 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

/**
 * The editor's validation for its command stack (`new CommandStack(yaml, { validate: v.validate })`,
 * docs/adr/0034-editor-at-scale.md). A text whose edit only changed one scalar's text (a label, a
 * keterangan, a waktu…) gets its document at once by patching the previous one ({@link patchScalar});
 * its issues are the previous text's until the worker's full validation confirms them, and the
 * confirmation replaces them (and the document) when it differs ({@link listen}, given to
 * `stack.confirm`). A text opened (the stack's first state, or a reset) is only read at once, drawn,
 * and validated in the worker: its issues are not known until then (`checking`); the worker first
 * says where its scalars lie ({@link indexing}, {@link whenIndexed}), then validates it. Any other
 * text is validated on the main thread, as before; the worker then finds where its scalars lie, for
 * the next edit. Without a worker there is no fast path and nothing waits for one.
 */
export class EditorValidator {
  readonly #file: string | undefined;
  readonly #start: () => ValidationWorker | null;
  #worker: ValidationWorker | null = null;
  #failed = false;
  /** The scalar spans of recent texts. */
  readonly #spans = new Map<string, readonly ScalarSpan[]>();
  /** Patched texts whose full validation has not come back yet, with what the stack was given. */
  readonly #provisional = new Map<string, StackValidation>();
  #busy: ValidationRequest | null = null;
  /** The last {@link quick} answer: the same edit's patch, not worked out twice. */
  #lastQuick: { from: string; document: unknown; to: string; patched: ReturnType<typeof patchScalar> } | null = null;
  /** Who waits for a text's scalars ({@link whenIndexed}). */
  readonly #waiters = new Set<{ yaml: string; f: () => void }>();
  #nextCheck: ValidationRequest | null = null;
  #nextIndex: ValidationRequest | null = null;
  /** A text's data read elsewhere, in the validator's own way ({@link known}), taken by its first reading. */
  #known: { yaml: string; data: unknown } | null = null;
  /** Called with a text's full validation when it differs from the provisional one (see {@link listen}). */
  #onConfirm: ((yaml: string, validation: StackValidation) => void) | undefined;

  constructor(file: string | undefined, start: () => ValidationWorker | null) {
    this.#file = file;
    this.#start = start;
  }

  /** For the command stack's `validate` option. */
  readonly validate = (yaml: string, previous?: { yaml: string; validation: StackValidation }): StackValidation => {
    // while the text opened is still being checked, what follows it is read and checked too: the
    // main thread never compiles the schema in the first seconds of the page
    const quick = previous ? (this.#patch(previous, yaml) ?? (previous.validation.checking ? this.#read(yaml) : null)) : this.#read(yaml);
    if (quick) return quick;
    return validateStackText(yaml, this.#file);
  };

  /**
   * Whether going from a text (whose document is `document`) to another takes the fast path: what
   * the YAML pane need not wait for a pause in typing to apply.
   */
  quick(from: string, document: unknown, to: string): boolean {
    const spans = this.#spans.get(from);
    if (!spans || !document || !this.#worker) return false;
    const patched = patchScalar({ text: from, spans, data: document }, to);
    // kept for the stack's validation of the same edit, which follows at once
    this.#lastQuick = { from, document, to, patched };
    return !!patched;
  }

  /** Where the scalars of `yaml` lie, when known (for a command's fast path, `scalarFastCommand`). */
  spansOf(yaml: string): readonly ScalarSpan[] | undefined {
    return this.#worker ? this.#spans.get(yaml) : undefined;
  }

  /** Whether the worker is finding where the scalars of `yaml` lie: its answer is on the way. */
  indexing(yaml: string): boolean {
    if (this.#spans.has(yaml) || !this.#worker) return false;
    return this.#busy?.yaml === yaml || this.#nextCheck?.yaml === yaml || this.#nextIndex?.yaml === yaml;
  }

  /**
   * Calls `f` once, when where the scalars of `yaml` lie is known (at once if it is), or when the
   * worker stops; returns the function that cancels the call.
   */
  whenIndexed(yaml: string, f: () => void): () => void {
    if (this.#spans.has(yaml) || !this.#worker) {
      f();
      return () => undefined;
    }
    const waiter = { yaml, f };
    this.#waiters.add(waiter);
    return () => this.#waiters.delete(waiter);
  }

  #wake(yaml: string | null) {
    for (const waiter of [...this.#waiters]) {
      if (yaml !== null && waiter.yaml !== yaml) continue;
      this.#waiters.delete(waiter);
      waiter.f();
    }
  }

  /**
   * After each change of the stack's state: a provisional state is sent to the worker for its full
   * validation (once; also when undo or redo come back to one that was not confirmed yet); where the
   * scalars of a readable one lie is asked for when not known.
   */
  settle(yaml: string, readable: boolean): void {
    if (this.#busy?.yaml === yaml || this.#nextCheck?.yaml === yaml) return;
    if (this.#provisional.has(yaml)) this.#request({ yaml, file: this.#file, validate: true, index: !this.#spans.has(yaml) });
    else if (readable && !this.#spans.has(yaml) && this.#nextIndex?.yaml !== yaml) this.#request({ yaml, file: this.#file, validate: false });
  }

  /**
   * Hears of each text's full validation that differs from the provisional one (the page gives it to
   * `stack.confirm`); returns the function that stops listening and stops the worker.
   */
  listen(onConfirm: (yaml: string, validation: StackValidation) => void): () => void {
    this.#onConfirm = onConfirm;
    return () => {
      this.#onConfirm = undefined;
      this.dispose();
    };
  }

  /** Stops the worker (a later request starts another). */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#busy = null;
    this.#nextCheck = null;
    this.#nextIndex = null;
    this.#wake(null);
  }

  /**
   * The data of a text the stack is about to open, already read the validator's way: the API reads
   * a published version's YAML with `readSopData` and answers it in the YAML's key order
   * (`sopOrder: 'yaml'`; a jsonb-ordered model must not be given). Opening exactly that text then draws this data instead of reading the YAML
   * on the main thread (~200 ms at 300 steps); the worker's full validation confirms it as for any
   * provisional state, and replaces it should it differ.
   */
  known(yaml: string, data: unknown): void {
    this.#known = { yaml, data };
  }

  #patch(previous: { yaml: string; validation: StackValidation }, yaml: string): StackValidation | null {
    const spans = this.#spans.get(previous.yaml);
    const data = previous.validation.document;
    if (!spans || !data || !this.#ensureWorker()) return null;
    const last = this.#lastQuick;
    this.#lastQuick = null;
    const patched =
      last && last.from === previous.yaml && last.to === yaml && last.document === data
        ? last.patched
        : patchScalar({ text: previous.yaml, spans, data }, yaml);
    const document = patched && readableDocument(patched.data);
    if (!patched || !document) return null;
    this.#keepSpans(yaml, patched.spans);
    // a text typed into before the opened one was checked is not known either
    const checking = previous.validation.checking === true;
    const validation: StackValidation = { issues: previous.validation.issues, valid: previous.validation.valid, document, ...(checking ? { checking } : {}) };
    this.#remember(yaml, validation);
    return validation;
  }

  /**
   * A text opened (the stack's first state, or a reset), or edited before that one was checked: read
   * at once, so that it is drawn, and validated in the worker; until then its issues are not known
   * (`checking`). A text that cannot be read is validated here (its YAML error is found before the
   * schema is ever compiled).
   */
  #read(yaml: string): StackValidation | null {
    if (!this.#ensureWorker()) return null;
    // the API's reading of this very text when given (`known`: the validator's read, in the YAML's
    // key order, which the commands copy), else read here
    const known = this.#known?.yaml === yaml ? this.#known.data : undefined;
    this.#known = null;
    const document = readableDocument(known ?? readSopData(yaml));
    if (!document) return null;
    const validation: StackValidation = { issues: [], valid: false, document, checking: true };
    this.#remember(yaml, validation);
    return validation;
  }

  #remember(yaml: string, validation: StackValidation) {
    this.#provisional.set(yaml, validation);
    if (this.#provisional.size > KEPT_TEXTS) this.#provisional.delete(this.#provisional.keys().next().value as string);
  }

  #keepSpans(yaml: string, spans: readonly ScalarSpan[]) {
    this.#spans.delete(yaml);
    this.#spans.set(yaml, spans);
    if (this.#spans.size > KEPT_TEXTS) this.#spans.delete(this.#spans.keys().next().value as string);
  }

  #ensureWorker(): ValidationWorker | null {
    if (this.#worker || this.#failed) return this.#worker;
    const worker = this.#start();
    if (!worker) {
      this.#failed = true;
      return null;
    }
    worker.addEventListener('message', (e) => this.#answered(e.data));
    worker.addEventListener('error', () => this.#fail());
    this.#worker = worker;
    return worker;
  }

  /** The worker cannot run: no fast path from now on, and what was provisional is validated here. */
  #fail() {
    this.#failed = true;
    this.dispose();
    this.#spans.clear();
    const waiting = [...this.#provisional.keys()];
    this.#provisional.clear();
    for (const yaml of waiting) this.#onConfirm?.(yaml, validateStackText(yaml, this.#file));
  }

  #request(request: ValidationRequest) {
    if (!this.#ensureWorker()) return;
    // the latest of each kind waits: a check replaces a check, an index an index
    if (request.validate) this.#nextCheck = request;
    else this.#nextIndex = request;
    this.#pump();
  }

  #pump() {
    if (this.#busy || !this.#worker) return;
    const next = this.#nextCheck ?? this.#nextIndex;
    if (!next) return;
    if (next === this.#nextCheck) this.#nextCheck = null;
    else this.#nextIndex = null;
    this.#busy = next;
    this.#worker.postMessage(next);
  }

  #answered(reply: ValidationReply) {
    if (reply.spans) this.#keepSpans(reply.yaml, reply.spans);
    if (reply.partial) {
      this.#wake(reply.yaml);
      return; // the validation follows
    }
    this.#busy = null;
    const provisional = this.#provisional.get(reply.yaml);
    if (reply.validate && provisional) {
      this.#provisional.delete(reply.yaml);
      // the worker could not validate it: here, then
      const checked = reply.validation ?? validateStackText(reply.yaml, this.#file);
      const sameIssues = !provisional.checking && provisional.valid === checked.valid && sameData(provisional.issues, checked.issues);
      const sameDocument = sameData(provisional.document, checked.document);
      if (!sameIssues || !sameDocument) {
        this.#onConfirm?.(reply.yaml, {
          issues: sameIssues ? provisional.issues : checked.issues,
          valid: checked.valid,
          document: sameDocument ? provisional.document : checked.document,
        });
      }
    }
    this.#pump();
    // whoever waited for this text's scalars (found, or not to be found: a full reading then)
    this.#wake(reply.yaml);
  }
}
