import { SYSTEM_PERIODIC } from '@sop/api-contract';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { periodicRunsDue, startCase } from '@sop/case-engine';
import type pino from 'pino';
import type { Case } from '../cases/case';
import type { CasesRepository } from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import { newTicket } from '../cases/tickets';
import type { Clock } from '../common/clock';
import type { HolidayCalendars } from '../holidays/holiday-calendars';
import { sweepDuration } from '../metrics/metrics';
import type { SopCatalog } from '../sops/sop-catalog.service';

/**
 * The background work of every API process: fires passed deadlines as EXPIRE events and opens the
 * runs of periodic procedures. Safe with several processes on one database: a deadline fires only
 * if the case is still at the version and deadline that were read (one conditional UPDATE), and a
 * periodic run is unique per procedure and period.
 */
/** A deadline row that could not be fired: kept out of the way of the others and shown by health. */
export interface FailingDeadline {
  caseId: string;
  ticket: string;
  error: string;
  since: Date;
  attempts: number;
}

/** How long an Idempotency-Key is remembered (README: retried requests within 7 days are answered once). */
export const IDEMPOTENCY_KEY_RETENTION_MS = 7 * 24 * 3600_000;

/** How often the loop removes expired idempotency keys. */
const PRUNE_EVERY_MS = 3600_000;

/** The complaints a periodic run lists of its period (with their count): the rest are in the reports' logbook. */
export const PERIODIC_LOGBOOK_LINES = 500;

/** How many passed deadlines one sweep statement claims and fires (docs/adr/0020-batched-deadline-sweep.md). */
const SWEEP_BATCH = 500;

/**
 * How long a claimed batch is this process's alone: far longer than firing a batch takes, short
 * enough that the rows of a process that died mid-batch wait little before another takes them.
 */
const SWEEP_LEASE_MS = 5000;

/** How long a failing row is left alone before the loop tries it again. */
const RETRY_FAILING_AFTER_MS = 5 * 60_000;

export class WorkLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private repaired = false;
  private warnedOn: string | null = null;
  private prunedAt = 0;
  /** Where the catch-up sealing of forms filed before encryption goes on from; 'done' when finished. */
  private sealCursor: string | null | 'done' = null;
  private readonly failing = new Map<string, FailingDeadline & { lastTry: number }>();

  constructor(
    private readonly cases: CasesService,
    private readonly repository: CasesRepository,
    private readonly catalog: SopCatalog,
    private readonly calendars: HolidayCalendars,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly logger: pino.Logger,
    /** Removes uploaded files no complaint or event claimed in time (docs/adr/0013-attachments.md). */
    private readonly attachments?: { removeUnclaimed(): Promise<number> },
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping passes are skipped. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        await this.calendars.refresh();
        this.warnAboutCoverage();
        if (!this.repaired) {
          // deadlines that could not be computed before (no holiday data for their year) get one now
          const repaired = await this.cases.recomputeDeadlines(null, new Date(0), new Date(0));
          if (repaired) this.logger.warn({ repaired }, 'deadlines computed for cases that had none (holiday data was missing)');
          this.repaired = true;
        }
        const endSweep = sweepDuration.startTimer();
        await this.fireDeadlines();
        endSweep();
        await this.openPeriodicRuns();
        await this.pruneIdempotencyKeys();
        await this.sealPlaintextForms();
        await this.attachments?.removeUnclaimed();
      } catch (e) {
        this.logger.error({ err: e }, 'work loop pass failed');
      } finally {
        this.running = null;
      }
    })();
    await this.running;
  }

  /** Once a day (WIB), while the official holiday lists end within 90 days, says so in the log. */
  private warnAboutCoverage(): void {
    const coverage = this.calendars.coverage(this.clock.now());
    if (coverage.status === 'ok' || this.warnedOn === coverage.today) return;
    this.warnedOn = coverage.today;
    this.logger.warn({ officialThrough: coverage.officialThrough, daysLeft: coverage.daysLeft, provisionalFrom: coverage.provisionalFrom }, coverage.message);
  }

  /** One batch per pass of sealing the confidential values of complaints filed before encryption. */
  async sealPlaintextForms(): Promise<number> {
    if (this.sealCursor === 'done') return 0;
    const { next, sealed } = await this.cases.sealPlaintextForms(this.sealCursor, 1000);
    if (sealed) this.logger.info({ sealed }, 'confidential form values of earlier complaints encrypted');
    this.sealCursor = next ?? 'done';
    return sealed;
  }

  /** Once an hour, forgets idempotency keys older than the retention, in bounded batches. */
  async pruneIdempotencyKeys(): Promise<number> {
    const now = this.clock.now().getTime();
    if (now - this.prunedAt < PRUNE_EVERY_MS) return 0;
    this.prunedAt = now;
    let removed = 0;
    for (let batch = 0; batch < 100; batch++) {
      const n = await this.repository.pruneIdempotencyKeys(new Date(now - IDEMPOTENCY_KEY_RETENTION_MS), 5000);
      removed += n;
      if (n < 5000) break;
    }
    if (removed) this.logger.info({ removed }, 'expired idempotency keys removed');
    return removed;
  }

  /** The deadline rows that failed to fire, for health. */
  failingDeadlines(): FailingDeadline[] {
    return [...this.failing.values()].map(({ lastTry: _, ...f }) => f);
  }

  /**
   * Fires every passed deadline, a batch at a time (docs/adr/0020-batched-deadline-sweep.md): a
   * claim of up to SWEEP_BATCH rows, leased to this process, then one conditional statement that
   * fires them all. A row that cannot be fired is logged, set aside for a while and reported by
   * health, and never stops the rows beside or behind it; should the batch's statement itself fail,
   * its rows are fired one by one to find the one at fault.
   */
  async fireDeadlines(): Promise<number> {
    let fired = 0;
    const startMs = this.clock.now().getTime();
    const skipped = new Set<string>();
    for (const [id, f] of this.failing) {
      if (startMs - f.lastTry > 2 * RETRY_FAILING_AFTER_MS)
        this.failing.delete(id); // no longer due: fired elsewhere or moved
      else if (startMs - f.lastTry < RETRY_FAILING_AFTER_MS) skipped.add(id);
    }
    for (;;) {
      const now = this.clock.now();
      // rows claimed earlier in this pass are leased, so each claim takes new ones and the pass ends
      const claimStarted = Date.now();
      const due = await this.repository.claimDue(now, SWEEP_BATCH, [...skipped], SWEEP_LEASE_MS);
      if (!due.length) return fired;
      let failed: { row: Case; error: unknown }[];
      try {
        const fireStarted = Date.now();
        const outcome = await this.cases.expireMany(due);
        this.logger.debug(
          { claimed: due.length, fired: outcome.fired, claimMs: fireStarted - claimStarted, fireMs: Date.now() - fireStarted },
          'deadline batch',
        );
        fired += outcome.fired;
        failed = outcome.failed;
      } catch (e) {
        this.logger.warn({ err: e, rows: due.length }, 'a batch of deadlines could not be written at once; firing them one by one');
        failed = [];
        for (const row of due) {
          try {
            if (await this.cases.expire(row)) fired++;
          } catch (error) {
            failed.push({ row, error });
          }
        }
      }
      const failedIds = new Set(failed.map((f) => f.row.id));
      for (const row of due) if (!failedIds.has(row.id)) this.failing.delete(row.id);
      for (const { row, error } of failed) {
        skipped.add(row.id);
        const before = this.failing.get(row.id);
        const message = error instanceof Error ? error.message : String(error);
        this.failing.set(row.id, {
          caseId: row.id,
          ticket: row.ticket,
          error: message,
          since: before?.since ?? now,
          attempts: (before?.attempts ?? 0) + 1,
          lastTry: now.getTime(),
        });
        this.logger.error({ case: row.id, step: row.step, err: error }, 'a deadline could not be fired; the others go on');
      }
    }
  }

  /**
   * Opens the periodic runs due now. Each carries the first {@link PERIODIC_LOGBOOK_LINES} complaints
   * of its period and their count (a yearly run of a large regency has hundreds of thousands: the
   * reports' logbook pages through them all).
   */
  async openPeriodicRuns(): Promise<number> {
    let opened = 0;
    const now = this.clock.now();
    for (const published of await this.catalog.allLatest()) {
      // an SOP published for viewing only (its source cut off) opens no periodic runs
      if (!published.runnability.runnable) continue;
      const procedures = published.sop.periodic ?? [];
      if (!procedures.length) continue;
      for (const run of periodicRunsDue(procedures, published.calendar, now)) {
        if (await this.repository.periodicRunExists(published.sopId, run.periodicId, run.period)) continue;
        const flow = published.compiled.periodic[run.periodicId];
        const { lines: logbook, total } = await this.repository.logbook(published.sopId, run.from, run.to, PERIODIC_LOGBOOK_LINES);
        const { state, entry } = startCase(flow, published.calendar, now);
        const row = await this.repository.insert(
          {
            ticket: newTicket(published.sopId),
            // a periodic run has no complainant: nobody holds a code to its steps
            accessCodeHash: null,
            sopId: published.sopId,
            sopVersionId: published.versionId,
            kind: 'periodic',
            periodicId: run.periodicId,
            period: run.period,
            channel: null,
            category: null,
            formData: { logbook, logbookTotal: total, period: { from: run.from, to: run.to } },
            createdBy: null,
            now,
          },
          state,
          entry,
          { id: null, name: SYSTEM_PERIODIC },
          `${procedures.find((p) => p.id === run.periodicId)!.name}: periode ${run.period}, ${total} pengaduan`,
        );
        if (row) {
          opened++;
          this.logger.info({ sop: published.sopId, periodic: run.periodicId, period: run.period, complaints: total }, 'periodic run opened');
        }
      }
    }
    return opened;
  }
}
