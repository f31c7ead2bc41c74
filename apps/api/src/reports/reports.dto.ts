import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { REPORT_LANGUAGES, REPORT_TABLES } from './report-tables';
import { LOGBOOK_PAGE_SIZE, MAX_LOGBOOK_PAGE_SIZE } from './reports.service';

export class ReportQueryDto {
  @ApiPropertyOptional({
    description: 'SOP id of the regency; only reviewers may name another regency than their own (and must name one)',
    example: 'buleleng',
  })
  @IsOptional()
  @IsString({ message: 'regency must be text: one SOP id such as "buleleng"' })
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'regency must be an SOP id such as "buleleng" (lower-case letters, digits and dashes)' })
  regency?: string;

  @ApiPropertyOptional({ description: "A calendar month in the office's time zone, YYYY-MM (default: the current month)", example: '2026-11' })
  @IsOptional()
  @IsString({ message: 'month must be text written YYYY-MM, e.g. 2026-11' })
  month?: string;

  @ApiPropertyOptional({ description: "The first day, YYYY-MM-DD in the office's time zone (with to; not with month)", example: '2026-11-01' })
  @IsOptional()
  @IsString({ message: 'from must be one date written YYYY-MM-DD, e.g. 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'The last day, YYYY-MM-DD, included', example: '2026-11-30' })
  @IsOptional()
  @IsString({ message: 'to must be one date written YYYY-MM-DD, e.g. 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: one table (see table) as a UTF-8 CSV file with a BOM' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ enum: REPORT_TABLES, description: 'The table to download, with format=csv' })
  @IsOptional()
  @IsIn(REPORT_TABLES as unknown as string[], { message: `table must be one of ${REPORT_TABLES.join(', ')}` })
  table?: (typeof REPORT_TABLES)[number];

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: "The CSV header's language (SOP content stays as written); default id" })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES as unknown as string[], { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: (typeof REPORT_LANGUAGES)[number];

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000, description: "The logbook's page in the JSON report (the CSV holds every line)" })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'logbookPage must be a whole number, e.g. 2' })
  @Min(1, { message: 'logbookPage starts at 1' })
  @Max(1_000_000, { message: 'logbookPage is at most 1000000' })
  logbookPage?: number;

  @ApiPropertyOptional({
    default: LOGBOOK_PAGE_SIZE,
    minimum: 1,
    maximum: MAX_LOGBOOK_PAGE_SIZE,
    description: "The logbook's lines per page in the JSON report",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'logbookPageSize must be a whole number, e.g. 100' })
  @Min(1, { message: 'logbookPageSize is at least 1' })
  @Max(MAX_LOGBOOK_PAGE_SIZE, { message: `logbookPageSize is at most ${MAX_LOGBOOK_PAGE_SIZE}` })
  logbookPageSize?: number;
}
