import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { periodicRunsDue, startCase } from '@sop/case-engine';
import type pino from 'pino';
import type { CasesRepository } from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import { newTicket } from '../cases/tickets';
import type { Clock } from '../common/clock';
import type { SopCatalog } from '../sops/sop-catalog.service';

/**
 * The background work of every API process: fires passed deadlines as EXPIRE events and opens the
 * runs of periodic procedures. Safe with several processes on one database: a deadline fires only
 * if the case is still at the version and deadline that were read (one conditional UPDATE), and a
 * periodic run is unique per procedure and period.
 */
export class WorkLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly cases: CasesService,
    private readonly repository: CasesRepository,
    private readonly catalog: SopCatalog,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly logger: pino.Logger,
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
        await this.fireDeadlines();
        await this.openPeriodicRuns();
      } catch (e) {
        this.logger.error({ err: e }, 'work loop pass failed');
      } finally {
        this.running = null;
      }
    })();
    await this.running;
  }

  async fireDeadlines(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await this.repository.due(this.clock.now(), 50);
      if (!due.length) return fired;
      let progress = 0;
      for (const row of due) {
        if (await this.cases.expire(row)) {
          fired++;
          progress++;
        }
      }
      if (progress === 0) return fired; // others fired them; they will be gone on the next read
    }
  }

  async openPeriodicRuns(): Promise<number> {
    let opened = 0;
    const now = this.clock.now();
    for (const published of await this.catalog.allLatest()) {
      const procedures = published.sop.periodic ?? [];
      if (!procedures.length) continue;
      for (const run of periodicRunsDue(procedures, published.calendar, now)) {
        if (await this.repository.periodicRunExists(published.sopId, run.periodicId, run.period)) continue;
        const flow = published.compiled.periodic[run.periodicId];
        const logbook = await this.repository.logbook(published.sopId, run.from, run.to);
        const { state, entry } = startCase(flow, published.calendar, now);
        const row = await this.repository.insert(
          {
            ticket: newTicket(published.sopId),
            sopId: published.sopId,
            sopVersionId: published.versionId,
            kind: 'periodic',
            periodicId: run.periodicId,
            period: run.period,
            channel: null,
            category: null,
            formData: { logbook, period: { from: run.from, to: run.to } },
            createdBy: null,
            now,
          },
          state,
          entry,
          { id: null, name: 'Sistem (jadwal berkala)' },
          `${procedures.find((p) => p.id === run.periodicId)!.name}: periode ${run.period}, ${logbook.length} pengaduan`,
        );
        if (row) {
          opened++;
          this.logger.info({ sop: published.sopId, periodic: run.periodicId, period: run.period, complaints: logbook.length }, 'periodic run opened');
        }
      }
    }
    return opened;
  }
}
