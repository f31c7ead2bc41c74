import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BadInputException } from '../common/errors';
import { AttachmentsService } from './attachments.service';
import { contentDisposition } from './content-disposition';

const uuid = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadInputException(`not ${field === 'id' ? 'a case' : 'an attachment'} id`, [
        { field, message: `the ${field === 'id' ? 'case' : 'attachment'} id must be a UUID` },
      ]),
  });

/**
 * Runs an upload; a refusal answered before the request's body was read to its end (a client that
 * stopped sending) closes the connection, so that the rest is not waited for on it.
 */
async function closingWhenUnread<T>(req: FastifyRequest, reply: FastifyReply, upload: () => Promise<T>): Promise<T> {
  try {
    return await upload();
  } catch (e) {
    if (!req.raw.complete) void reply.header('Connection', 'close');
    throw e;
  }
}

/** A staged file as the upload answers it: without the digest the store keeps. */
function withoutDigest<T extends { sha256: string }>(staged: T): Omit<T, 'sha256'> {
  const answer: Partial<T> = { ...staged };
  delete answer.sha256;
  return answer as Omit<T, 'sha256'>;
}

@ApiTags('public')
@Controller('api/public/attachments')
export class PublicAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'sop', description: 'The SOP whose form has the file field, e.g. buleleng' })
  @ApiQuery({ name: 'field', description: 'The id of the file field' })
  @ApiOperation({
    summary:
      'Upload a file for a file field of an SOP\'s public form (one file in the part "file"); answers the token to send as the field\'s value within 24 hours',
  })
  @ApiResponse({
    status: 400,
    description: 'not multipart, no file, an empty file, an unknown SOP or field, sop or field sent twice, a body cut short or that stopped arriving',
  })
  @ApiResponse({ status: 413, description: "larger than the field's maxSizeMb (default 5 MB)" })
  @ApiResponse({ status: 415, description: "not a kind of file the field accepts, read from the file's content (default JPEG, PNG, PDF)" })
  @ApiResponse({ status: 429, description: 'too many uploads from this address (ATTACHMENT_IP_LIMIT per ATTACHMENT_IP_WINDOW_SECONDS); Retry-After' })
  async upload(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Record<string, unknown>) {
    // the body is left unread by the HTTP layer (common/http-server.ts): the upload reads its stream
    return withoutDigest(await closingWhenUnread(req, reply, () => this.attachments.stagePublic(req.raw, query)));
  }
}

@ApiTags('public')
@Controller('api/public/complaints')
export class CitizenAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post(':ticket/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'X-Access-Code', required: true, description: 'The access code given once when the complaint was filed' })
  @ApiOperation({
    summary:
      'Upload a file the complaint waits for at the complainant\'s step (one file in the part "file"; JPEG, PNG or PDF up to 5 MB); answers the token to send with the answer (attachments) within 24 hours',
  })
  @ApiResponse({ status: 401, description: 'no access code' })
  @ApiResponse({ status: 403, description: 'the ticket and access code do not match' })
  @ApiResponse({ status: 422, description: 'the complaint is not waiting for the complainant' })
  @ApiResponse({ status: 413, description: 'larger than 5 MB' })
  @ApiResponse({ status: 415, description: 'not a JPEG, PNG or PDF, read from the content' })
  @ApiResponse({ status: 429, description: 'too many uploads, or too many refused, from this address; Retry-After' })
  async upload(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('ticket') ticket: string,
    @Headers('x-access-code') code: string | undefined,
  ) {
    return withoutDigest(await closingWhenUnread(req, reply, () => this.attachments.stageForCitizen(req.raw, ticket, code)));
  }
}

@ApiTags('cases')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('attachments')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload a file for an event of a case (officers; one file in the part "file"): send the token in the event\'s attachments within 24 hours',
  })
  @ApiResponse({ status: 413, description: 'larger than ATTACHMENT_EVENT_MAX_MB (default 10 MB)' })
  @ApiResponse({ status: 415, description: 'not a JPEG, PNG or PDF, read from its content' })
  upload(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentUser() user: Principal) {
    return closingWhenUnread(req, reply, () => this.attachments.stageForEvent(req.raw, user));
  }

  @Get('cases/:id/attachments')
  @ApiOperation({ summary: "A case's files (the form's and the events'): for the lanes that may see the complainant's identity" })
  async list(@CurrentUser() user: Principal, @Param('id', uuid('id')) id: string) {
    return { items: await this.attachments.list(user, id) };
  }

  @Get('cases/:id/attachments/:attachmentId')
  @HttpCode(200)
  @ApiOperation({ summary: "Download a case's file (lanes that may see the identity; every download is recorded in the audit log)" })
  async download(
    @CurrentUser() user: Principal,
    @Param('id', uuid('id')) id: string,
    @Param('attachmentId', uuid('attachmentId')) attachmentId: string,
    @Res() res: FastifyReply,
  ) {
    const file = await this.attachments.download(user, id, attachmentId);
    res.headers({
      'Content-Type': file.type,
      'Content-Length': String(file.body.length),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // opened by mistake in the browser, the file runs nothing and loads nothing
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    return res.send(file.body);
  }
}
