import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { said } from '../common/validation';
import { ReplyTemplatesService } from './reply-templates.service';

export class ReplyTemplateDto {
  @IsString(said('title is required: write it as text', 'judul templat wajib diisi sebagai teks'))
  title!: string;

  @IsString(said('body is required: write it as text', 'isi templat wajib diisi sebagai teks'))
  body!: string;
}

const uuid = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadInputException('not a template id', [{ field: 'id', message: 'the template id must be a UUID', messageId: 'id templat harus berupa UUID' }]),
});

/** A regency is an SOP id (metro, buleleng): anything else is refused before the database sees it. */
function regencyOf(value: string): string {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(value))
    throw new BadInputException('not a regency', [
      { field: 'regency', message: 'regency is an SOP id such as "metro"', messageId: 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro"' },
    ]);
  return value;
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get(':regency')
  @ApiOperation({ summary: 'The office’s own reply templates of a regency (every officer of the regency reads them)' })
  list(@CurrentUser() user: Principal, @Param('regency') regency: string) {
    return this.templates.list(user, regencyOf(regency));
  }

  @Post(':regency')
  @ApiOperation({ summary: 'Add a reply template (the regency’s administrator or SOP author); a title is unique in its regency (409)' })
  create(@CurrentUser() user: Principal, @Param('regency') regency: string, @Body() body: ReplyTemplateDto) {
    return this.templates.create(user, regencyOf(regency), body);
  }

  @Put(':regency/:id')
  @ApiOperation({ summary: 'Change a reply template’s title and text' })
  update(@CurrentUser() user: Principal, @Param('regency') regency: string, @Param('id', uuid) id: string, @Body() body: ReplyTemplateDto) {
    return this.templates.update(user, regencyOf(regency), id, body);
  }

  @Delete(':regency/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a reply template' })
  async remove(@CurrentUser() user: Principal, @Param('regency') regency: string, @Param('id', uuid) id: string): Promise<void> {
    await this.templates.delete(user, regencyOf(regency), id);
  }
}
