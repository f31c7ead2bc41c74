import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { Open311Exception, Open311Service } from './open311.service';

/**
 * `{name}.json`: the name, however long (the route judges it and says what it takes), or 404 for
 * another format (only JSON is served) or no name.
 */
function jsonName(file: string, what: 'services' | 'requests'): string {
  if (!file.endsWith('.json')) throw new Open311Exception(404, `${what} ${file.slice(0, 60)}: only the .json format is served (e.g. ${what}/<id>.json)`);
  const name = file.slice(0, -'.json'.length);
  if (!name) {
    const [one, param] = what === 'requests' ? ['request', 'service_request_id'] : ['service', 'service_code'];
    throw new Open311Exception(404, `${what}/.json names no ${one}: ask for ${what}/<${param}>.json`);
  }
  return name;
}

/** Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): public; POST needs an api_key. */
@ApiTags('open311')
@Controller('api/open311/v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.json')
  @ApiOperation({ summary: 'Open311 service discovery: the endpoint and its jurisdictions (the regencies)' })
  discovery(@Req() req: FastifyRequest) {
    return this.open311.discovery(`${req.protocol}://${req.headers.host ?? 'localhost'}`);
  }

  @Get('services.json')
  @ApiOperation({ summary: "The services of a jurisdiction (jurisdiction_id = the regency's SOP id): one per complaint category" })
  services(@Query() query: Record<string, unknown>) {
    return this.open311.services(query);
  }

  @Get('services/:file')
  @ApiOperation({ summary: "A service's definition (services/{code}.json): the intake form's fields as attributes" })
  definition(@Param('file') file: string, @Query() query: Record<string, unknown>) {
    return this.open311.definition(jsonName(file, 'services'), query);
  }

  @Post('requests.json')
  @ApiOperation({ summary: 'File a complaint (JSON or form-urlencoded): api_key, jurisdiction_id, service_code, description, attribute[<code>]…' })
  @ApiResponse({ status: 403, description: 'no api_key, or one that is unknown, revoked or of another jurisdiction' })
  @ApiResponse({ status: 429, description: 'too many complaints from this address (COMPLAINT_IP_LIMIT)' })
  submit(@Body() body: Record<string, unknown> | undefined, @Query() query: Record<string, unknown>) {
    return this.open311.submit(body ?? {}, query);
  }

  @Get('requests.json')
  @ApiOperation({ summary: "The requests the client (api_key) filed: status and status_notes only, never the complaint's text or identity" })
  requests(@Query() query: Record<string, unknown>) {
    return this.open311.requests(query);
  }

  @Get('requests/:file')
  @ApiOperation({ summary: 'One request (requests/{ticket}.json): status in public words, as the ticket page' })
  @ApiResponse({ status: 429, description: 'too many look-ups, or too many that matched nothing, from this address' })
  request(@Param('file') file: string, @Query() query: Record<string, unknown>) {
    return this.open311.request(jsonName(file, 'requests'), query);
  }
}

export class CreateOpen311KeyDto {
  @ApiPropertyOptional({ description: "The regency (SOP id) the key submits to; default: the administrator's own", example: 'metro' })
  @IsOptional()
  @IsString({ message: 'sop must be text' })
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'sop must be an SOP id such as "metro"' })
  sop?: string;

  @ApiProperty({ description: 'Who the client is (the partner application), for the record', example: 'Aplikasi Kelurahan Sejahtera' })
  @IsString({ message: 'label must be text' })
  @MinLength(1, { message: 'label must name the client' })
  @MaxLength(200, { message: 'label is at most 200 characters' })
  label: string;
}

export class ListOpen311KeysQuery {
  @IsOptional()
  @IsString({ message: 'sop must be text' })
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'sop must be an SOP id such as "metro"' })
  sop?: string;
}

/** Administrators of a regency create and revoke its Open311 client keys (audited). */
@ApiTags('open311')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/open311/keys')
export class Open311KeysController {
  constructor(private readonly open311: Open311Service) {}

  @Post()
  @ApiOperation({ summary: 'Create a client key: answered once in full; only its hash is kept' })
  create(@CurrentUser() admin: Principal, @Body() body: CreateOpen311KeyDto) {
    return this.open311.createKey(admin, body);
  }

  @Get()
  @ApiOperation({ summary: "The regency's keys (prefix, label, who created and revoked them), never the keys" })
  list(@CurrentUser() admin: Principal, @Query() q: ListOpen311KeysQuery) {
    return this.open311.listKeys(admin, q.sop);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key: requests with it are refused (403) from now on' })
  revoke(@CurrentUser() admin: Principal, @Param('id') id: string) {
    return this.open311.revokeKey(admin, id);
  }
}
