import { Worker, type ResourceLimits } from 'node:worker_threads';
import { watchWorkerPool, workerTasksRefused } from '../metrics/metrics';

/**
 * Every worker of a pool is busy and its queue is full: the task was not run. Plain, so that the
 * pool stays free of the framework; its owner turns it into a 503 with Retry-After.
 */
export class WorkerPoolFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`every worker is busy: try again in ${retryAfterSeconds} s`);
    this.name = 'WorkerPoolFull';
  }
}

/** A worker stopped while running a task (it ran out of memory, or crashed): the task did not finish. */
export class WorkerStopped extends Error {
  constructor(
    message: string,
    /** Node's code for why, e.g. `ERR_WORKER_OUT_OF_MEMORY`, when it gives one. */
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'WorkerStopped';
  }
}

interface Pending<Task, Result> {
  task: Task;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Task, Result> {
  worker: Worker;
  current: Pending<Task, Result> | null;
  /** The current task's time limit. */
  timer: NodeJS.Timeout | null;
  /** Why the pool stopped this worker itself (its task ran past its time limit). */
  stoppedBy: WorkerStopped | null;
}

/** The code of {@link WorkerStopped} for a task that ran past `taskTimeoutMs`. */
export const TASK_TIMEOUT = 'ERR_WORKER_TASK_TIMEOUT';

export interface WorkerPoolOptions {
  /** What the workers do, in logs and errors ("password", "SOP check"). */
  name: string;
  /** The pool's label in the metrics (`sop_worker_tasks{pool}`): `password`, `sop_check`. */
  metric: string;
  /**
   * The worker's CommonJS source (`eval`: it runs wherever the API runs from, built or not). It
   * answers each message with one `{ value }` or `{ error }`; {@link workerSource} writes the frame.
   */
  source: string;
  /** At most this many tasks run at once, each on its own thread (started on demand). */
  workers: number;
  /** At most this many tasks wait for a worker; the next is refused at once with {@link WorkerPoolFull}. */
  queue: number;
  /** About how many tasks a worker finishes per second: what Retry-After is computed from. */
  tasksPerSecond: number;
  /** Limits of each worker's heap: a task past them stops its worker ({@link WorkerStopped}), not the API. */
  resourceLimits?: ResourceLimits;
  /**
   * A task still running after this long stops its worker: it fails with {@link WorkerStopped}
   * (code {@link TASK_TIMEOUT}) and the next task runs on a new thread, rather than every later
   * task waiting behind one that never ends. None when absent.
   */
  taskTimeoutMs?: number;
}

/**
 * The frame of a worker's source: `body` defines `run(task)` (synchronous, returning the value to
 * post back); the worker lowers its own CPU priority by `nice` on Linux (under a flood the requests of
 * everyone else come first), and answers each message with `{ value }` or `{ error }`.
 */
export function workerSource(body: string, nice: number): string {
  return `
const { parentPort } = require('node:worker_threads');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, ${nice});
} catch {
  // not Linux, or not allowed: the worker runs at the process's priority
}
${body}
parentPort.on('message', (task) => {
  let reply;
  try {
    reply = { value: run(task) };
  } catch (e) {
    reply = { error: String((e && e.message) || e) };
  }
  parentPort.postMessage(reply);
});`;
}

/**
 * CPU-heavy work on worker threads, so that it does not stall every other request on the event loop
 * (bcrypt's log-in checks, an SOP text's validation). At most `workers` tasks run at once and `queue`
 * wait; past that a task is refused at once with {@link WorkerPoolFull} instead of making everyone
 * wait longer. A worker that stops is replaced on demand: its task fails, the waiting ones go on.
 */
export class WorkerPool<Task, Result> {
  private readonly slots: Slot<Task, Result>[] = [];
  private readonly waiting: Pending<Task, Result>[] = [];
  private closed = false;
  private readonly unwatch: () => void;

  constructor(private readonly options: WorkerPoolOptions) {
    this.unwatch = watchWorkerPool(options.metric, () => this.load);
  }

  run(task: Task): Promise<Result> {
    if (this.closed) return Promise.reject(new Error(`the ${this.options.name} workers were stopped`));
    return new Promise<Result>((resolve, reject) => {
      const pending: Pending<Task, Result> = { task, resolve, reject };
      const slot = this.slots.find((s) => !s.current) ?? (this.slots.length < this.options.workers ? this.spawn() : null);
      if (slot) this.start(slot, pending);
      else if (this.waiting.length >= this.options.queue) reject(this.refused());
      else this.waiting.push(pending);
    });
  }

  /** Whether a task asked for now would be refused (every worker busy, the queue full). */
  get full(): boolean {
    const idle = this.slots.some((s) => !s.current) || this.slots.length < this.options.workers;
    return !idle && this.waiting.length >= this.options.queue;
  }

  /** Throws {@link WorkerPoolFull} now when a task would be refused: before any other work is done for the request. */
  assertCapacity(): void {
    if (this.full) throw this.refused();
  }

  /** How many tasks run at once (its threads). */
  get capacity(): number {
    return this.options.workers;
  }

  /** Tasks running, and waiting for a worker. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.current).length, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unwatch();
    const stopped = () => new Error(`the ${this.options.name} workers were stopped`);
    for (const p of this.waiting.splice(0)) p.reject(stopped());
    const slots = this.slots.splice(0);
    // a task running now does not finish either: it is told so rather than left waiting
    for (const slot of slots) {
      const done = slot.current;
      this.finish(slot);
      done?.reject(stopped());
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private refused(): WorkerPoolFull {
    workerTasksRefused.inc({ pool: this.options.metric });
    return new WorkerPoolFull(this.retryAfterSeconds());
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.waiting.length + this.slots.length) / (this.options.tasksPerSecond * this.options.workers)));
  }

  private spawn(): Slot<Task, Result> {
    const worker = new Worker(this.options.source, { eval: true, resourceLimits: this.options.resourceLimits });
    const slot: Slot<Task, Result> = { worker, current: null, timer: null, stoppedBy: null };
    worker.unref(); // an idle worker never keeps the process alive; a busy one is ref'd in start()
    worker.on('message', (reply: { value?: Result; error?: string }) => {
      const done = slot.current;
      this.finish(slot);
      worker.unref();
      if (done) {
        if (reply.error !== undefined) done.reject(new Error(reply.error));
        else done.resolve(reply.value as Result);
      }
      this.next(slot);
    });
    let stopped: WorkerStopped | null = null;
    const fail = (error: WorkerStopped) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      const done = slot.current;
      this.finish(slot);
      done?.reject(error);
      const pending = this.waiting.shift();
      if (!pending || this.closed) return;
      let next: Slot<Task, Result>;
      try {
        next = this.spawn();
      } catch (e) {
        // no thread can be started now (memory): the waiting task is told so, not left waiting
        pending.reject(new WorkerStopped(`no ${this.options.name} worker could be started: ${e instanceof Error ? e.message : String(e)}`, null));
        return;
      }
      this.start(next, pending);
    };
    // a reply that cannot be read is the task's failure; the thread goes on with the next
    worker.on('messageerror', (e: Error) => {
      const done = slot.current;
      this.finish(slot);
      worker.unref();
      done?.reject(new Error(`a ${this.options.name} worker's answer could not be read: ${e.message}`));
      this.next(slot);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      stopped = new WorkerStopped(`a ${this.options.name} worker stopped: ${e.message}`, e.code ?? null);
      fail(stopped);
    });
    worker.on('exit', (code) => {
      fail(slot.stoppedBy ?? stopped ?? new WorkerStopped(`a ${this.options.name} worker stopped (exit code ${code})`, null));
    });
    this.slots.push(slot);
    return slot;
  }

  /** The slot's task is over (answered, failed or stopped): its timer goes. */
  private finish(slot: Slot<Task, Result>): void {
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private start(slot: Slot<Task, Result>, pending: Pending<Task, Result>): void {
    slot.current = pending;
    slot.worker.ref();
    const limit = this.options.taskTimeoutMs;
    if (limit !== undefined) {
      slot.timer = setTimeout(() => {
        slot.stoppedBy = new WorkerStopped(`a ${this.options.name} task ran past its limit of ${limit} ms and was stopped`, TASK_TIMEOUT);
        void slot.worker.terminate();
      }, limit);
      slot.timer.unref();
    }
    try {
      slot.worker.postMessage(pending.task);
    } catch (e) {
      // a task that cannot be sent (it does not clone) fails alone
      this.finish(slot);
      slot.worker.unref();
      pending.reject(e instanceof Error ? e : new Error(String(e)));
      this.next(slot);
    }
  }

  private next(slot: Slot<Task, Result>): void {
    const pending = this.waiting.shift();
    if (pending) this.start(slot, pending);
  }
}
