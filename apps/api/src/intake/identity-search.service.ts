import { ForbiddenException, type OnApplicationBootstrap } from '@nestjs/common';
import type { StepMeta } from '@sop/compiler';
import type pino from 'pino';
import type { Principal } from '../auth/principal';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import { BadInputException, type FieldError } from '../common/errors';
import type { CasesRepository, IdentityMatch } from '../cases/cases.repository';
import type { CasesService } from '../cases/cases.service';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import type { IdentityIndex } from './identity-index';

export interface IdentityQuery {
  nik?: string;
  phone?: string;
  status?: 'open' | 'done';
  page?: number;
  pageSize?: number;
}

/** A case found by NIK or phone, as the console shows it (never the value searched). */
export interface IdentityMatchView {
  id: string;
  ticket: string;
  status: 'open' | 'done';
  step: string;
  stepLabel: string;
  lane: string;
  laneName: string;
  channel: string | null;
  createdAt: Date;
  receivedAt: Date | null;
  /** Which of the values matched: nik, phone or both. */
  matchedBy: ('nik' | 'phone')[];
}

const DAY_MS = 86_400_000;

/** A step's label for a one-line list: an activity text cut at a word near 80 characters. */
function shortLabel(text: string): string {
  if (text.length <= 80) return text;
  const cut = text.slice(0, 80);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,;.:/]+$/, '')}…`;
}

/**
 * Finding complaints by the complainant's NIK or phone (docs/adr/0023): the inbox's identity search,
 * the registration's duplicate check, and the warning on a case page. Only the lanes that may see
 * identity (ADR 0005) search; every search is in the audit log, never with the value searched. The
 * work of indexing cases filed before the index runs here at start, a page at a time.
 */
export class IdentitySearch implements OnApplicationBootstrap {
  private backfill: Promise<number> | null = null;

  constructor(
    private readonly cases: CasesService,
    private readonly repository: CasesRepository,
    private readonly catalog: SopCatalog,
    private readonly index: IdentityIndex,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
    /** DUPLICATE_WINDOW_DAYS: how recent a filing by the same NIK or phone counts as a possible duplicate. */
    readonly windowDays: number,
  ) {}

  onApplicationBootstrap(): void {
    this.backfill = this.indexEarlierCases().catch((e: unknown) => {
      this.logger.error({ err: e }, 'indexing earlier complaints for identity search failed');
      return 0;
    });
  }

  /** Waits for the start-up indexing (tests, shutdown). */
  async indexed(): Promise<number> {
    return (await this.backfill) ?? 0;
  }

  /**
   * Indexes every complaint not indexed with the current key, in pages of `pageSize` in id order.
   * Idempotent: a case's index depends on its form only, and an indexed case is not read again.
   */
  async indexEarlierCases(pageSize = 500): Promise<number> {
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const rows = await this.repository.unindexed(this.index.keyId, after, pageSize);
      for (const row of rows) {
        const published = await this.catalog.byId(row.sopVersionId);
        await this.repository.setIdentityIndex(row.id, { ...this.index.ofForm(published.form.fields, row.formData), key: this.index.keyId });
        done++;
      }
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1].id;
    }
    if (done) this.logger.info({ indexed: done }, 'earlier complaints indexed for identity search');
    return done;
  }

  /** The user's regency's SOP, if one of their lanes may see identity; 403 otherwise. */
  private async allowed(user: Principal): Promise<PublishedSop> {
    const published = await this.catalog.latest(user.regency);
    const lanes = published ? this.cases.revealLanes(published) : [];
    if (!published || !lanes.some((l) => user.lanes.includes(l))) {
      throw new ForbiddenException(
        `searching by NIK or phone is for the lanes that may see the complainant's identity (${lanes.join(', ') || 'none'}), which you do not hold`,
      );
    }
    return published;
  }

  /** The blind indexes of a query; 400 when it has neither value or one is not a NIK / phone number. */
  private hashes(q: IdentityQuery): { nik: string | null; phone: string | null; by: ('nik' | 'phone')[] } {
    const errors: FieldError[] = [];
    const nik = q.nik?.trim() ? this.index.of('nik', q.nik) : null;
    const phone = q.phone?.trim() ? this.index.of('phone', q.phone) : null;
    if (q.nik?.trim() && !nik) errors.push({ field: 'nik', message: 'nik must be the 16 digits of a NIK (spaces, dots and dashes between them are fine)' });
    if (q.phone?.trim() && !phone)
      errors.push({ field: 'phone', message: 'phone must be a mobile number (0812…, 62812…, +62812…) or a telephone number with its area code' });
    if (errors.length) throw new BadInputException('the search is not valid: see errors', errors);
    if (!nik && !phone) throw new BadInputException('nothing to search for', [{ field: 'nik', message: 'give a NIK, a phone number, or both' }]);
    return { nik, phone, by: [...(nik ? ['nik' as const] : []), ...(phone ? ['phone' as const] : [])] };
  }

  private view(published: PublishedSop, m: IdentityMatch): IdentityMatchView {
    const meta = published.compiled.steps[m.step] as StepMeta | undefined;
    return {
      id: m.id,
      ticket: m.ticket,
      status: m.status,
      step: m.step,
      stepLabel: shortLabel(meta?.label ?? meta?.activity ?? m.step),
      lane: m.lane,
      laneName: meta?.laneName ?? m.lane,
      channel: m.channel,
      createdAt: m.created_at,
      receivedAt: m.received_at,
      matchedBy: [...(m.by_nik ? ['nik' as const] : []), ...(m.by_phone ? ['phone' as const] : [])],
    };
  }

  /** The inbox's search by NIK or phone: every complaint of the regency (any lane), newest first. */
  async search(user: Principal, q: IdentityQuery): Promise<{ items: IdentityMatchView[]; page: number; pageSize: number; total: number }> {
    const published = await this.allowed(user);
    const { nik, phone, by } = this.hashes(q);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { rows, total } = await this.repository.byIdentity(
      user.regency,
      { nik, phone },
      { status: q.status ?? null, limit: pageSize, offset: (page - 1) * pageSize },
    );
    await this.audit.record(user, 'identity.search', user.regency, null, { by, found: total });
    return { items: rows.map((r) => this.view(published, r)), page, pageSize, total };
  }

  /** At registration: complaints filed by the same NIK or phone within the window. */
  async duplicatesForIntake(user: Principal, q: IdentityQuery): Promise<{ windowDays: number; items: IdentityMatchView[]; total: number }> {
    const published = await this.allowed(user);
    const { nik, phone, by } = this.hashes(q);
    const from = new Date(this.clock.now().getTime() - this.windowDays * DAY_MS);
    const { rows, total } = await this.repository.byIdentity(user.regency, { nik, phone }, { from, limit: 20, offset: 0 });
    await this.audit.record(user, 'identity.duplicate-check', user.regency, null, { by, found: total });
    return { windowDays: this.windowDays, items: rows.map((r) => this.view(published, r)), total };
  }

  /**
   * On a case page: other complaints by the same NIK or phone filed within the window before or
   * after it. Every officer of the regency sees how many; the lanes that may see identity get the
   * cases too (null for the others).
   */
  async duplicatesOfCase(user: Principal, id: string): Promise<{ windowDays: number; total: number; items: IdentityMatchView[] | null }> {
    const { row, published } = await this.cases.view(user, id);
    if (row.kind !== 'complaint' || (!row.nikHash && !row.phoneHash)) return { windowDays: this.windowDays, total: 0, items: null };
    const at = row.createdAt.getTime();
    const { rows, total } = await this.repository.byIdentity(
      row.sopId,
      { nik: row.nikHash, phone: row.phoneHash },
      { from: new Date(at - this.windowDays * DAY_MS), to: new Date(at + this.windowDays * DAY_MS), exceptId: row.id, limit: 20, offset: 0 },
    );
    const mayKnow = this.cases.canReveal(user, row, published);
    return { windowDays: this.windowDays, total, items: mayKnow ? rows.map((r) => this.view(published, r)) : null };
  }
}
