import { Controller, ForbiddenException, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { toCsv } from '@sop/csv';
import type { AuditLine } from './audit.repository';
import { AuditService } from './audit.service';
import { dateOrInstantOf } from '../common/date-or-instant';
import { BadInputException, type FieldError } from '../common/errors';
import { said } from '../common/validation';

const FROM_RULE = {
  message: 'from must be a date or instant such as 2026-12-01 or 2026-12-01T00:00:00+07:00, a day and time that exist',
  messageId: 'from harus tanggal atau waktu seperti 2026-12-01 atau 2026-12-01T00:00:00+07:00, hari dan jam yang ada',
};
const TO_RULE = {
  message: 'to must be a date or instant such as 2026-12-31 or 2026-12-31T00:00:00+07:00, a day and time that exist',
  messageId: 'to harus tanggal atau waktu seperti 2026-12-31 atau 2026-12-31T00:00:00+07:00, hari dan jam yang ada',
};

export class AuditQuery {
  @IsOptional()
  @IsString({ message: 'regency must be text' })
  @Matches(/^(\*|[a-z][a-z0-9-]*)$/, { message: 'regency is an SOP id such as "metro", or * for the platform' })
  regency?: string;

  // read by dateOrInstantOf, before anything is read: a day and a time that exist
  @IsOptional()
  @IsString(said(FROM_RULE.message, FROM_RULE.messageId))
  from?: string;

  @IsOptional()
  @IsString(said(TO_RULE.message, TO_RULE.messageId))
  to?: string;

  @IsOptional()
  @IsString({ message: 'action must be text' })
  @Matches(/^[a-z]+\.[a-z-]+$/, { message: 'action is such as user.create, sop.publish, holidays.load, identity.reveal' })
  action?: string;

  @IsOptional()
  @IsString({ message: 'before must be the id of a line' })
  @Matches(/^\d{1,18}$/, { message: 'before is the id of the last line of the previous page' })
  before?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit is 1 to 1000' })
  @Max(1000, { message: 'limit is 1 to 1000' })
  limit?: number;

  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format is json or csv' })
  format?: 'json' | 'csv';
}

function line(l: AuditLine) {
  return { id: l.id, at: l.at, actor: l.actor, action: l.action, regency: l.regency, target: l.target, details: l.details };
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first (a regency’s administrator: that regency’s lines); ?format=csv to export' })
  async list(@CurrentUser() admin: Principal, @Query() q: AuditQuery, @Res({ passthrough: true }) res: FastifyReply) {
    if (!admin.permissions.includes('admin')) throw new ForbiddenException(`the audit log is for administrators; you are ${admin.username}`);
    const scope = admin.regency === '*' ? null : admin.regency;
    if (scope !== null && q.regency !== undefined && q.regency !== scope)
      throw new ForbiddenException(`you administer ${scope}; you cannot read the audit log of ${q.regency}`);
    const limit = q.limit ?? (q.format === 'csv' ? 1000 : 100);
    const from = q.from === undefined ? null : dateOrInstantOf(q.from);
    const to = q.to === undefined ? null : dateOrInstantOf(q.to);
    const errors: FieldError[] = [];
    if (q.from !== undefined && !from) errors.push({ field: 'from', ...FROM_RULE });
    if (q.to !== undefined && !to) errors.push({ field: 'to', ...TO_RULE });
    if (from && to && from > to) {
      errors.push({
        field: 'to',
        message: `to (${q.to}) is before from (${q.from}): the period would hold nothing`,
        messageId: `to (${q.to}) lebih awal daripada from (${q.from}): periode itu kosong`,
      });
    }
    if (errors.length) throw new BadInputException('the period is not valid', errors);
    const lines = await this.audit.page({
      regency: scope ?? q.regency ?? null,
      from,
      to,
      action: q.action ?? null,
      before: q.before ?? null,
      limit,
    });
    if (q.format === 'csv') {
      res.header('content-type', 'text/csv; charset=utf-8');
      res.header('content-disposition', `attachment; filename="audit-${scope ?? q.regency ?? 'semua'}.csv"`);
      return toCsv(
        [
          ['id', 'at', 'actor', 'action', 'regency', 'target', 'details'],
          ...lines.map((l) => [l.id, l.at.toISOString(), l.actor, l.action, l.regency, l.target, JSON.stringify(l.details)]),
        ],
        { bom: true },
      );
    }
    return { items: lines.map(line), next: lines.length === limit ? lines[lines.length - 1].id : null };
  }
}
