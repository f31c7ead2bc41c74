import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics (GET /metrics, docs/observability.md): one registry per process,
 * filled by the places that do the work. Labels are bounded: route patterns (never raw URLs), event
 * types, report kinds, pool states; never a case, ticket, user or anything a complainant wrote.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status, in seconds',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const eventsApplied = new Counter({
  name: 'sop_events_applied_total',
  help: 'Events that moved a case (one kartu kendali line each), by event type; deadlines fired are counted apart',
  labelNames: ['event'] as const,
  registers: [registry],
});

export const deadlinesFired = new Counter({
  name: 'sop_deadlines_fired_total',
  help: 'Deadlines fired by the sweeper of this process (each fires once, in one process)',
  registers: [registry],
});

export const deadlineLag = new Histogram({
  name: 'sop_deadline_lag_seconds',
  help: 'How long after its due time a deadline fired, in seconds',
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 86400],
  registers: [registry],
});

export const sweepDuration = new Histogram({
  name: 'sop_sweep_duration_seconds',
  help: 'One pass of the deadline sweep (every passed deadline fired), in seconds',
  buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
  registers: [registry],
});

export const reportDuration = new Histogram({
  name: 'sop_report_duration_seconds',
  help: 'Reports computed, by kind (regency: GET /api/reports; national: GET /api/reports/national), in seconds',
  labelNames: ['report'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

/** The database connection pool's use, read when scraped. */
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

let poolStats: (() => PoolStats | null) | null = null;

/** Where the pool's figures come from (the Database, once open). */
export function watchPool(read: () => PoolStats | null): void {
  poolStats = read;
}

new Gauge({
  name: 'sop_db_pool_connections',
  help: 'Database connections of this process: max (the pool size), total open, idle, and requests waiting for one',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const s = poolStats?.();
    if (!s) return;
    this.set({ state: 'max' }, s.max);
    this.set({ state: 'total' }, s.total);
    this.set({ state: 'idle' }, s.idle);
    this.set({ state: 'in_use' }, s.total - s.idle);
    this.set({ state: 'waiting' }, s.waiting);
  },
});

/** What a worker pool has at hand when scraped: tasks running on its threads, and waiting for one. */
export type WorkerPoolLoad = () => { running: number; waiting: number };

// by pool name: every live pool of that name (a process may hold more than one, e.g. in tests)
const workerPools = new Map<string, Set<WorkerPoolLoad>>();

/** Counts a worker pool's tasks in `sop_worker_tasks` until the returned function is called (its close). */
export function watchWorkerPool(pool: string, load: WorkerPoolLoad): () => void {
  const live = workerPools.get(pool) ?? new Set<WorkerPoolLoad>();
  workerPools.set(pool, live);
  live.add(load);
  return () => live.delete(load);
}

new Gauge({
  name: 'sop_worker_tasks',
  help: 'Tasks of the worker-thread pools of this process (password checks, SOP checks): running on a thread, and waiting for one',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
  collect() {
    for (const [pool, live] of workerPools) {
      let running = 0;
      let waiting = 0;
      for (const load of live) {
        const l = load();
        running += l.running;
        waiting += l.waiting;
      }
      this.set({ pool, state: 'running' }, running);
      this.set({ pool, state: 'waiting' }, waiting);
    }
  },
});

export const workerTasksRefused = new Counter({
  name: 'sop_worker_tasks_refused_total',
  help: 'Tasks a worker-thread pool refused because every thread was busy and its queue full (answered 503)',
  labelNames: ['pool'] as const,
  registers: [registry],
});

/** A transition written: an event applied, or a deadline fired (with how long after its due time). */
export function observeTransition(entry: { event: string; dueAt: Date | null }, now: Date, deadline: boolean): void {
  if (!deadline) {
    eventsApplied.inc({ event: entry.event });
    return;
  }
  deadlinesFired.inc();
  if (entry.dueAt) deadlineLag.observe(Math.max(0, (now.getTime() - new Date(entry.dueAt).getTime()) / 1000));
}
