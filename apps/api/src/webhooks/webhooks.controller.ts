import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { WEBHOOK_EVENTS } from './webhook-event';
import { WebhooksService } from './webhooks.service';

export class CreateWebhookDto {
  @IsOptional()
  @IsString({ message: 'regency must be text' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'regency is an SOP id such as "metro"' })
  regency?: string;

  @IsString({ message: 'url must be text such as https://dashboard.example.go.id/hooks/sop' })
  @MaxLength(2000, { message: 'url is at most 2000 characters' })
  url!: string;

  @IsArray({ message: `events must be a list of ${WEBHOOK_EVENTS.join(', ')}` })
  @ArrayMaxSize(4, { message: 'events has at most 4 entries' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event is one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: string[];

  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(200, { message: 'description is at most 200 characters' })
  description?: string;

  /** Grants the endpoint the complainant's identity as this lane sees it; absent or null: never (the default). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'identityLane must be a lane id of the regency’s SOP, or null' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'identityLane is a lane id such as "petugas"' })
  identityLane?: string | null;
}

export class ListWebhooksQuery {
  @IsOptional()
  @IsString({ message: 'regency must be text' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'regency is an SOP id such as "metro"' })
  regency?: string;
}

export class DeliveriesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page starts at 1' })
  @Max(100_000, { message: 'page is at most 100000' })
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize is 1 to 200' })
  @Max(200, { message: 'pageSize is 1 to 200' })
  pageSize?: number;
}

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadInputException('not a webhook id', [{ field: 'id', message: 'the webhook id must be a UUID' }]),
});

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'The webhook endpoints an administrator manages (a regency’s, or all for the platform administrator)' })
  list(@CurrentUser() admin: Principal, @Query() q: ListWebhooksQuery) {
    return this.webhooks.list(admin, q.regency);
  }

  @Post()
  @ApiOperation({
    summary: 'Register an https endpoint for case events (filed, handed_over, overdue, closed); the signing secret is in this answer only (docs/adr/0019)',
  })
  create(@CurrentUser() admin: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(admin, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop delivering to an endpoint (its waiting deliveries wait until it is enabled again)' })
  disable(@CurrentUser() admin: Principal, @Param('id', uuid) id: string) {
    return this.webhooks.setEnabled(admin, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver to a disabled endpoint again' })
  enable(@CurrentUser() admin: Principal, @Param('id', uuid) id: string) {
    return this.webhooks.setEnabled(admin, id, true);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint with its delivery log' })
  async remove(@CurrentUser() admin: Principal, @Param('id', uuid) id: string): Promise<void> {
    await this.webhooks.delete(admin, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s delivery log, newest first: event, ticket, status, attempts, HTTP status, last error' })
  deliveries(@CurrentUser() admin: Principal, @Param('id', uuid) id: string, @Query() q: DeliveriesQuery) {
    return this.webhooks.deliveries(admin, id, q.page ?? 1, q.pageSize ?? 50);
  }
}
