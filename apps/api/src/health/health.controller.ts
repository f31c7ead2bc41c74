import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Database } from '../database/database';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Get()
  @ApiOperation({ summary: 'Whether the API and its database answer' })
  async health(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: { status: 'ok', kind: this.db.kind, latencyMs: Date.now() - started } };
    } catch (e) {
      res.status(503);
      return { status: 'error', database: { status: 'error', kind: this.db.kind, message: (e as Error).message } };
    }
  }
}
