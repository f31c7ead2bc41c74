import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { DATE_OR_INSTANT, dateOrInstantOf } from '../common/date-or-instant';
import { BadInputException, type FieldError } from '../common/errors';
import { quoted } from '../common/quoted';
import { said } from '../common/validation';
import { LaporService } from './lapor.service';

const SOP_ID = /^[a-z][a-z0-9-]{0,63}$/;

const sopIdError: FieldError = {
  field: 'sop',
  message: 'the path names an SOP id such as "metro"',
  messageId: 'jalur ini menyebut id SOP, mis. "metro": huruf kecil, angka dan tanda hubung',
};

function sopIdOf(sop: string): string {
  if (!SOP_ID.test(sop)) throw new BadInputException('not an SOP id', [sopIdError]);
  return sop;
}

const SINCE_RULE = {
  message:
    'since must be a date (2026-12-01) or an instant with its offset (2026-12-01T00:00:00+07:00 or 2026-12-01T00:00:00Z) in ISO 8601, a real day and time',
  messageId:
    'since harus tanggal (2026-12-01) atau waktu beserta zona waktunya (2026-12-01T00:00:00+07:00 atau 2026-12-01T00:00:00Z) menurut ISO 8601, hari dan jam yang ada',
};

const AFTER_RULE = {
  message: 'after must be the next cursor of the previous page, as given (e.g. 2026-12-01T02:00:00.000Z_6f1c2a3e-0b4d-4c5e-9f60-718293a4b5c6)',
  messageId: 'after harus kursor next dari halaman sebelumnya, persis seperti diberikan (mis. 2026-12-01T02:00:00.000Z_6f1c2a3e-0b4d-4c5e-9f60-718293a4b5c6)',
};

/** `since` as an instant, or the field error saying what to write. */
function sinceOf(text: string): Date | FieldError {
  const at = dateOrInstantOf(text);
  if (at) return at;
  // "+07:00" unencoded in a URL arrives as " 07:00"
  const plus = /T[\d:.]+ \d{2}:\d{2}$/.test(text);
  return {
    field: 'since',
    message: `${SINCE_RULE.message}; ${quoted(text)} is not one${plus ? ' (in a URL, write the + of the offset as %2B)' : ''}`,
    messageId: `${SINCE_RULE.messageId}; ${quoted(text)} bukan salah satunya${plus ? ' (di URL, tulis tanda + zona waktu sebagai %2B)' : ''}`,
  };
}

/** A cursor as `next` gives it: the instant as toISOString() writes it, `_`, and the case id (a UUID, lower case). */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor `after`, or the field error saying what to send. */
function cursorOf(text: string): { at: Date; id: string } | FieldError {
  const m = CURSOR.exec(text);
  const at = m ? dateOrInstantOf(m[1]) : null;
  // the instant written back the same way: a real one, as `next` gave it
  if (m && at && at.toISOString() === m[1]) return { at, id: m[2] };
  return {
    field: 'after',
    message: `${AFTER_RULE.message}; ${quoted(text)} is not one: copy next as it is, or leave after out for the first page`,
    messageId: `${AFTER_RULE.messageId}; ${quoted(text)} bukan kursor itu: salin next apa adanya, atau jangan sertakan after untuk halaman pertama`,
  };
}

export class LaporImportDto {
  @ApiProperty({ enum: ['csv', 'json'], description: 'How content is written: a CSV with a header row, or a JSON list of reports' })
  @IsIn(['csv', 'json'], said('format must be csv or json', 'format harus csv atau json'))
  format: 'csv' | 'json';

  @ApiProperty({
    description:
      'The file exported from SP4N-LAPOR! as text: tracking_id, title, content, category, disposition, status (or Tracking ID, Judul, Isi Laporan, Kategori, Disposisi, Status)',
    example:
      'tracking_id,title,content,category,disposition,status\r\n4412001,KTP-el belum jadi,Sudah tiga bulan menunggu,Administrasi Kependudukan,Dinas Dukcapil,Terdisposisi\r\n',
  })
  @IsString(said('content must be the text of the exported file', 'content harus teks berkas ekspor LAPOR!'))
  @MaxLength(
    1_000_000,
    said(
      'content is at most 1,000,000 characters: split the export into batches',
      'content paling panjang 1.000.000 karakter: bagi ekspornya menjadi beberapa kiriman',
    ),
  )
  content: string;
}

export class LaporUpdatesQuery {
  @ApiProperty({
    description: 'Changes after this date (midnight UTC) or instant with its offset (ISO 8601: 2026-12-01, 2026-12-01T00:00:00+07:00, 2026-12-01T00:00:00Z)',
    example: '2026-12-01T00:00:00+07:00',
    pattern: DATE_OR_INSTANT.source,
  })
  // the form and the calendar are checked by sinceOf, before anything is read
  @IsString(said(SINCE_RULE.message, SINCE_RULE.messageId))
  since: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], said('format must be json or csv', 'format harus json atau csv'))
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 1000, description: 'JSON: updates per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt(said('limit must be a whole number', 'limit harus bilangan bulat'))
  @Min(1, said('limit is 1 to 1000', 'limit antara 1 dan 1000'))
  @Max(1000, said('limit is 1 to 1000', 'limit antara 1 dan 1000'))
  limit?: number;

  @ApiPropertyOptional({ description: 'JSON: the `next` of the previous page, as given', pattern: CURSOR.source })
  @IsOptional()
  // the cursor is read by cursorOf, before anything is read
  @IsString(said(AFTER_RULE.message, AFTER_RULE.messageId))
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
    // every check of the request before anything is read: the CSV's first byte commits it to a 200
    const errors: FieldError[] = [];
    if (!SOP_ID.test(sop)) errors.push(sopIdError);
    const since = sinceOf(q.since);
    if (!(since instanceof Date)) errors.push(since);
    let after: { at: Date; id: string } | null = null;
    if (q.format === 'csv') {
      for (const field of ['limit', 'after'] as const) {
        if (q[field] !== undefined) {
          errors.push({
            field,
            message: 'the CSV holds every update since the date: leave limit and after out',
            messageId: 'CSV memuat semua perubahan sejak tanggal itu: jangan sertakan limit dan after',
          });
        }
      }
    } else if (q.after !== undefined) {
      const cursor = cursorOf(q.after);
      if ('field' in cursor) errors.push(cursor);
      else after = cursor;
    }
    if (errors.length || !(since instanceof Date)) throw new BadInputException('the request is not valid: see errors', errors);
    if (q.format === 'csv') {
      const lines = await this.lapor.updatesCsv(user, sop, since);
      return new StreamableFile(Readable.from(lines), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="lapor-${sop}.csv"` });
    }
    return this.lapor.updates(user, sop, since, after, q.limit ?? 500);
  }
}
