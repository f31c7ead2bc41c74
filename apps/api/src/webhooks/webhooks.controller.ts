import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { PageQuery } from '../common/page-query';
import { said } from '../common/validation';
import { WEBHOOK_EVENTS } from './webhook-event';
import { WebhooksService } from './webhooks.service';

export class CreateWebhookDto {
  @IsOptional()
  @IsString(said('regency must be text', 'Kabupaten/Kota harus berupa teks'))
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, said('regency is an SOP id such as "metro"', 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro"'))
  regency?: string;

  @IsString(
    said('url must be text such as https://dashboard.example.go.id/hooks/sop', 'alamat harus berupa teks seperti https://dashboard.example.go.id/hooks/sop'),
  )
  @MaxLength(2000, said('url is at most 2000 characters', 'alamat paling panjang 2000 karakter'))
  url!: string;

  @IsArray(said(`events must be a list of ${WEBHOOK_EVENTS.join(', ')}`, `peristiwa harus berupa daftar berisi ${WEBHOOK_EVENTS.join(', ')}`))
  @ArrayMaxSize(4, said('events has at most 4 entries', 'peristiwa paling banyak 4'))
  @IsIn(WEBHOOK_EVENTS, {
    each: true,
    ...said(`each event is one of ${WEBHOOK_EVENTS.join(', ')}`, `setiap peristiwa adalah salah satu dari ${WEBHOOK_EVENTS.join(', ')}`),
  })
  events!: string[];

  @IsOptional()
  @IsString(said('description must be text', 'keterangan harus berupa teks'))
  @MaxLength(200, said('description is at most 200 characters', 'keterangan paling panjang 200 karakter'))
  description?: string;

  /** Grants the endpoint the complainant's identity as this lane sees it; absent or null: never (the default). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString(
    said('identityLane must be a lane id of the regency’s SOP, or null', 'lajur identitas harus berupa id lajur pada SOP Kabupaten/Kota itu, atau null'),
  )
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, said('identityLane is a lane id such as "petugas"', 'lajur identitas ditulis sebagai id lajur seperti "petugas"'))
  identityLane?: string | null;
}

export class ListWebhooksQuery {
  @IsOptional()
  @IsString(said('regency must be text', 'Kabupaten/Kota harus berupa teks'))
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, said('regency is an SOP id such as "metro"', 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro"'))
  regency?: string;
}

/** A webhook's delivery log, a page at a time. */
export class DeliveriesQuery extends PageQuery {}

const uuid = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadInputException('not a webhook id', [{ field: 'id', message: 'the webhook id must be a UUID', messageId: 'id webhook harus berupa UUID' }]),
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
