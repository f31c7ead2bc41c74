import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import type pino from 'pino';
import { AccountStatus } from '../auth/account-status';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import type { AuditService } from '../audit/audit.service';
import type { CasesService } from '../cases/cases.service';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config';
import type { Database } from '../database/database';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { AttachmentSealer } from './attachment-seal';
import { LocalDiskStorage, S3Storage, type AttachmentStorage } from './attachment-storage';
import { AttachmentsController, CitizenAttachmentsController, PublicAttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';
import { uploadIdleMs } from './receive-upload';

/** The storage the configuration names: S3 when ATTACHMENTS_S3_* is set, else DATA_DIR/attachments. */
export function attachmentStorageOf(config: Pick<AppConfig, 'dataDir' | 'attachments'>): AttachmentStorage {
  return config.attachments.s3 ? new S3Storage(config.attachments.s3) : new LocalDiskStorage(join(config.dataDir, 'attachments'));
}

/** Attachments: uploads (public and officers'), lists and downloads (docs/adr/0013-attachments.md). */
@Module({})
export class AttachmentsModule {
  /** Builds the service (the app module hands it to the work loop and, once wired, to the case writes). */
  static service(deps: {
    config: AppConfig;
    db: Database;
    catalog: SopCatalog;
    cases: CasesService;
    audit: AuditService;
    clock: Clock;
    logger: pino.Logger;
  }): AttachmentsService {
    const { config } = deps;
    return new AttachmentsService(
      new AttachmentsRepository(deps.db),
      attachmentStorageOf(config),
      new AttachmentSealer(config.dataKey),
      deps.catalog,
      deps.cases,
      deps.audit,
      deps.clock,
      deps.logger,
      // staged on the local disk in every mode: an upload is sealed there while it streams in; one
      // from which nothing arrives for ATTACHMENT_IDLE_MS is refused and its partial file removed
      { stagingDir: join(config.dataDir, 'attachments', 'incoming'), eventMaxMb: config.attachments.eventMaxMb, idleMs: uploadIdleMs() },
    );
  }

  static create(deps: { attachments: AttachmentsService; auth: AuthService; accountStatus: AccountStatus }): DynamicModule {
    return {
      module: AttachmentsModule,
      controllers: [PublicAttachmentsController, CitizenAttachmentsController, AttachmentsController],
      providers: [
        { provide: AttachmentsService, useValue: deps.attachments },
        { provide: AuthService, useValue: deps.auth },
        { provide: AccountStatus, useValue: deps.accountStatus },
        AuthGuard,
      ],
    };
  }
}
