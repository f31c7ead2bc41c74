import { registry } from '../metrics/metrics';
import { TASK_TIMEOUT, WorkerPool, WorkerPoolFull, WorkerStopped, workerSource } from './worker-pool';

// a task of the test workers: `spin` ms of CPU then its value; `grow` allocates until the heap is full; `fail` throws
const SOURCE = workerSource(
  `const run = (task) => {
  if (task.fail) throw new Error(task.fail);
  if (task.grow) { const kept = []; for (;;) kept.push(new Array(100000).fill(kept.length)); }
  const end = Date.now() + (task.spin || 0);
  while (Date.now() < end);
  return task.value;
};`,
  0,
);

type Task = { value?: unknown; spin?: number; grow?: boolean; fail?: string };

describe('WorkerPool', () => {
  let pool: WorkerPool<Task, unknown>;
  afterEach(() => pool.close());

  it('runs tasks on a thread while the event loop stays free', async () => {
    pool = new WorkerPool({ name: 'test', metric: 'test', source: SOURCE, workers: 1, queue: 4, tasksPerSecond: 1 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      await expect(pool.run({ value: { answer: 42 }, spin: 400 })).resolves.toEqual({ answer: 42 });
    } finally {
      clearInterval(timer);
    }
    // 400 ms of CPU on the event loop would have let no timer fire
    expect(ticks).toBeGreaterThan(0);
  });

  it('lets `workers` tasks run and `queue` wait, refuses the next at once saying when to try again, then runs the waiting ones', async () => {
    pool = new WorkerPool({ name: 'test', metric: 'test', source: SOURCE, workers: 1, queue: 1, tasksPerSecond: 1 });
    const accepted = [pool.run({ value: 1, spin: 200 }), pool.run({ value: 2 })];
    expect(pool.load).toEqual({ running: 1, waiting: 1 });
    expect(pool.full).toBe(true);
    expect(() => pool.assertCapacity()).toThrow(WorkerPoolFull);
    const refused = await pool.run({ value: 3 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkerPoolFull);
    expect((refused as WorkerPoolFull).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(Promise.all(accepted)).resolves.toEqual([1, 2]);
    expect(pool.full).toBe(false);
  });

  it('shows its tasks and its refusals in the metrics, and leaves them once closed', async () => {
    const sample = async (name: string, labels: string) => {
      const line = (await registry.metrics()).split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
      return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    pool = new WorkerPool({ name: 'test', metric: 'metered', source: SOURCE, workers: 1, queue: 1, tasksPerSecond: 1 });
    const refusedBefore = (await sample('sop_worker_tasks_refused_total', 'pool="metered"')) ?? 0;
    const accepted = [pool.run({ value: 1, spin: 200 }), pool.run({ value: 2 })];
    expect(await sample('sop_worker_tasks', 'pool="metered",state="running"')).toBe(1);
    expect(await sample('sop_worker_tasks', 'pool="metered",state="waiting"')).toBe(1);
    await expect(pool.run({ value: 3 })).rejects.toBeInstanceOf(WorkerPoolFull);
    expect(await sample('sop_worker_tasks_refused_total', 'pool="metered"')).toBe(refusedBefore + 1);
    await Promise.all(accepted);
    expect(await sample('sop_worker_tasks', 'pool="metered",state="running"')).toBe(0);
    await pool.close();
    const other = new WorkerPool({ name: 'test', metric: 'metered', source: SOURCE, workers: 1, queue: 1, tasksPerSecond: 1 });
    try {
      // the closed pool counts no more: only the live one's tasks are shown
      const running = other.run({ value: 4, spin: 100 });
      expect(await sample('sop_worker_tasks', 'pool="metered",state="running"')).toBe(1);
      await running;
    } finally {
      await other.close();
    }
  });

  it('reports a task that threw, and goes on with the next', async () => {
    pool = new WorkerPool({ name: 'test', metric: 'test', source: SOURCE, workers: 1, queue: 4, tasksPerSecond: 1 });
    await expect(pool.run({ fail: 'no such thing' })).rejects.toThrow('no such thing');
    await expect(pool.run({ value: 'next' })).resolves.toBe('next');
    // a task that cannot be sent to a thread fails alone too
    await expect(pool.run({ value: () => 1 })).rejects.toThrow(/could not be cloned/);
    await expect(pool.run({ value: 'after' })).resolves.toBe('after');
  });

  it('stops a worker that passes its heap limit, not the process: its task fails saying why, the waiting task runs on a new one', async () => {
    pool = new WorkerPool({
      name: 'test',
      metric: 'test',
      source: SOURCE,
      workers: 1,
      queue: 4,
      tasksPerSecond: 1,
      resourceLimits: { maxOldGenerationSizeMb: 16 },
    });
    const [grown, after] = await Promise.allSettled([pool.run({ grow: true }), pool.run({ value: 'after' })]);
    expect(grown.status).toBe('rejected');
    const reason = (grown as PromiseRejectedResult).reason as WorkerStopped;
    expect(reason).toBeInstanceOf(WorkerStopped);
    expect(reason.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    expect(reason.message).toMatch(/^a test worker stopped: /);
    expect(after).toEqual({ status: 'fulfilled', value: 'after' });
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
  });

  it('stops a task that runs past its time limit, saying so, and runs the waiting one on a new thread', async () => {
    pool = new WorkerPool({ name: 'test', metric: 'test', source: SOURCE, workers: 1, queue: 4, tasksPerSecond: 1, taskTimeoutMs: 150 });
    const [endless, after] = await Promise.allSettled([pool.run({ spin: 60_000 }), pool.run({ value: 'after', spin: 20 })]);
    expect(endless.status).toBe('rejected');
    const reason = (endless as PromiseRejectedResult).reason as WorkerStopped;
    expect(reason).toBeInstanceOf(WorkerStopped);
    expect(reason.code).toBe(TASK_TIMEOUT);
    expect(reason.message).toBe('a test task ran past its limit of 150 ms and was stopped');
    // the next task is within its limit: it is not stopped
    expect(after).toEqual({ status: 'fulfilled', value: 'after' });
  });

  it('tells the running and the waiting tasks they were stopped when closed, and refuses tasks after', async () => {
    pool = new WorkerPool({ name: 'test', metric: 'test', source: SOURCE, workers: 1, queue: 4, tasksPerSecond: 1 });
    const settled = Promise.allSettled([pool.run({ value: 1, spin: 100 }), pool.run({ value: 2 })]);
    await pool.close();
    expect(await settled).toEqual([
      { status: 'rejected', reason: new Error('the test workers were stopped') },
      { status: 'rejected', reason: new Error('the test workers were stopped') },
    ]);
    await expect(pool.run({ value: 3 })).rejects.toThrow('the test workers were stopped');
  });
});
