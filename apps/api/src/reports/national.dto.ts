import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { REPORT_LANGUAGES } from './report-tables';

export class NationalQueryDto {
  @ApiPropertyOptional({ description: "A calendar month, YYYY-MM, in each office's time zone (default: the current month)", example: '2026-11' })
  @IsOptional()
  @IsString({ message: 'month must be text written YYYY-MM, e.g. 2026-11' })
  month?: string;

  @ApiPropertyOptional({ description: "The first day, YYYY-MM-DD in each office's time zone (with to; not with month)", example: '2026-01-01' })
  @IsOptional()
  @IsString({ message: 'from must be one date written YYYY-MM-DD, e.g. 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'The last day, YYYY-MM-DD, included; at most five years after from', example: '2026-12-31' })
  @IsOptional()
  @IsString({ message: 'to must be one date written YYYY-MM-DD, e.g. 2026-12-31' })
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the table as a UTF-8 CSV file with a BOM' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: "The CSV header's language (SOP content stays as written); default id" })
  @IsOptional()
  @IsIn([...REPORT_LANGUAGES], { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: (typeof REPORT_LANGUAGES)[number];
}
