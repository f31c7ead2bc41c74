import { Controller, Get, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { toCsv } from './csv';
import { NationalReports, nationalTable } from './national-report';
import { NationalQueryDto } from './national.dto';

const slug = (p: { from: string; to: string; month: string | null }) => p.month ?? (p.from === p.to ? p.from : `${p.from}_${p.to}`);

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/reports/national')
export class NationalReportsController {
  constructor(private readonly national: NationalReports) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Reviewers: every regency side by side over a period (month, or from/to up to five years): complaints, median and p90 working time to close (the office’s: time at steps the complainant works is not counted), share closed within the SOP’s own limit and within 3 / 5 / 10 hari kerja (SP4N-LAPOR!), escalations, the slowest step. format=csv for the table.',
  })
  async report(@CurrentUser() user: Principal, @Query() q: NationalQueryDto) {
    const report = await this.national.report(user, q);
    if (q.format !== 'csv') return report;
    const { header, rows } = nationalTable(report, q.lang ?? 'id');
    return new StreamableFile(Buffer.from(toCsv(header, rows), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="laporan-nasional-${slug(report.period)}.csv"`,
    });
  }
}
