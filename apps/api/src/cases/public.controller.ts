import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { publicView } from './case-view';
import { IntakeDto } from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('public')
@Controller('api/public/complaints')
export class PublicComplaintsController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'File a complaint (citizens); answers with the ticket number' })
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
  async status(@Param('ticket') ticket: string) {
    const { row, published, kartu } = await this.cases.publicByTicket(ticket);
    return publicView(row, published, kartu);
  }
}
