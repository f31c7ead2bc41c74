import { WorkerPool, WorkerPoolFull, workerSource } from '../common/worker-pool';

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

/** The workers' CPU priority (nice) on Linux: under a flood of log-ins the requests of everyone else come first. */
export const PASSWORD_WORKER_NICE = 10;

// bcryptjs, by the path this process resolves, so the worker loads the same copy wherever the API runs from
const WORKER_SOURCE = workerSource(
  `const bcrypt = require(${JSON.stringify(require.resolve('bcryptjs'))});
const run = (task) => (task.op === 'compare' ? bcrypt.compareSync(task.password, task.hash) : bcrypt.hashSync(task.password, task.rounds));`,
  PASSWORD_WORKER_NICE,
);

/**
 * bcrypt (bcryptjs, plain JavaScript: about 70 ms of CPU per check at cost 10) on worker threads at a
 * lower CPU priority, so that a flood of log-ins does not stall every other request on the event loop
 * nor take the CPU from it. At most `workers` checks run at once and `queue` wait; past that a check
 * is refused at once with {@link PasswordCheckBusy} (503) instead of making everyone wait longer.
 */
export class PasswordHasher {
  private readonly pool: WorkerPool<Task, unknown>;

  // the queue drains at about 14 checks per second and worker
  constructor(options: { workers: number; queue: number } = { workers: 1, queue: 32 }) {
    this.pool = new WorkerPool({
      name: 'password',
      metric: 'password',
      source: WORKER_SOURCE,
      workers: options.workers,
      queue: options.queue,
      tasksPerSecond: 14,
    });
  }

  compare(password: string, hash: string): Promise<boolean> {
    return this.run({ op: 'compare', password, hash }) as Promise<boolean>;
  }

  hash(password: string, rounds = 10): Promise<string> {
    return this.run({ op: 'hash', password, rounds }) as Promise<string>;
  }

  /** Whether a check asked for now would be refused (every worker busy, the queue full). */
  get full(): boolean {
    return this.pool.full;
  }

  /** Throws the 503 now when a check would be refused: before any other work is done for the request. */
  assertCapacity(): void {
    try {
      this.pool.assertCapacity();
    } catch (e) {
      throw busy(e);
    }
  }

  /** Checks waiting for a worker, and running. */
  get load(): { running: number; waiting: number } {
    return this.pool.load;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(task: Task): Promise<unknown> {
    try {
      return await this.pool.run(task);
    } catch (e) {
      throw busy(e);
    }
  }
}

function busy(e: unknown): Error {
  if (e instanceof WorkerPoolFull) return new PasswordCheckBusy(e.retryAfterSeconds);
  return e instanceof Error ? e : new Error(String(e));
}
