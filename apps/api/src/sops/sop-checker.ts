import { dirname } from 'node:path';
import type { StoredCompiledSop } from '@sop/compiler';
import type { SopDocument, SopIssue } from '@sop/model';
import { TASK_TIMEOUT, WorkerPool, WorkerPoolFull, WorkerStopped, workerSource } from '../common/worker-pool';

/**
 * What the checker answers: the document when it has no error (its keys in the YAML's order), its
 * machine compiled for storage, and every located issue.
 */
export interface SopCheck {
  sop?: SopDocument;
  machine?: StoredCompiledSop;
  issues: SopIssue[];
}

/**
 * Every checker is busy and the queue is full: the text was not checked. The API answers 503 with
 * Retry-After (SopCatalog); plain, so that this file stays free of the framework.
 */
export class SopCheckBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the server is busy checking other SOPs: try again in ${retryAfterSeconds} s (nothing was published)`);
    this.name = 'SopCheckBusy';
  }

  /** The same in Bahasa Indonesia. */
  get messageId(): string {
    return `server sedang sibuk memeriksa SOP lain: coba lagi dalam ${this.retryAfterSeconds} detik; SOP belum diterbitkan`;
  }
}

type Task = { op: 'check'; text: string; file: string; id: string } | { op: 'read'; text: string };

/** The checking thread's CPU priority (nice) on Linux: an author's publication waits for the officers' work, not the reverse. */
export const SOP_CHECK_NICE = 5;

/**
 * A check's heap on its thread: a 1 MB text of 80,000 keys (the worst the limits let through) keeps
 * about 220 MB while it is checked; past this the thread stops and the text is refused, the API goes on.
 */
export const SOP_CHECK_HEAP_MB = 1024;

/**
 * A check's time limit: the worst text the limits let through takes a few seconds; one still running
 * after this is stopped and refused, so that it cannot hold the thread from every later publication.
 */
export const SOP_CHECK_TIMEOUT_MS = 60_000;

// the libraries' packages by the paths this process resolves (their built code, by each package's
// "main"), so the thread loads the same validator and compiler wherever the API runs from (under jest
// too: the thread runs the built libraries, as `npm test` builds them first)
const packageOf = (name: string) => JSON.stringify(dirname(require.resolve(`${name}/package.json`)));
const WORKER_SOURCE = workerSource(
  `const { validateSop, readSopData } = require(${packageOf('@sop/model')});
const { compileSop, storeCompiledSop } = require(${packageOf('@sop/compiler')});
const run = (task) => {
  if (task.op === 'read') return readSopData(task.text);
  const { sop, issues } = validateSop(task.text, { file: task.file });
  return { sop, issues, machine: sop ? storeCompiledSop(compileSop(sop, { id: task.id })) : undefined };
};`,
  SOP_CHECK_NICE,
);

/**
 * Validates SOP texts (the one validator, `validateSop` of @sop/model) on a worker thread, so that an
 * author publishing a large text does not stall every other request: a 1 MB text takes up to a few
 * seconds of CPU, which on the event loop would be seconds in which no officer's action is answered.
 * One check runs at a time (publication is rare; the officers' requests keep the other core) and
 * `queue` wait; past that a publication is refused at once ({@link SopCheckBusy}: 503 and Retry-After).
 */
export class SopChecker {
  private readonly pool: WorkerPool<Task, unknown>;
  private readonly heapMb: number;
  private readonly timeoutMs: number;

  constructor(options: { workers: number; queue: number; heapMb?: number; timeoutMs?: number } = { workers: 1, queue: 16 }) {
    this.heapMb = options.heapMb ?? SOP_CHECK_HEAP_MB;
    this.timeoutMs = options.timeoutMs ?? SOP_CHECK_TIMEOUT_MS;
    this.pool = new WorkerPool({
      name: 'SOP check',
      metric: 'sop_check',
      source: WORKER_SOURCE,
      workers: options.workers,
      queue: options.queue,
      // a large text takes up to three seconds
      tasksPerSecond: 0.3,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      taskTimeoutMs: this.timeoutMs,
    });
  }

  /**
   * The text's validation, and when it has no error its machine compiled for the SOP `id` (the two
   * CPU-heavy steps of a publication). A text the checker could not finish (its thread ran out of
   * memory, or past its time limit) is answered as one error issue (`check-out-of-memory`,
   * `check-timeout`), not thrown.
   *
   * @throws SopCheckBusy when every checker is busy and the queue is full (the API answers 503).
   */
  async check(text: string, file: string, id: string): Promise<SopCheck> {
    try {
      return (await this.run({ op: 'check', text, file, id })) as SopCheck;
    } catch (e) {
      // a text too big to check is the author's to mend; a thread that stopped otherwise is the server's fault (500, logged)
      if (e instanceof WorkerStopped && e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { issues: [outOfMemory(file, this.heapMb)] };
      if (e instanceof WorkerStopped && e.code === TASK_TIMEOUT) return { issues: [tooLong(file, this.timeoutMs)] };
      throw e;
    }
  }

  /**
   * A published text read as the validator reads it (`readSopData`: the model with its keys in the
   * YAML's order), off the event loop: a 2,000-step text takes a second to read.
   *
   * @throws SopCheckBusy when every checker is busy and the queue is full.
   */
  async read(text: string): Promise<unknown> {
    return this.run({ op: 'read', text });
  }

  private async run(task: Task): Promise<unknown> {
    try {
      return await this.pool.run(task);
    } catch (e) {
      if (e instanceof WorkerPoolFull) throw new SopCheckBusy(e.retryAfterSeconds);
      throw e;
    }
  }

  /** Whether a task asked for now would wait (the thread is at work on another text). */
  get busy(): boolean {
    const { running, waiting } = this.pool.load;
    return running + waiting >= this.pool.capacity;
  }

  /** Checks running, and waiting for the thread. */
  get load(): { running: number; waiting: number } {
    return this.pool.load;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function outOfMemory(file: string, heapMb: number): SopIssue {
  return {
    severity: 'error',
    code: 'check-out-of-memory',
    message: `the SOP could not be checked: its check needed more than ${heapMb} MB of memory; nothing was published: make the text smaller or simpler (fewer keys, less nesting, fewer aliases) and try again`,
    params: { limit: heapMb },
    pointer: '',
    file,
    line: 1,
    column: 1,
  };
}

function tooLong(file: string, timeoutMs: number): SopIssue {
  const seconds = Math.ceil(timeoutMs / 1000);
  return {
    severity: 'error',
    code: 'check-timeout',
    message: `the SOP could not be checked: its check ran past its limit of ${seconds} s and was stopped; nothing was published: make the text smaller or simpler (fewer keys, less nesting, fewer aliases) and try again`,
    params: { seconds },
    pointer: '',
    file,
    line: 1,
    column: 1,
  };
}
