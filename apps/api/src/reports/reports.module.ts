import { Module, type DynamicModule } from '@nestjs/common';
import { AccountStatus } from '../auth/account-status';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import type { Clock } from '../common/clock';
import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { NationalReportsController } from './national.controller';
import { NationalReports } from './national-report';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** GET /api/reports and GET /api/reports/national: read-only recaps of a regency's complaints (see ReportsService). */
@Module({})
export class ReportsModule {
  static create(deps: {
    db: Database;
    cipher: FieldCipher;
    catalog: SopCatalog;
    auth: AuthService;
    accountStatus: AccountStatus;
    clock: Clock;
  }): DynamicModule {
    const repository = new ReportsRepository(deps.db, deps.cipher);
    const service = new ReportsService(repository, deps.catalog, deps.clock);
    return {
      module: ReportsModule,
      controllers: [NationalReportsController, ReportsController],
      providers: [
        { provide: ReportsService, useValue: service },
        { provide: NationalReports, useValue: new NationalReports(repository, deps.catalog, deps.clock) },
        { provide: AuthService, useValue: deps.auth },
        { provide: AccountStatus, useValue: deps.accountStatus },
        AuthGuard,
      ],
    };
  }
}
