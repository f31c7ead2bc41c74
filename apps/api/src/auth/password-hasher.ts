import { Worker } from 'node:worker_threads';

/**
 * Every password worker is busy and the queue is full: the password was not checked. The API answers
 * 503 with Retry-After (AuthService); plain, so that this file stays free of the framework.
 */
export class PasswordCheckBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`the server is busy checking other log-ins: try again in ${retryAfterSeconds} s`);
    this.name = 'PasswordCheckBusy';
  }
}

type Task = { op: 'compare'; password: string; hash: string } | { op: 'hash'; password: string; rounds: number };

interface Pending {
  task: Task;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

/** The workers' CPU priority (nice) on Linux: under a flood of log-ins the requests of everyone else come first. */
export const PASSWORD_WORKER_NICE = 10;

// bcryptjs, by the path this process resolves, so the worker loads the same copy wherever the API runs from.
// On Linux a thread has its own priority: the worker lowers its own (its thread id from /proc/thread-self).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bcrypt = require(${JSON.stringify(require.resolve('bcryptjs'))});
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, ${PASSWORD_WORKER_NICE});
} catch {
  // not Linux, or not allowed: the worker runs at the process's priority
}
parentPort.on('message', (task) => {
  try {
    const value = task.op === 'compare' ? bcrypt.compareSync(task.password, task.hash) : bcrypt.hashSync(task.password, task.rounds);
    parentPort.postMessage({ value });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});`;

/**
 * bcrypt (bcryptjs, plain JavaScript: about 70 ms of CPU per check at cost 10) on worker threads at a
 * lower CPU priority, so that a flood of log-ins does not stall every other request on the event loop
 * nor take the CPU from it. At most `workers`
 * checks run at once and `queue` wait; past that a check is refused at once with
 * {@link PasswordCheckBusy} (503) instead of making everyone wait longer.
 */
export class PasswordHasher {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private closed = false;

  constructor(private readonly options: { workers: number; queue: number } = { workers: 1, queue: 32 }) {}

  compare(password: string, hash: string): Promise<boolean> {
    return this.run({ op: 'compare', password, hash }) as Promise<boolean>;
  }

  hash(password: string, rounds = 10): Promise<string> {
    return this.run({ op: 'hash', password, rounds }) as Promise<string>;
  }

  /** Whether a check asked for now would be refused (every worker busy, the queue full). */
  get full(): boolean {
    const idle = this.slots.some((s) => !s.current) || this.slots.length < this.options.workers;
    return !idle && this.waiting.length >= this.options.queue;
  }

  /** Throws the 503 now when a check would be refused: before any other work is done for the request. */
  assertCapacity(): void {
    if (this.full) throw new PasswordCheckBusy(this.retryAfterSeconds());
  }

  /** Checks waiting for a worker, and running. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.current).length, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new Error('the password workers were stopped'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private retryAfterSeconds(): number {
    // the queue drains at about 14 checks per second and worker
    return Math.max(1, Math.ceil((this.waiting.length + this.slots.length) / (14 * this.options.workers)));
  }

  private run(task: Task): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the password workers were stopped'));
    return new Promise((resolve, reject) => {
      const pending: Pending = { task, resolve, reject };
      const slot = this.slots.find((s) => !s.current) ?? (this.slots.length < this.options.workers ? this.spawn() : null);
      if (slot) return this.start(slot, pending);
      if (this.waiting.length >= this.options.queue) return reject(new PasswordCheckBusy(this.retryAfterSeconds()));
      this.waiting.push(pending);
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, current: null };
    worker.unref(); // an idle worker never keeps the process alive; a busy one is ref'd in start()
    worker.on('message', (reply: { value?: unknown; error?: string }) => {
      const done = slot.current;
      slot.current = null;
      worker.unref();
      if (done) {
        if (reply.error !== undefined) done.reject(new Error(reply.error));
        else done.resolve(reply.value);
      }
      this.next(slot);
    });
    const fail = (error: Error) => {
      // a worker that died is replaced on demand; its check fails, the waiting ones go on
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      slot.current?.reject(error);
      slot.current = null;
      const pending = this.waiting.shift();
      if (pending && !this.closed) this.start(this.spawn(), pending);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`a password worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    slot.current = pending;
    slot.worker.ref();
    slot.worker.postMessage(pending.task);
  }

  private next(slot: Slot): void {
    const pending = this.waiting.shift();
    if (pending) this.start(slot, pending);
  }
}
