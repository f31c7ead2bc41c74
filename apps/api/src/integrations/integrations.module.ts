import { Inject, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type pino from 'pino';
import type { AuditService } from '../audit/audit.service';
import { AccountStatus } from '../auth/account-status';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import type { CasesService } from '../cases/cases.service';
import type { Clock } from '../common/clock';
import type { FieldCipher } from '../common/field-cipher';
import { clientLimit } from '../common/rate-limit';
import type { RateLimits } from '../config';
import type { Database } from '../database/database';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { LaporController } from './lapor.controller';
import { LaporRepository } from './lapor.repository';
import { LaporService } from './lapor.service';
import { Open311Controller, Open311KeysController } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';

const LIMITS = Symbol('INTEGRATION_LIMITS');

/**
 * Open311 GeoReport v2 and the SP4N-LAPOR! exchange (docs/adr/0018-open311-and-lapor-exchange.md),
 * with the public form's per-address limits on the public Open311 routes.
 */
@Module({})
export class IntegrationsModule implements NestModule {
  static create(deps: {
    db: Database;
    cipher: FieldCipher;
    catalog: SopCatalog;
    cases: CasesService;
    audit: AuditService;
    auth: AuthService;
    accountStatus: AccountStatus;
    clock: Clock;
    logger: pino.Logger;
    limits: RateLimits;
  }): DynamicModule {
    const open311Repository = new Open311Repository(deps.db, deps.cipher);
    const open311 = new Open311Service(open311Repository, deps.catalog, deps.cases, deps.audit, deps.clock, deps.logger);
    const lapor = new LaporService(
      new LaporRepository(deps.db, deps.cipher),
      open311Repository,
      deps.catalog,
      deps.cipher,
      deps.audit,
      deps.clock,
      deps.logger,
    );
    return {
      module: IntegrationsModule,
      controllers: [Open311Controller, Open311KeysController, LaporController],
      providers: [
        { provide: Open311Service, useValue: open311 },
        { provide: LaporService, useValue: lapor },
        { provide: AuthService, useValue: deps.auth },
        { provide: AccountStatus, useValue: deps.accountStatus },
        { provide: LIMITS, useValue: deps.limits },
        AuthGuard,
      ],
    };
  }

  constructor(@Inject(LIMITS) private readonly limits: RateLimits) {}

  /** The limits of the public form and the ticket page, on the same requests through Open311. */
  configure(consumer: MiddlewareConsumer): void {
    const { ticketLookups, ticketMisses, complaints } = this.limits;
    consumer
      .apply(
        clientLimit({
          window: complaints,
          count: 'accepted',
          message: (wait) => `too many complaints were filed from your address: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak pengaduan dikirim dari alamat Anda: coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/open311/v2/requests.json', method: RequestMethod.POST });
    consumer
      .apply(
        clientLimit({
          window: ticketLookups,
          count: 'all',
          message: (wait) => `too many look-ups from your address: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak pencarian dari alamat Anda: coba lagi dalam ${wait}`,
        }),
        clientLimit({
          window: ticketMisses,
          count: 'refused',
          message: (wait) => `too many look-ups from your address matched no request: try again in ${wait}`,
          messageId: (wait) => `terlalu banyak pencarian dari alamat Anda yang tidak ditemukan: coba lagi dalam ${wait}`,
        }),
      )
      .forRoutes({ path: 'api/open311/v2/requests/:file', method: RequestMethod.GET }, { path: 'api/open311/v2/requests.json', method: RequestMethod.GET });
  }
}
