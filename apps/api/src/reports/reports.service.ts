import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { BadInputException } from '../common/errors';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import type { Report } from '@sop/report-model';
import { buildReport } from './report-builder';
import { ReportLabels } from './report-labels';
import { reportPeriod } from './report-period';
import type { ReportsRepository } from './reports.repository';

export const REVIEWER = 'reviewer';

/** Reports of one regency over one period: who may read them, and the reading. */
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly catalog: SopCatalog,
    private readonly clock: Clock,
  ) {}

  /** The regency a user asks for, if they may read it: their own, or any for a reviewer. */
  async regencyFor(user: Principal, asked: string | undefined): Promise<PublishedSop> {
    const reviewer = user.permissions.includes(REVIEWER);
    const published = async () => (await this.catalog.allLatest()).map((p) => p.sopId).sort();
    if (!asked && reviewer) {
      throw new BadInputException('choose a regency', [{ field: 'regency', message: `as a reviewer, name the regency: one of ${(await published()).join(', ')}` }]);
    }
    const id = asked ?? user.regency;
    if (id !== user.regency && !reviewer) throw new ForbiddenException(`you work for ${user.regency}: you may read only its reports`);
    const latest = await this.catalog.latest(id);
    if (!latest) throw new BadInputException('unknown regency', [{ field: 'regency', message: `"${id}" has no published SOP; published: ${(await published()).join(', ')}` }]);
    return latest;
  }

  async report(user: Principal, query: { regency?: string; month?: string; from?: string; to?: string }): Promise<Report> {
    const latest = await this.regencyFor(user, query.regency);
    const now = this.clock.now();
    const period = reportPeriod(query, latest.sop.calendar.timeZone, now);
    const { sopId } = latest;
    const { start, end } = period;
    const complaints = await this.repository.complaints(sopId, start, end);
    const kartu = await this.repository.kartuOfComplaints(sopId, start, end);
    const handOvers = await this.repository.handOversIn(sopId, start, end);
    const periodicRuns = await this.repository.periodicRuns(sopId, start, end);
    const versionIds = new Set([...complaints, ...kartu, ...handOvers, ...periodicRuns].map((r) => r.sop_version_id));
    const versions = new Map<string, PublishedSop>();
    for (const id of versionIds) versions.set(id, await this.catalog.byId(id));
    versions.set(latest.versionId, latest);
    const confidentialFields = [...new Set([...versions.values()].flatMap((v) => v.form.fields.filter((f) => f.confidential).map((f) => f.id)))];
    const confidential = await this.repository.confidentialValues(sopId, start, end, confidentialFields);
    return buildReport({ period, labels: new ReportLabels(latest, versions), complaints, kartu, handOvers, periodicRuns, confidential, now });
  }
}
