import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadInputException } from '../common/errors';
import { markReplayed } from '../common/rate-limit';
import { publicView } from './case-view';
import { IDEMPOTENCY_KEY } from './idempotency-key';
import { CitizenEventDto, IntakeDto } from './cases.dto';
import { CasesService } from './cases.service';

/** An Idempotency-Key header as sent, or a 400 saying what it must be. */
export function idempotencyKeyOf(key: string | undefined): string | null {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    // a header sent twice arrives as its values joined by ", " (RFC 9110, 5.3)
    const sent = key.split(', ');
    const twice = sent.length > 1 && sent.every((part) => IDEMPOTENCY_KEY.test(part));
    throw new BadInputException('the Idempotency-Key header is not valid', [
      twice
        ? {
            field: 'Idempotency-Key',
            message: `the header was sent ${sent.length} times: send it once`,
            messageId: `header ini dikirim ${sent.length} kali: kirim sekali saja`,
          }
        : {
            field: 'Idempotency-Key',
            message: 'use 1 to 200 visible ASCII characters, e.g. a UUID',
            messageId: 'gunakan 1 sampai 200 karakter ASCII yang terlihat, mis. sebuah UUID',
          },
    ]);
  }
  return key ?? null;
}

@ApiTags('public')
@Controller('api/public/complaints')
export class PublicComplaintsController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'One key per submission (e.g. a UUID): a retry with the same key and body files nothing new and answers the same ticket and access code again (header Idempotent-Replayed: true); the same key with another body is 422',
  })
  @ApiOperation({ summary: 'File a complaint (citizens); answers with the ticket number and, once, the access code for the citizen steps' })
  @ApiResponse({ status: 400, description: 'the form is not valid, or the Idempotency-Key header is not 1 to 200 visible ASCII characters' })
  @ApiResponse({ status: 422, description: 'the Idempotency-Key was already used with another body (case.idempotency-key-reused)' })
  @ApiResponse({ status: 429, description: 'too many complaints accepted from this address (COMPLAINT_IP_LIMIT per COMPLAINT_IP_WINDOW_SECONDS); Retry-After' })
  async file(
    @Body() body: IntakeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { filed, replayed } = await this.cases.filePublic(body, idempotencyKeyOf(key));
    if (replayed) {
      res.header('Idempotent-Replayed', 'true');
      // the first answer again, not a new complaint: COMPLAINT_IP_LIMIT counted the first one only
      markReplayed(req.raw);
    }
    return {
      ...filed,
      message: `Pengaduan Anda diterima dengan nomor tiket ${filed.ticket}. Simpan nomor ini untuk melihat perkembangannya, dan kode akses ${filed.accessCode} untuk menjawab bila kantor meminta tanggapan Anda (kode ini hanya ditampilkan sekali).`,
    };
  }

  @Get(':ticket')
  @ApiOperation({ summary: "A complaint's status and timeline, without personal data; what the complainant is asked, when the case waits for them" })
  @ApiResponse({ status: 429, description: 'too many look-ups, or too many tickets matching no complaint, from this address; Retry-After' })
  async status(@Param('ticket') ticket: string) {
    const { row, published, kartu, now } = await this.cases.publicByTicket(ticket);
    return publicView(row, published, kartu, now);
  }

  @Post(':ticket/events')
  @HttpCode(200)
  @ApiHeader({ name: 'X-Access-Code', required: true, description: 'The access code given once when the complaint was filed' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key changes nothing twice' })
  @ApiOperation({ summary: 'The complainant answers a citizen step (confirms, objects, supplies what was asked): only what the current citizen step allows' })
  @ApiResponse({ status: 401, description: 'no access code sent' })
  @ApiResponse({ status: 403, description: 'the ticket and access code do not match (whether the ticket exists is not said)' })
  @ApiResponse({ status: 409, description: 'the complaint moved since the version sent' })
  @ApiResponse({ status: 422, description: 'the complaint is not waiting for the complainant, or the step does not accept this answer' })
  @ApiResponse({ status: 429, description: 'too many attempts from this address; Retry-After' })
  async answer(
    @Param('ticket') ticket: string,
    @Body() body: CitizenEventDto,
    @Headers('x-access-code') code: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { body: result, replayed } = await this.cases.citizenEvent(ticket, code, body, idempotencyKeyOf(key));
    if (replayed) res.header('Idempotent-Replayed', 'true');
    return result;
  }
}
