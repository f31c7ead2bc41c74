import {
  EVENT_TYPES,
  MACHINE_EVENT_TYPES,
  type CaseEventRequest,
  type ReplyPreviewRequest,
  type CitizenEventRequest,
  type EventType,
  type MachineEventType,
} from '@sop/api-contract';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { FastBodySchema } from '../common/fast-body';
import { acceptEventBody, eventBodySchema } from './event-body-schema';

/** An event's `attachments`: at most 10 file tokens, each as an upload answered it. */
function FileTokens(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], description, example: ['att_3q2-…'] }),
    IsOptional(),
    IsArray({ message: 'attachments must be a list of file tokens' }),
    ArrayMaxSize(10, { message: 'attachments has at most 10 files' }),
    IsString({ each: true, message: 'each attachment must be a file token (att_…)' }),
    MaxLength(64, { each: true, message: 'a file token is at most 64 characters' }),
  );
}

export class NikOverrideDto {
  @ApiProperty({ description: 'The NIK field accepted as written', example: 'nik' })
  @IsString({ message: 'nikOverride.field must be the id of the NIK field' })
  @MaxLength(64, { message: 'nikOverride.field is at most 64 characters' })
  field: string;

  @ApiProperty({ description: 'Why the NIK is accepted (recorded on the kartu kendali and in the audit log)', minLength: 10, maxLength: 500 })
  @IsString({ message: 'nikOverride.reason must be text: why the NIK is accepted' })
  @MaxLength(500, { message: 'nikOverride.reason is at most 500 characters' })
  reason: string;
}

export class IntakeDto {
  @ApiProperty({ description: 'SOP id (the regency), e.g. buleleng', example: 'buleleng' })
  @IsString({ message: 'sop must be text' })
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'sop must be an SOP id such as "buleleng"' })
  sop: string;

  @ApiPropertyOptional({ description: "One of the SOP's channel ids (telepon, whatsapp, surat, …); the public form defaults to web", example: 'website' })
  @IsOptional()
  @IsString({ message: 'channel must be text' })
  @MaxLength(64, { message: 'channel is at most 64 characters' })
  channel?: string;

  @ApiProperty({
    description: "The SOP form's fields by id, as text",
    example: { nama: 'Ni Made Ayu', 'no-hp': '081234567890', sasaran: 'Pelayanan', isi: 'Antrian terlalu lama' },
  })
  @IsObject({ message: 'data must be an object of form fields' })
  data: Record<string, unknown>;

  @ApiPropertyOptional({ description: "An officer's registration only: what the caller said, verbatim (sealed at rest)", maxLength: 4000 })
  @IsOptional()
  @IsString({ message: 'callerWords must be text: what the caller said' })
  @MaxLength(4000, { message: 'callerWords is at most 4000 characters' })
  callerWords?: string;

  @ApiPropertyOptional({
    description: "An officer's registration only: when the complaint was actually received (not later than now, at most 14 days back); SOP time counts from it",
    example: '2026-12-04T09:30:00+07:00',
  })
  @IsOptional()
  @IsString({ message: 'receivedAt must be a date and time such as 2026-12-04T09:30:00+07:00' })
  @MaxLength(40, { message: 'receivedAt is at most 40 characters' })
  receivedAt?: string;

  @ApiPropertyOptional({ type: () => NikOverrideDto, description: "An officer's registration only: accept a NIK that fails an offline rule, saying why" })
  @IsOptional()
  @IsObject({ message: 'nikOverride must be an object with field and reason' })
  @ValidateNested()
  @Type(() => NikOverrideDto)
  nikOverride?: NikOverrideDto;
}

/** What the registration's duplicate check and the identity search look for: a NIK, a phone number, or both (never in a URL). */
export class IdentitySearchDto {
  @ApiPropertyOptional({ description: 'A NIK however written (16 digits; spaces, dots, dashes allowed)', example: '1872016107850001' })
  @IsOptional()
  @IsString({ message: 'nik must be text' })
  @MaxLength(40, { message: 'nik is at most 40 characters' })
  nik?: string;

  @ApiPropertyOptional({ description: 'A phone number: 08…, 628… and +628… are the same number', example: '0812-3456-7890' })
  @IsOptional()
  @IsString({ message: 'phone must be text' })
  @MaxLength(40, { message: 'phone is at most 40 characters' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['open', 'done'], description: 'Only open or finished cases (both when left out)' })
  @IsOptional()
  @IsIn(['open', 'done'], { message: 'status must be open or done' })
  status?: 'open' | 'done';

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page starts at 1' })
  @Max(10000, { message: 'page is at most 10000' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize is at least 1' })
  @Max(100, { message: 'pageSize is at most 100' })
  pageSize?: number;
}

@FastBodySchema(eventBodySchema(EVENT_TYPES), acceptEventBody)
export class EventDto implements CaseEventRequest {
  @ApiProperty({ enum: EVENT_TYPES, description: 'EXPIRE is sent by the deadline sweeper only' })
  @IsIn(EVENT_TYPES as unknown as string[], { message: `type must be one of ${EVENT_TYPES.join(', ')}` })
  type: EventType;

  @ApiPropertyOptional({ description: "With CONSULT: the lane asked (one of the step's coordination lanes)", example: 'helpdesk' })
  @ValidateIf((o: EventDto) => o.type === 'CONSULT' || o.lane !== undefined)
  @IsString({ message: 'lane must be the id of the lane asked (required with CONSULT)' })
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'lane must be a lane id such as "helpdesk"' })
  @MaxLength(64, { message: 'lane is at most 64 characters' })
  lane?: string;

  @ApiPropertyOptional({
    description: "With SCHEDULE: the date the case waits until: YYYY-MM-DD (from the start of that day in the office's time zone) or an ISO 8601 instant",
    example: '2026-12-10',
  })
  @ValidateIf((o: EventDto) => o.type === 'SCHEDULE' || o.until !== undefined)
  @IsString({ message: 'until must be a date such as 2026-12-10 (required with SCHEDULE)' })
  @MaxLength(40, { message: 'until is at most 40 characters' })
  until?: string;

  @FileTokens('Tokens of files uploaded for this event (POST /api/attachments), at most 10')
  attachments?: string[];

  @ApiPropertyOptional({ description: 'The decision outcome id, for CHOOSE', example: 'selesai' })
  @ValidateIf((o: EventDto) => o.type === 'CHOOSE' || o.outcome !== undefined)
  @IsString({ message: 'outcome must be the id of a decision outcome (required with CHOOSE)' })
  @MinLength(1, { message: 'outcome must not be empty' })
  @MaxLength(64, { message: 'outcome is at most 64 characters' })
  outcome?: string;

  @ApiPropertyOptional({ description: 'An internal note for the kartu kendali: seen by the office only, never by the complainant', maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string;

  @ApiPropertyOptional({
    description:
      "The office's reply to the complainant, shown on the public ticket page (identity numbers and e-mail addresses struck out); trimmed, 1 to 2000 characters",
    minLength: 1,
    maxLength: 2000,
    example: 'KTP-el Anda sudah dicetak dan dapat diambil di loket 3.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reply must be text: the answer for the complainant' })
  @MinLength(1, { message: 'reply must not be empty: write the answer for the complainant, or leave reply out' })
  @MaxLength(2000, { message: 'reply is at most 2000 characters (after trimming spaces)' })
  reply?: string;

  @ApiProperty({ description: 'The case version the client saw (409 when stale)', example: 1 })
  @IsInt({ message: 'version must be a whole number: the case version you saw' })
  @Min(1, { message: 'version starts at 1' })
  version: number;
}

/** What the complainant sends from the ticket page at a citizen step (POST /api/public/complaints/{ticket}/events). */
export class CitizenEventDto implements CitizenEventRequest {
  @ApiProperty({ enum: MACHINE_EVENT_TYPES, description: 'What the current citizen step allows: COMPLETE for a task, CHOOSE with an outcome for a decision' })
  @IsIn(MACHINE_EVENT_TYPES as unknown as string[], { message: `type must be one of ${MACHINE_EVENT_TYPES.join(', ')}` })
  type: MachineEventType;

  @ApiPropertyOptional({ description: 'The outcome id, for CHOOSE (e.g. puas, tidak-puas)', example: 'puas' })
  @ValidateIf((o: CitizenEventDto) => o.type === 'CHOOSE' || o.outcome !== undefined)
  @IsString({ message: 'outcome must be the id of one of the answers offered (required with CHOOSE)' })
  @MinLength(1, { message: 'outcome must not be empty' })
  @MaxLength(64, { message: 'outcome is at most 64 characters' })
  outcome?: string;

  @ApiPropertyOptional({ description: "The complainant's own words for the office (e.g. why they object); kept in the kartu kendali", maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(2000, { message: 'note is at most 2000 characters' })
  note?: string;

  @FileTokens('Files the step asks for, uploaded first (POST /api/public/complaints/{ticket}/attachments): their tokens, at most 10')
  attachments?: string[];

  @ApiProperty({ description: 'The version shown on the ticket page (409 when the complaint moved since)', example: 2 })
  @IsInt({ message: 'version must be a whole number: the version shown with the complaint' })
  @Min(1, { message: 'version starts at 1' })
  version: number;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A reply about to be sent, to be shown as the complainant will read it (the same limits as an event's reply). */
export class ReplyPreviewDto implements ReplyPreviewRequest {
  @ApiProperty({ description: 'The reply as typed; trimmed, 1 to 2000 characters', minLength: 1, maxLength: 2000 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reply must be text: the answer for the complainant' })
  @MinLength(1, { message: 'reply must not be empty: write the answer for the complainant' })
  @MaxLength(2000, { message: 'reply is at most 2000 characters (after trimming spaces)' })
  reply!: string;
}

/** Claiming a case within its lane; taking over a colleague's claim needs a note. */
export class ClaimDto {
  @ApiPropertyOptional({ description: "Take over a colleague's claim (a note saying why is required)" })
  @IsOptional()
  @IsBoolean({ message: 'takeOver must be true or false' })
  takeOver?: boolean;

  @ApiPropertyOptional({ description: 'Why you take the case over', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(500, { message: 'note is at most 500 characters' })
  note?: string;
}

export class HandOverDto {
  @ApiProperty({ description: 'The username of the colleague of the lane who takes the case (GET /api/cases/{id}/colleagues)', maxLength: 100 })
  @IsString({ message: 'to must be a username (text)' })
  @IsNotEmpty({ message: 'to must name the colleague who takes the case' })
  @MaxLength(100, { message: 'to is at most 100 characters' })
  to: string;

  @ApiPropertyOptional({ description: 'What the colleague should know', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(500, { message: 'note is at most 500 characters' })
  note?: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ description: 'SOP id; only your own regency is allowed' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'sop must be an SOP id such as "metro"' })
  sop?: string;

  @ApiPropertyOptional({ description: 'Step id' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'step must be a step id such as "kasi-periksa"' })
  step?: string;

  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'done'], { message: 'status must be open or done' })
  status?: 'open' | 'done';

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Only the cases you claimed (true)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'mine must be true or false' })
  mine?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Open cases waiting for a date an officer set (true); they are off the inbox otherwise' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'scheduled must be true or false' })
  scheduled?: boolean;

  @ApiPropertyOptional({ description: 'Channel id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;

  @ApiPropertyOptional({ description: 'A ticket or part of one, e.g. BUL-7K4Q9P or 7K4Q (case and spaces ignored)', example: 'BUL-7K4Q' })
  @IsOptional()
  @IsString({ message: 'ticket must be text' })
  @Matches(/^[A-Za-z0-9 -]{1,20}$/, { message: 'ticket must be a ticket number or part of one (letters, digits and "-", at most 20), e.g. BUL-7K4Q9P' })
  ticket?: string;

  @ApiPropertyOptional({ description: 'Filed on or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or instant, e.g. 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'Filed before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or instant, e.g. 2026-12-01' })
  to?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page starts at 1' })
  @Max(1_000_000, { message: 'page is at most 1000000' })
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize is at least 1' })
  @Max(100, { message: 'pageSize is at most 100' })
  pageSize?: number;
}
