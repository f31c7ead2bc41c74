import { dirname } from 'node:path';
import type { SopDocument, SopIssue } from '@sop/model';
import { WorkerPool, WorkerPoolFull, WorkerStopped, workerSource } from '../common/worker-pool';

/** What the checker answers: the document when it has no error, and every located issue. */
export interface SopCheck {
  sop?: SopDocument;
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
    return `server sedang sibuk memeriksa SOP lain: coba lagi dalam ${this.retryAfterSeconds} detik (tidak ada yang diterbitkan)`;
  }
}

interface Task {
  text: string;
  file: string;
}

/** The checking thread's CPU priority (nice) on Linux: an author's publication waits for the officers' work, not the reverse. */
export const SOP_CHECK_NICE = 5;

/**
 * A check's heap on its thread: a 1 MB text of 80,000 keys (the worst the limits let through) keeps
 * about 220 MB while it is checked; past this the thread stops and the text is refused, the API goes on.
 */
export const SOP_CHECK_HEAP_MB = 1024;

// @sop/model's package by the path this process resolves (its built code, by the package's "main"), so the
// thread loads the same validator wherever the API runs from (a test's runner maps the name to sources)
const SOP_MODEL_PACKAGE = dirname(require.resolve('@sop/model/package.json'));
const WORKER_SOURCE = workerSource(
  `const { validateSop } = require(${JSON.stringify(SOP_MODEL_PACKAGE)});
const run = (task) => {
  const result = validateSop(task.text, { file: task.file });
  return { sop: result.sop, issues: result.issues };
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
  private readonly pool: WorkerPool<Task, SopCheck>;
  private readonly heapMb: number;

  constructor(options: { workers: number; queue: number; heapMb?: number } = { workers: 1, queue: 16 }) {
    this.heapMb = options.heapMb ?? SOP_CHECK_HEAP_MB;
    this.pool = new WorkerPool({
      name: 'SOP check',
      metric: 'sop_check',
      source: WORKER_SOURCE,
      workers: options.workers,
      queue: options.queue,
      // a large text takes about half a second
      tasksPerSecond: 2,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
  }

  /**
   * The text's validation: `sop` when it has no error, and its issues. A text the checker could not
   * finish (its thread ran out of memory) is answered as one error issue (`check-out-of-memory`), not thrown.
   *
   * @throws SopCheckBusy when every checker is busy and the queue is full (the API answers 503).
   */
  async check(text: string, file: string): Promise<SopCheck> {
    try {
      return await this.pool.run({ text, file });
    } catch (e) {
      if (e instanceof WorkerPoolFull) throw new SopCheckBusy(e.retryAfterSeconds);
      // a text too big to check is the author's to mend; a thread that stopped otherwise is the server's fault (500, logged)
      if (e instanceof WorkerStopped && e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { issues: [outOfMemory(file, this.heapMb)] };
      throw e;
    }
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
