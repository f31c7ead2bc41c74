import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { toCsv } from './csv';
import { REPORT_TABLES, reportTable } from './report-tables';
import { ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: "A regency's report for a period: recaps by day, month, channel, category, status and outcome; frequent problems; time per step and lane against the limits; the logbook. No complainant's identity.",
  })
  async report(@CurrentUser() user: Principal, @Query() q: ReportQueryDto, @Res({ passthrough: true }) res: Response) {
    if (q.format === 'csv' && !q.table) {
      throw new BadInputException('which table?', [{ field: 'table', message: `with format=csv, name the table: one of ${REPORT_TABLES.join(', ')}` }]);
    }
    if (q.table && q.format !== 'csv') {
      throw new BadInputException('a table is downloaded as CSV', [{ field: 'format', message: 'add format=csv to download one table, or leave table out for the whole report as JSON' }]);
    }
    const report = await this.reports.report(user, q);
    if (q.format !== 'csv') return report;
    const { header, rows } = reportTable(report, q.table!, q.lang ?? 'id');
    const period = report.period.month ?? (report.period.from === report.period.to ? report.period.from : `${report.period.from}_${report.period.to}`);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="laporan-${report.regency.id}-${period}-${q.table}.csv"`);
    return toCsv(header, rows);
  }
}
