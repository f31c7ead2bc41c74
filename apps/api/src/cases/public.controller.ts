import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { publicView } from './case-view';
import { IntakeDto } from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('public')
@Controller('api/public/complaints')
export class PublicComplaintsController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'File a complaint (citizens); answers with the ticket number' })
  @ApiResponse({ status: 429, description: 'too many complaints accepted from this address (COMPLAINT_IP_LIMIT per COMPLAINT_IP_WINDOW_SECONDS); Retry-After' })
  async file(@Body() body: IntakeDto) {
    const { row, published } = await this.cases.intake(body, null);
    return {
      ticket: row.ticket,
      status: row.status,
      createdAt: row.created_at,
      sop: { id: published.sopId, regency: published.sop.identity.regency },
      message: `Pengaduan Anda diterima dengan nomor tiket ${row.ticket}. Simpan nomor ini untuk melihat perkembangannya.`,
    };
  }

  @Get(':ticket')
  @ApiOperation({ summary: "A complaint's status and timeline, without personal data" })
  @ApiResponse({ status: 429, description: 'too many look-ups, or too many tickets matching no complaint, from this address; Retry-After' })
  async status(@Param('ticket') ticket: string) {
    const { row, published, kartu } = await this.cases.publicByTicket(ticket);
    return publicView(row, published, kartu);
  }
}
