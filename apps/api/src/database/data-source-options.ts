import type { DataSourceOptions } from 'typeorm';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { KartuReply1764000000000 } from './migrations/1764000000000-kartu-reply';
import { HolidayLists1765000000000 } from './migrations/1765000000000-holiday-lists';
import { LoginLockouts1765100000000 } from './migrations/1765100000000-login-lockouts';
import { AccountsAndAudit1765200000000 } from './migrations/1765200000000-accounts-and-audit';
import { CitizenAccess1765300000000 } from './migrations/1765300000000-citizen-access';
import { Attachments1765400000000 } from './migrations/1765400000000-attachments';
import { CoordinationAndWaits1765500000000 } from './migrations/1765500000000-coordination-and-waits';
import { Notifications1765600000000 } from './migrations/1765600000000-notifications';
import { ReportIndexes1765700000000 } from './migrations/1765700000000-report-indexes';
import { CaseAssignee1765800000000 } from './migrations/1765800000000-case-assignee';
import { Open311AndLapor1765900000000 } from './migrations/1765900000000-open311-and-lapor';
import { KartuSop1766100000000 } from './migrations/1766100000000-kartu-sop';
import { DeadlineSweepLease1766200000000 } from './migrations/1766200000000-deadline-sweep-lease';
import { IntakeIdentityIndex1766400000000 } from './migrations/1766400000000-intake-identity-index';
import { VersionApproval1766500000000 } from './migrations/1766500000000-version-approval';
import { Webhooks1766000000000 } from './migrations/1766000000000-webhooks';
import { ReplyTemplates1766600000000 } from './migrations/1766600000000-reply-templates';
import { ReportRollups1766700000000 } from './migrations/1766700000000-report-rollups';
import { CasesFillfactor1766800000000 } from './migrations/1766800000000-cases-fillfactor';
import { IdempotencyRequestHash1766900000000 } from './migrations/1766900000000-idempotency-request-hash';
import { KartuEscalation1767100000000 } from './migrations/1767100000000-kartu-escalation';
import { KartuCitizenStep1767200000000 } from './migrations/1767200000000-kartu-citizen-step';
import { CitizenStepFiles1767300000000 } from './migrations/1767300000000-citizen-step-files';

export const MIGRATIONS = [
  InitialSchema1763900000000,
  KartuReply1764000000000,
  HolidayLists1765000000000,
  AccountsAndAudit1765200000000,
  LoginLockouts1765100000000,
  CitizenAccess1765300000000,
  Attachments1765400000000,
  CoordinationAndWaits1765500000000,
  Notifications1765600000000,
  ReportIndexes1765700000000,
  CaseAssignee1765800000000,
  Open311AndLapor1765900000000,
  KartuSop1766100000000,
  DeadlineSweepLease1766200000000,
  IntakeIdentityIndex1766400000000,
  Webhooks1766000000000,
  VersionApproval1766500000000,
  ReplyTemplates1766600000000,
  ReportRollups1766700000000,
  CasesFillfactor1766800000000,
  IdempotencyRequestHash1766900000000,
  KartuEscalation1767100000000,
  KartuCitizenStep1767200000000,
  CitizenStepFiles1767300000000,
];

/**
 * TypeORM's options for either database: the API's start runs `MIGRATIONS` with them
 * (database.ts), and so does the `typeorm` CLI (migration:show, migration:revert). `poolSize: 1`
 * for the embedded PGlite, which has a single session and must see one transaction at a time (and
 * whose socket server serves one connection: for the CLI, the API must be stopped).
 */
export function dataSourceOptions(url: string, poolSize: number, driver: Record<string, unknown> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    poolSize,
    // `driver`: more options of the `pg` pool (the API's start gives the embedded database's `Client` and `onConnect`)
    extra: { max: poolSize, idleTimeoutMillis: 0, ...driver },
  };
}
