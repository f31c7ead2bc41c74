import { Module, type DynamicModule } from '@nestjs/common';
import type pino from 'pino';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AccountStatus } from './auth/account-status';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { UsersRepository } from './auth/users.repository';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { PublicComplaintsController } from './cases/public.controller';
import { Clock } from './common/clock';
import { IdentityIndex } from './intake/identity-index';
import { IdentityController } from './intake/identity.controller';
import { IdentitySearch } from './intake/identity-search.service';
import type { FieldCipher } from './common/field-cipher';
import { LOGGER } from './common/logger';
import { CaseChanges } from './live/case-changes';
import { LiveController } from './live/live.controller';
import { NotificationPlanner } from './notifications/notification-planner';
import { OutboxRepository } from './notifications/outbox.repository';
import { OutboxWorker } from './notifications/outbox-worker';
import { transportsOf } from './notifications/transports';
import { RateLimitModule } from './common/rate-limit.module';
import type { AppConfig } from './config';
import { Database } from './database/database';
import { WorkLoop } from './deadlines/work-loop.service';
import { HealthController } from './health/health.controller';
import { HolidayCalendars } from './holidays/holiday-calendars';
import { HolidaysController } from './holidays/holidays.controller';
import { HolidaysRepository } from './holidays/holidays.repository';
import { HolidaysService } from './holidays/holidays.service';
import { IntegrationsModule } from './integrations/integrations.module';
import { MetricsAccess, MetricsController } from './metrics/metrics.controller';
import { ReportsModule } from './reports/reports.module';
import { SopCatalog } from './sops/sop-catalog.service';
import { SopsController } from './sops/sops.controller';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksRepository } from './webhooks/webhooks.repository';
import { WebhooksService } from './webhooks/webhooks.service';
import { ReplyTemplatesController } from './reply-templates/reply-templates.controller';
import { ReplyTemplatesRepository } from './reply-templates/reply-templates.repository';
import { ReplyTemplatesService } from './reply-templates/reply-templates.service';

/**
 * The runtime's composition: services are plain classes built here from what they use
 * (no base service injecting everything); controllers receive them through Nest.
 */
@Module({})
export class AppModule {
  static create(deps: {
    config: AppConfig;
    db: Database;
    cipher: FieldCipher;
    catalog: SopCatalog;
    calendars: HolidayCalendars;
    audit: AuditService;
    auth: AuthService;
    clock: Clock;
    logger: pino.Logger;
  }): DynamicModule {
    const { config, db, cipher, catalog, calendars, audit, auth, clock, logger } = deps;
    const repository = new CasesRepository(db, cipher);
    const cases = new CasesService(repository, catalog, audit, cipher, clock, logger);
    // live updates (docs/adr/0022): LISTEN/NOTIFY on PostgreSQL; on the embedded database, this process's own writes
    const changes = new CaseChanges(logger, config.databaseUrl);
    repository.useLive((payload) => changes.local(payload));
    const holidaysRepository = new HolidaysRepository(db);
    const holidays = new HolidaysService(holidaysRepository, calendars, catalog, cases, audit, clock, logger);
    const users = new UsersRepository(db);
    const accountStatus = new AccountStatus(users);
    const accounts = new AccountsService(users, catalog, audit, accountStatus, clock, auth.throttle, auth.passwords);
    const attachments = AttachmentsModule.service({ config, db, catalog, cases, audit, clock, logger });
    cases.useAttachments(attachments);
    // messages to complainants (docs/adr/0015-notifications-outbox.md): queued by the case statements, delivered by the worker
    cases.useNotifications(new NotificationPlanner(cipher, { publicUrl: config.notify.publicUrl, phoneChannel: config.notify.phoneChannel }));
    const outbox = new OutboxRepository(db);
    const outboxWorker = new OutboxWorker(outbox, transportsOf(config.notify), cipher, config.notify, clock, logger);
    // identity search and duplicate warnings (docs/adr/0023): a blind index written with each filing
    const identityIndex = new IdentityIndex(config.dataKey);
    cases.useIdentityIndex(identityIndex);
    const identitySearch = new IdentitySearch(cases, repository, catalog, identityIndex, audit, clock, logger, config.duplicateWindowDays);
    // webhooks (docs/adr/0019-webhooks.md): deliveries queued by the case statements into the same outbox
    const webhooksRepository = new WebhooksRepository(db);
    const webhooks = new WebhooksService(webhooksRepository, catalog, audit, cipher, clock, config.webhooks.allowLocalhost);
    outboxWorker.useWebhooks(new WebhookSender(webhooksRepository, repository, cases, cipher, config.webhooks.allowLocalhost));
    // the office's own reply templates (issue 11)
    const replyTemplates = new ReplyTemplatesService(new ReplyTemplatesRepository(db), catalog, audit, clock);
    const loop = new WorkLoop(cases, repository, catalog, calendars, clock, config.sweepIntervalMs, logger, attachments);
    return {
      module: AppModule,
      imports: [
        ReportsModule.create({ db, cipher, catalog, auth, accountStatus, clock }),
        AttachmentsModule.create({ attachments, auth, accountStatus }),
        RateLimitModule.create({ limits: config.limits, throttle: auth.throttle!, isFiledRetry: (req) => cases.isFiledKey(req.headers['idempotency-key']) }),
        IntegrationsModule.create({ db, cipher, catalog, cases, audit, auth, accountStatus, clock, logger, limits: config.limits }),
      ],
      controllers: [
        AuthController,
        SopsController,
        LiveController, // before CasesController: /api/cases/stream is not a case id
        IdentityController,
        CasesController,
        PublicComplaintsController,
        HolidaysController,
        AccountsController,
        AuditController,
        HealthController,
        MetricsController,
        WebhooksController,
        ReplyTemplatesController,
      ],
      providers: [
        { provide: Database, useValue: db },
        { provide: MetricsAccess, useValue: new MetricsAccess(config.metricsToken) },
        { provide: SopCatalog, useValue: catalog },
        { provide: AuthService, useValue: auth },
        { provide: Clock, useValue: clock },
        { provide: LOGGER, useValue: logger },
        { provide: CasesRepository, useValue: repository },
        { provide: CasesService, useValue: cases },
        { provide: CaseChanges, useValue: changes },
        { provide: WorkLoop, useValue: loop },
        { provide: IdentitySearch, useValue: identitySearch },
        { provide: OutboxRepository, useValue: outbox },
        { provide: OutboxWorker, useValue: outboxWorker },
        { provide: HolidayCalendars, useValue: calendars },
        { provide: HolidaysRepository, useValue: holidaysRepository },
        { provide: HolidaysService, useValue: holidays },
        { provide: AccountStatus, useValue: accountStatus },
        { provide: AccountsService, useValue: accounts },
        { provide: AuditService, useValue: audit },
        { provide: WebhooksService, useValue: webhooks },
        { provide: ReplyTemplatesService, useValue: replyTemplates },
        AuthGuard,
      ],
    };
  }
}

export { UsersRepository };
