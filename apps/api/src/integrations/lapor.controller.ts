import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { LaporService } from './lapor.service';

const SOP_ID = /^[a-z][a-z0-9-]{0,63}$/;

function sopIdOf(sop: string): string {
  if (!SOP_ID.test(sop)) throw new BadInputException('not an SOP id', [{ field: 'sop', message: 'the path names an SOP id such as "metro"' }]);
  return sop;
}

export class LaporImportDto {
  @ApiProperty({ enum: ['csv', 'json'], description: 'How content is written: a CSV with a header row, or a JSON list of reports' })
  @IsIn(['csv', 'json'], { message: 'format must be csv or json' })
  format: 'csv' | 'json';

  @ApiProperty({
    description:
      'The file exported from SP4N-LAPOR! as text: tracking_id, title, content, category, disposition, status (or Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)',
    example:
      'tracking_id,title,content,category,disposition,status\r\n4412001,KTP-el belum jadi,Sudah tiga bulan menunggu,Administrasi Kependudukan,Dinas Dukcapil,Terdisposisi\r\n',
  })
  @IsString({ message: 'content must be the text of the exported file' })
  @MaxLength(1_000_000, { message: 'content is at most 1,000,000 characters: split the export into batches' })
  content: string;
}

export class LaporUpdatesQuery {
  @ApiProperty({ description: 'Changes after this instant (ISO 8601)', example: '2026-12-01T00:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date or instant, e.g. 2026-12-01T00:00:00+07:00' })
  since: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 1000, description: 'JSON: updates per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit is 1 to 1000' })
  @Max(1000, { message: 'limit is 1 to 1000' })
  limit?: number;

  @ApiPropertyOptional({ description: 'JSON: the `next` of the previous page' })
  @IsOptional()
  @IsString({ message: 'after must be the next cursor of the previous page' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/, { message: 'after must be the next cursor of the previous page, as given' })
  after?: string;
}

/** The SP4N-LAPOR! exchange of a regency: its administrator and the officers who receive LAPOR! reports. */
@ApiTags('lapor')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/lapor')
export class LaporController {
  constructor(private readonly lapor: LaporService) {}

  @Post(':sop/imports')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a batch of reports exported from SP4N-LAPOR! as cases on the LAPOR! channel: all or nothing (400 lists the bad rows); a tracking id already imported is skipped',
  })
  import(@CurrentUser() user: Principal, @Param('sop') sop: string, @Body() body: LaporImportDto) {
    return this.lapor.importBatch(user, sopIdOf(sop), body);
  }

  @Get(':sop/updates')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Status updates of the imported reports changed after `since`, in the LAPOR! shape (JSON pages, or the whole CSV)' })
  async updates(@CurrentUser() user: Principal, @Param('sop') sop: string, @Query() q: LaporUpdatesQuery) {
    const since = new Date(q.since);
    if (q.format === 'csv') {
      if (q.limit !== undefined || q.after !== undefined) {
        throw new BadInputException('the CSV is not paged', [
          { field: q.limit !== undefined ? 'limit' : 'after', message: 'the CSV holds every update since the date: leave limit and after out' },
        ]);
      }
      const lines = await this.lapor.updatesCsv(user, sopIdOf(sop), since);
      return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="lapor-${sop}.csv"` });
    }
    const after = q.after ? { at: new Date(q.after.slice(0, 24)), id: q.after.slice(25) } : null;
    return this.lapor.updates(user, sopIdOf(sop), since, after, q.limit ?? 500);
  }
}
