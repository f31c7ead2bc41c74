import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class DatedEntryDto {
  @ApiProperty({ example: '2027-01-01', description: 'The local date, YYYY-MM-DD' })
  @IsString({ message: 'date must be text such as "2027-01-01"' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be written YYYY-MM-DD, e.g. 2027-01-01' })
  date: string;

  @ApiProperty({ example: 'Tahun Baru Masehi' })
  @IsString({ message: 'name must be text: what the day is' })
  @MinLength(1, { message: 'name must not be empty: say what the day is (e.g. "Hari Raya Nyepi")' })
  @MaxLength(200, { message: 'name is at most 200 characters' })
  name: string;
}

export class HolidayListDto {
  @ApiProperty({ description: 'The decree the dates come from (e.g. "SKB 3 Menteri No. …/2026 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027")' })
  @IsString({ message: 'source must be text: the decree the dates come from' })
  @MinLength(1, { message: 'source must not be empty: name the decree the dates come from' })
  @MaxLength(2000, { message: 'source is at most 2000 characters' })
  source: string;

  @ApiProperty({ type: [DatedEntryDto], description: 'National holidays (or, for an office, its own closures)' })
  @IsArray({ message: 'holidays must be a list of { date, name }' })
  @ArrayMaxSize(100, { message: 'holidays has at most 100 days' })
  @ValidateNested({ each: true })
  @Type(() => DatedEntryDto)
  holidays: DatedEntryDto[];

  @ApiPropertyOptional({ type: [DatedEntryDto], description: 'Cuti bersama (national lists only)' })
  @IsOptional()
  @IsArray({ message: 'cutiBersama must be a list of { date, name }' })
  @ArrayMaxSize(100, { message: 'cutiBersama has at most 100 days' })
  @ValidateNested({ each: true })
  @Type(() => DatedEntryDto)
  cutiBersama?: DatedEntryDto[];

  @ApiPropertyOptional({ description: 'What changed and why (e.g. "Idulfitri moved after the sidang isbat")' })
  @IsOptional()
  @IsString({ message: 'changeNote must be text' })
  @MaxLength(2000, { message: 'changeNote is at most 2000 characters' })
  changeNote?: string;

  @ApiPropertyOptional({ description: 'The version you edited (0 when none was loaded): 409 if another load came in between', example: 0 })
  @IsOptional()
  @IsInt({ message: 'basedOnVersion must be a whole number: the version you edited, 0 for none' })
  @Min(0, { message: 'basedOnVersion is 0 or more' })
  @Max(2_147_483_647, { message: 'basedOnVersion is too large' })
  basedOnVersion?: number;
}
