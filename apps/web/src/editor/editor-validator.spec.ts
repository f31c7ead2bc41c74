import { applyYamlText, CommandStack, validateStackText, type StackValidation } from '@sop/editor';
import { readSopData, validateSop } from '@sop/model';
import { EditorValidator, type ValidationReply, type ValidationRequest, type ValidationWorker } from './editor-validator';
import { answerValidationRequest } from './validation-answer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateLargeSop } = require('../../../../scripts/generate-large-sop') as { generateLargeSop: (o: { steps: number; lanes: number }) => string };

const FILE = 'sops/uji.yaml';
const VALID = generateLargeSop({ steps: 12, lanes: 4 });
/** A readable SOP that breaks a rule: a step's `next` names no step. */
const BROKEN = VALID.replace('next: langkah-3\n', 'next: langkah-tidak-ada\n');

/** A worker answered by the real worker's code, one message at a time when `deliver` is called. */
class QueuedWorker implements ValidationWorker {
  readonly asked: ValidationRequest[] = [];
  #onMessage: ((e: MessageEvent<ValidationReply>) => void) | null = null;
  #onError: ((e: Event) => void) | null = null;
  terminated = false;
  postMessage(request: ValidationRequest) {
    this.asked.push(request);
  }
  addEventListener(type: 'message' | 'error', listener: ((e: MessageEvent<ValidationReply>) => void) | ((e: Event) => void)) {
    if (type === 'message') this.#onMessage = listener;
    else this.#onError = listener as (e: Event) => void;
  }
  terminate() {
    this.terminated = true;
  }
  readonly #replies: ValidationReply[] = [];
  /** Delivers the next reply: the oldest request's first, each of its messages in turn. */
  deliver() {
    if (this.#replies.length === 0) {
      const request = this.asked.shift();
      if (!request) throw new Error('nothing was asked');
      answerValidationRequest(request, (reply) => this.#replies.push(reply));
    }
    this.#onMessage?.({ data: this.#replies.shift() } as MessageEvent<ValidationReply>);
  }
  /** Delivers every reply of the oldest request. */
  deliverAll() {
    do this.deliver();
    while (this.#replies.length > 0);
  }
  fail() {
    this.#onError?.(new Event('error'));
  }
}

/** A stack on `yaml` with the editor's validator over a queued worker, wired as the page wires it. */
function open(yaml: string) {
  const worker = new QueuedWorker();
  const validator = new EditorValidator(FILE, () => worker);
  const stack = new CommandStack(yaml, { file: FILE, validate: validator.validate });
  const heard: string[] = [];
  validator.listen((text, validation: StackValidation) => {
    heard.push(text);
    stack.confirm(text, validation);
  });
  validator.settle(stack.state.yaml, !!stack.document);
  return { worker, validator, stack, heard };
}

describe('the editor validator: a text opened is drawn at once and checked in the worker', () => {
  it('reads the data exactly as the validator does', () => {
    expect(readSopData(VALID)).toEqual(validateSop(VALID).data);
    expect(readSopData(BROKEN)).toEqual(validateSop(BROKEN).data);
    // what the validator stops at before the data: nothing to draw
    expect(readSopData('steps: [')).toBeUndefined();
    expect(readSopData('a: &x [1]\nb: *y\n')).toBeUndefined();
    expect(readSopData('['.repeat(10_000))).toBeUndefined();
  });

  it('opens a valid SOP drawn, its verdict unknown, then valid once the worker has checked it', () => {
    const { worker, stack } = open(VALID);
    expect(stack.document?.steps).toHaveLength(12);
    expect(stack.checking).toBe(true);
    expect(stack.valid).toBe(false);
    expect(stack.issues).toEqual([]);
    expect(worker.asked).toEqual([{ yaml: VALID, file: FILE, validate: true, index: true }]);
    worker.deliverAll();
    expect(stack.checking).toBe(false);
    expect(stack.valid).toBe(true);
    expect(stack.issues).toEqual([]);
  });

  it('opens a broken SOP drawn, and shows its located issues when the worker has checked it', () => {
    const { worker, stack } = open(BROKEN);
    expect(stack.checking).toBe(true);
    expect(stack.issues).toEqual([]);
    worker.deliverAll();
    expect(stack.checking).toBe(false);
    expect(stack.valid).toBe(false);
    expect(stack.issues).toEqual(validateStackText(BROKEN, FILE).issues);
    expect(stack.issues.some((i) => i.severity === 'error' && i.line > 0)).toBe(true);
  });

  it('validates an unreadable text at once: its YAML error needs no worker', () => {
    const { worker, stack } = open('steps: [\n');
    expect(stack.checking).toBe(false);
    expect(stack.valid).toBe(false);
    expect(stack.issues[0]?.code).toMatch(/^yaml\./);
    expect(worker.asked).toEqual([]);
  });

  it('keeps what is typed before the check came back unknown too, and checks it', () => {
    const { worker, stack, validator } = open(VALID);
    const typed = VALID.replace('next: langkah-3\n', 'next: langkah-tiga\n');
    // typed into the pane before the worker answered: where the scalars lie is not known yet
    applyYamlText(stack, typed);
    validator.settle(stack.state.yaml, !!stack.document);
    expect(stack.document?.steps.find((s) => s.id === 'langkah-2')?.next).toBe('langkah-tiga');
    expect(stack.checking).toBe(true);
    worker.deliverAll(); // the opened text: no longer the current one
    expect(stack.checking).toBe(true);
    worker.deliverAll();
    expect(stack.checking).toBe(false);
    expect(stack.valid).toBe(false);
    expect(stack.issues.map((i) => i.code)).toEqual(validateStackText(typed, FILE).issues.map((i) => i.code));
  });

  it('learns where the scalars lie before the check ends: a keystroke in a label takes the fast path while checking', () => {
    const { worker, stack, validator } = open(VALID);
    const typed = VALID.replace('label: Langkah 2\n', 'label: Langkah 2a\n');
    expect(validator.quick(stack.state.yaml, stack.document, typed)).toBe(false);
    worker.deliver(); // the scalars only
    expect(stack.checking).toBe(true);
    expect(validator.quick(stack.state.yaml, stack.document, typed)).toBe(true);
    applyYamlText(stack, typed);
    expect(stack.document?.steps.find((s) => s.id === 'langkah-2')?.label).toBe('Langkah 2a');
    expect(stack.checking).toBe(true); // still not known: the opened text's check is not back
    validator.settle(stack.state.yaml, !!stack.document);
    worker.deliver(); // the opened text's validation
    // then the typed text's is asked: the patch gave where its scalars lie, so only its validation
    expect(worker.asked).toEqual([{ yaml: typed, file: FILE, validate: true, index: false }]);
    worker.deliverAll(); // the typed text's
    expect(stack.checking).toBe(false);
    expect(stack.valid).toBe(true);
  });

  it('tells who waits that the scalars of a text being indexed are known, once, as soon as the worker sends them', () => {
    const { worker, stack, validator } = open(VALID);
    expect(validator.indexing(stack.state.yaml)).toBe(true);
    const calls: string[] = [];
    validator.whenIndexed(stack.state.yaml, () => calls.push('first'));
    const cancel = validator.whenIndexed(stack.state.yaml, () => calls.push('cancelled'));
    cancel();
    worker.deliver(); // the scalars
    expect(calls).toEqual(['first']);
    expect(validator.indexing(stack.state.yaml)).toBe(false);
    validator.whenIndexed(stack.state.yaml, () => calls.push('known already'));
    expect(calls).toEqual(['first', 'known already']);
    worker.deliverAll();
    expect(calls).toEqual(['first', 'known already']);
  });

  it('checks on the main thread what waited when the worker fails', () => {
    const { worker, stack } = open(BROKEN);
    expect(stack.checking).toBe(true);
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(stack.checking).toBe(false);
    expect(stack.issues).toEqual(validateStackText(BROKEN, FILE).issues);
  });

  it("draws the API's reading of the text it opens without reading the YAML, and takes the worker's when they differ", () => {
    const worker = new QueuedWorker();
    const validator = new EditorValidator(FILE, () => worker);
    const read = readSopData(VALID) as { steps: { label: string }[] };
    // what the API answers (readSopData of the published YAML): drawn as it is, the same object
    validator.known(VALID, read);
    const stack = new CommandStack(VALID, { file: FILE, validate: validator.validate });
    expect(stack.document).toBe(read);
    expect(stack.checking).toBe(true);
    // a reading that differs from the text (here a label) is replaced by the worker's own once it has checked
    const other = new EditorValidator(FILE, () => worker);
    const wrong = { ...read, steps: [{ ...read.steps[0], label: 'not in the text' }, ...read.steps.slice(1)] };
    other.known(VALID, wrong);
    const opened = new CommandStack(VALID, { file: FILE, validate: other.validate });
    other.listen((text, validation) => opened.confirm(text, validation));
    other.settle(opened.state.yaml, true);
    expect(opened.document?.steps[0].label).toBe('not in the text');
    worker.asked.splice(0, worker.asked.length - 1); // the first validator's request is not this test's
    worker.deliverAll();
    expect(opened.checking).toBe(false);
    expect(opened.valid).toBe(true);
    expect(opened.document?.steps[0].label).toBe(read.steps[0].label);
    // only the text it was given for: another text (a draft kept in this browser) is read as before
    const third = new EditorValidator(FILE, () => worker);
    third.known(BROKEN, wrong);
    expect(new CommandStack(VALID, { file: FILE, validate: third.validate }).document?.steps[0].label).toBe(read.steps[0].label);
  });

  it('validates at once where no worker can start (nothing waits)', () => {
    const validator = new EditorValidator(FILE, () => null);
    const stack = new CommandStack(BROKEN, { file: FILE, validate: validator.validate });
    expect(stack.checking).toBe(false);
    expect(stack.issues).toEqual(validateStackText(BROKEN, FILE).issues);
  });
});
