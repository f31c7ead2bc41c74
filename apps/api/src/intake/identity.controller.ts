import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { IdentitySearchDto } from '../cases/cases.dto';
import { IdentitySearch } from './identity-search.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new BadInputException('not a case id', [{ field: 'id', message: 'the case id must be a UUID' }]) });

/**
 * Finding complaints by the complainant's NIK or phone (docs/adr/0023). The values travel in the
 * request body, never in a URL (URLs reach access logs).
 */
@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/cases')
export class IdentityController {
  constructor(private readonly search: IdentitySearch) {}

  @Post('search')
  @HttpCode(200)
  @ApiOperation({ summary: "Complaints of your regency by the complainant's NIK or phone (lanes that may see identity only; audited)" })
  find(@CurrentUser() user: Principal, @Body() body: IdentitySearchDto) {
    return this.search.search(user, body);
  }

  @Post('duplicates')
  @HttpCode(200)
  @ApiOperation({ summary: 'At registration: complaints filed by the same NIK or phone within DUPLICATE_WINDOW_DAYS (audited)' })
  duplicates(@CurrentUser() user: Principal, @Body() body: IdentitySearchDto) {
    return this.search.duplicatesForIntake(user, { nik: body.nik, phone: body.phone });
  }

  @Get(':id/duplicates')
  @ApiOperation({ summary: 'Other complaints by the same NIK or phone filed near this one: the count, and the cases for lanes that may see identity' })
  ofCase(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.search.duplicatesOfCase(user, id);
  }
}
