import type pino from 'pino';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import type { AuditEntry, AuditLine, AuditRepository } from './audit.repository';

/** The audit log: one line per administrative action, publication, holiday load and identity reveal. */
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  /** Records what `by` did (null: the system, e.g. SOP files loaded at start). */
  async record(
    by: Pick<Principal, 'userId' | 'username'> | null,
    action: string,
    regency: string,
    target: string | null,
    details: AuditEntry['details'] = {},
  ): Promise<void> {
    await this.repository.append({ actorId: by?.userId ?? null, actor: by?.username ?? 'sistem', action, regency, target, details }, this.clock.now());
    this.logger.info({ audit: action, by: by?.username ?? 'sistem', regency, target }, 'audit');
  }

  /** A page of the log, newest first (see AuditRepository.page). */
  page(filter: Parameters<AuditRepository['page']>[0]): Promise<AuditLine[]> {
    return this.repository.page(filter);
  }
}
