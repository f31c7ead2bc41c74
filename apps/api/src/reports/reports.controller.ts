import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { LogbookRow } from '@sop/report-model';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { csvField, toCsv, UTF8_BOM } from './csv';
import type { ReportPeriod } from './report-period';
import { REPORT_TABLES, reportTable } from './report-tables';
import { ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

const CSV_TYPE = 'text/csv; charset=utf-8';

const slug = (p: { from: string; to: string; month: string | null }) => p.month ?? (p.from === p.to ? p.from : `${p.from}_${p.to}`);
const attachment = (regency: string, period: { from: string; to: string; month: string | null }, table: string) =>
  `attachment; filename="laporan-${regency}-${slug(period)}-${table}.csv"`;
const csvLine = (cells: readonly (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;

/** The logbook as CSV, written batch by batch as the database gives them: the BOM and header first. */
async function* logbookCsv(header: string[], batches: AsyncGenerator<LogbookRow[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(UTF8_BOM + csvLine(header), 'utf8');
  for await (const rows of batches) yield Buffer.from(rows.map((r) => csvLine(r.cells)).join(''), 'utf8');
}

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      "A regency's report for a period (up to five years): recaps by day, month, channel, category, status and outcome; frequent problems; time per step and lane against the limits; the logbook, one page at a time (logbookPage, logbookPageSize; the CSV streams every line). No complainant's identity.",
  })
  async report(@CurrentUser() user: Principal, @Query() q: ReportQueryDto) {
    if (q.format === 'csv' && !q.table) {
      throw new BadInputException('which table?', [{ field: 'table', message: `with format=csv, name the table: one of ${REPORT_TABLES.join(', ')}` }]);
    }
    if (q.table && q.format !== 'csv') {
      throw new BadInputException('a table is downloaded as CSV', [
        { field: 'format', message: 'add format=csv to download one table, or leave table out for the whole report as JSON' },
      ]);
    }
    if (q.format === 'csv') {
      for (const field of ['logbookPage', 'logbookPageSize'] as const) {
        if (q[field] !== undefined)
          throw new BadInputException('the CSV is not paged', [
            { field, message: `${field} pages the JSON report's logbook; a CSV download holds every line: leave ${field} out` },
          ]);
      }
    }
    if (q.format !== 'csv') return this.reports.report(user, q);
    if (q.table === 'logbook') {
      const { regency, period, head, lines } = await this.reports.logbook(user, q);
      return new StreamableFile(
        Readable.from(
          logbookCsv(
            head.columns.map((c) => c.label),
            lines,
          ),
        ),
        { type: CSV_TYPE, disposition: attachment(regency, period as ReportPeriod, 'logbook') },
      );
    }
    const report = await this.reports.report(user, { ...q, logbookPageSize: 1 });
    const { header, rows } = reportTable(report, q.table!, q.lang ?? 'id');
    return new StreamableFile(Buffer.from(toCsv(header, rows), 'utf8'), {
      type: CSV_TYPE,
      disposition: attachment(report.regency.id, report.period, q.table!),
    });
  }
}
