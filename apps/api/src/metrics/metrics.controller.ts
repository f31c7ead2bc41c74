import { Controller, ForbiddenException, Get, Header, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { registry } from './metrics';

/** Who may read the metrics: with METRICS_TOKEN set, whoever sends it as a bearer token; without it, only this machine. */
export class MetricsAccess {
  constructor(private readonly token: string | null) {}

  check(authorization: string | undefined, remoteAddress: string | undefined): void {
    if (this.token) {
      const sent = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
      const a = Buffer.from(sent);
      const b = Buffer.from(this.token);
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw new UnauthorizedException('send METRICS_TOKEN as a bearer token to read the metrics');
      return;
    }
    // the socket's own address: X-Forwarded-For is not believed here, whatever TRUST_PROXY says
    const local = remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1';
    if (!local) throw new ForbiddenException('the metrics are read from this machine only; set METRICS_TOKEN to read them from elsewhere');
  }
}

/** GET /metrics: Prometheus' text format (docs/observability.md). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly access: MetricsAccess) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', registry.contentType)
  async metrics(@Req() req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }): Promise<string> {
    const auth = req.headers.authorization;
    this.access.check(Array.isArray(auth) ? auth[0] : auth, req.socket.remoteAddress);
    return registry.metrics();
  }
}
