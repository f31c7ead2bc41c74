import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { said } from '../common/validation';

export class DatedEntryDto {
  @ApiProperty({ example: '2027-01-01', description: 'The local date, YYYY-MM-DD' })
  @IsString(said('date must be text such as "2027-01-01"', 'tanggal harus berupa teks seperti "2027-01-01"'))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, said('date must be written YYYY-MM-DD, e.g. 2027-01-01', 'tanggal ditulis TTTT-BB-HH, mis. 2027-01-01'))
  date: string;

  @ApiProperty({ example: 'Tahun Baru Masehi' })
  @IsString(said('name must be text: what the day is', 'nama harus berupa teks: hari apa itu'))
  @MinLength(
    1,
    said('name must not be empty: say what the day is (e.g. "Hari Raya Nyepi")', 'nama tidak boleh kosong: sebutkan hari apa itu (mis. "Hari Raya Nyepi")'),
  )
  @MaxLength(200, said('name is at most 200 characters', 'nama hari paling panjang 200 karakter'))
  name: string;
}

export class HolidayListDto {
  @ApiProperty({ description: 'The decree the dates come from (e.g. "SKB 3 Menteri No. …/2026 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027")' })
  @IsString(said('source must be text: the decree the dates come from', 'dasar hukum harus berupa teks: surat keputusan asal tanggal-tanggal itu'))
  @MinLength(
    1,
    said('source must not be empty: name the decree the dates come from', 'dasar hukum tidak boleh kosong: sebutkan surat keputusan asal tanggal-tanggal itu'),
  )
  @MaxLength(2000, said('source is at most 2000 characters', 'dasar hukum paling panjang 2000 karakter'))
  source: string;

  @ApiProperty({ type: [DatedEntryDto], description: 'National holidays (or, for an office, its own closures)' })
  @IsArray(said('holidays must be a list of { date, name }', 'hari libur harus berupa daftar { date, name }'))
  @ArrayMaxSize(100, said('holidays has at most 100 days', 'hari libur paling banyak 100 hari'))
  @ValidateNested({
    each: true,
    ...said(
      'each holiday is { date, name }, e.g. { "date": "2027-01-01", "name": "Tahun Baru Masehi" }',
      'setiap hari libur berupa { date, name }, mis. { "date": "2027-01-01", "name": "Tahun Baru Masehi" }',
    ),
  })
  @Type(() => DatedEntryDto)
  holidays: DatedEntryDto[];

  @ApiPropertyOptional({ type: [DatedEntryDto], description: 'Cuti bersama (national lists only)' })
  @IsOptional()
  @IsArray(said('cutiBersama must be a list of { date, name }', 'cuti bersama harus berupa daftar { date, name }'))
  @ArrayMaxSize(100, said('cutiBersama has at most 100 days', 'cuti bersama paling banyak 100 hari'))
  @ValidateNested({
    each: true,
    ...said(
      'each day of cuti bersama is { date, name }, e.g. { "date": "2027-01-04", "name": "Cuti bersama" }',
      'setiap hari cuti bersama berupa { date, name }, mis. { "date": "2027-01-04", "name": "Cuti bersama" }',
    ),
  })
  @Type(() => DatedEntryDto)
  cutiBersama?: DatedEntryDto[];

  @ApiPropertyOptional({ description: 'What changed and why (e.g. "Idulfitri moved after the sidang isbat")' })
  @IsOptional()
  @IsString(said('changeNote must be text', 'catatan perubahan harus berupa teks'))
  @MaxLength(2000, said('changeNote is at most 2000 characters', 'catatan perubahan paling panjang 2000 karakter'))
  changeNote?: string;

  @ApiPropertyOptional({ description: 'The version you edited (0 when none was loaded): 409 if another load came in between', example: 0 })
  @IsOptional()
  @IsInt(
    said(
      'basedOnVersion must be a whole number: the version you edited, 0 for none',
      'versi dasar harus bilangan bulat: versi yang Anda ubah, 0 bila belum ada',
    ),
  )
  @Min(0, said('basedOnVersion is 0 or more', 'versi dasar paling kecil 0'))
  @Max(2_147_483_647, said('basedOnVersion is too large', 'versi dasar terlalu besar'))
  basedOnVersion?: number;
}

/** `?sop=` (one office's closures too) and `?lang=` of the holiday reads; any other parameter, or `sop` twice or as a list, is refused. */
export class HolidayReadQuery {
  @ApiPropertyOptional({ description: "An SOP id: that office's own closures too", example: 'metro' })
  @IsOptional()
  @IsString(said('sop is one SOP id, sent once (e.g. sop=metro)', 'sop berisi satu id SOP, dikirim sekali (mis. sop=metro)'))
  @Matches(
    /^[a-z][a-z0-9-]{0,63}$/,
    said('an SOP id is lower-case letters, digits and dashes, e.g. "metro"', 'id SOP terdiri atas huruf kecil, angka dan tanda hubung, mis. "metro"'),
  )
  sop?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'], description: 'The language of the notes (else Accept-Language)' })
  @IsOptional()
  @IsIn(['id', 'en'], said('lang is id or en', 'lang berisi id atau en'))
  lang?: 'id' | 'en';
}
