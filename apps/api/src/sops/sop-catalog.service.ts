import { createHash } from 'node:crypto';
import { HttpException, HttpStatus } from '@nestjs/common';
import { fileLoadNote } from '@sop/api-contract';
import { localDateOf, localMidnight, type Calendar } from '@sop/business-time';
import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import { restoreCompiledSop, type CompiledSop, type StoredCompiledSop } from '@sop/compiler';
import { formatIssue, inspectSop, runnability, type Form, type Runnability, type SopDocument, type SopInspection, type SopIssue } from '@sop/model';
import type pino from 'pino';
import type { Database } from '../database/database';
import { SopCheckBusy, SopChecker, type SopCheck } from './sop-checker';
import { ServiceBusyException } from '../common/rate-limit';
import { readSopFiles } from './sop-files';
import { SopVersionsRepository, type SopVersionHistoryRow, type SopVersionRow, type SopVersionStatus } from './sop-versions.repository';
import type { HolidayCalendars } from '../holidays/holiday-calendars';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { BadInputException } from '../common/errors';

/** A published SOP version, ready to run cases on. */
export interface PublishedSop {
  versionId: string;
  sopId: string;
  version: number;
  contentHash: string;
  yaml: string;
  sop: SopDocument;
  compiled: CompiledSop;
  /** The office calendar on the holiday data in force now (it changes when a holiday list is loaded). */
  readonly calendar: Calendar;
  /** The SOP's intake form, or the platform's default when the SOP names none. */
  form: Form;
  formIsDefault: boolean;
  inspection: SopInspection;
  /** Whether cases run on it: not when its source is cut off (published for viewing and comparison only, ADR 0011). */
  runnability: Runnability;
  publishedAt: Date;
  publishedBy: string | null;
  changeNote: string | null;
  /**
   * Whether `sops/` holds a file for this SOP at this start. False for an SOP that lives only in the
   * database (a new regency published from the browser): it is kept and runs all the same.
   */
  readonly inSopsDirectory: boolean;
}

/** A file in sops/ that could not be published, with its located issues. */
export interface RejectedSopFile {
  file: string;
  sopId: string;
  issues: SopIssue[];
}

export class InvalidSopException extends HttpException {
  constructor(issues: SopIssue[]) {
    super(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'sop.invalid',
        message: `the SOP has ${issues.filter((i) => i.severity === 'error').length} error(s): nothing was published`,
        messageId: `SOP ini memuat ${issues.filter((i) => i.severity === 'error').length} kesalahan: tidak ada yang diterbitkan`,
        issues,
      },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

/** 409: another version was published since the author opened the one they edited. */
export class StaleSopVersionException extends HttpException {
  constructor(sopId: string, basedOn: number, latest: { version: number; published_by: string | null; published_at: Date } | null) {
    super(
      {
        statusCode: 409,
        error: 'Conflict',
        code: 'sop.stale-version',
        message: `${sopId} is at version ${latest?.version ?? 0}${latest?.published_by ? ` (published by ${latest.published_by})` : ''}, not ${basedOn} as when you opened it: nothing was published; load the latest version and apply your change to it`,
        currentVersion: latest?.version ?? 0,
      },
      HttpStatus.CONFLICT,
    );
  }
}

const SOP_ID = /^[a-z][a-z0-9-]*$/;

/** A version's line in the history: who published it and why, and what the signer decided (ADR 0025). */
export interface SopVersionFacts {
  versionId: string;
  version: number;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string | null;
  changeNote: string | null;
  /** 'proposed' (diusulkan), 'approved' (disetujui), 'rejected' (ditolak). */
  status: SopVersionStatus;
  /** When an approved version takes (or took) effect; null for a proposal or a rejected one. */
  effectiveFrom: Date | null;
  /** The local date the signer chose, or null when it took effect on publication (version 1, a file in sops/). */
  effectiveDate: string | null;
  /** Whether it is the version new cases start on now. */
  inEffect: boolean;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** Why the signer rejected it. */
  rejectReason: string | null;
}

/** 409: the proposal was decided already (two signers at once: one wins), or a later version is approved. */
export class ProposalDecidedException extends HttpException {
  constructor(sopId: string, version: number, row: SopVersionHistoryRow | null, laterApproved: number | null) {
    const decided = row && row.status !== 'proposed';
    super(
      {
        statusCode: 409,
        error: 'Conflict',
        code: decided ? 'sop.proposal-decided' : 'sop.proposal-superseded',
        message: decided
          ? `${sopId} version ${version} is ${row.status === 'approved' ? 'approved' : 'rejected'} already${row.decided_by ? ` (by ${row.decided_by})` : ''}: nothing was changed`
          : `${sopId} version ${laterApproved ?? '?'} is approved already: version ${version} would never take effect; propose it again on top of the newer version`,
        status: row?.status ?? null,
      },
      HttpStatus.CONFLICT,
    );
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function facts(r: SopVersionHistoryRow, inEffectId: string | null): SopVersionFacts {
  return {
    versionId: r.id,
    version: r.version,
    contentHash: r.content_hash,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    changeNote: r.change_note,
    status: r.status,
    effectiveFrom: r.effective_from,
    effectiveDate: r.effective_date,
    inEffect: r.id === inEffectId,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    rejectReason: r.decision_reason,
  };
}

/**
 * SOP versions: each holds its YAML, parsed model and content hash (Kestra keeps a flow's source
 * beside its parsed form). Cases stay on the version they started with.
 */
export class SopCatalog {
  private readonly byVersionId = new Map<string, PublishedSop>();
  /** Each version's model in the YAML's order (see {@link SopCatalog.inSourceOrder}), by version id. */
  private readonly sourceOrders = new Map<string, Promise<SopDocument | null>>();
  private rejected: RejectedSopFile[] = [];
  /** The SOP ids with a file in sops/ at start (valid or not). */
  private readonly fileIds = new Set<string>();
  private readonly repository: SopVersionsRepository;

  constructor(
    db: Database,
    private readonly calendars: HolidayCalendars,
    private readonly audit: AuditService,
    private readonly logger: pino.Logger,
    private readonly clock: Clock,
    /** Validates texts off the event loop (the one validator, on a worker thread). */
    private readonly checker: SopChecker = new SopChecker(),
  ) {
    this.repository = new SopVersionsRepository(db);
  }

  /**
   * Publishes every valid `sops/*.yaml` whose content is new; reports invalid files and goes on.
   * SOPs published through the API that have no file (a regency created from the browser) are
   * left as they are: the directory adds versions, it never removes an SOP.
   */
  async loadDirectory(dir: string): Promise<void> {
    const rejected: RejectedSopFile[] = [];
    for (const { file, sopId, text } of readSopFiles(dir)) {
      this.fileIds.add(sopId);
      if (!SOP_ID.test(sopId)) {
        const issue: SopIssue = {
          severity: 'error',
          code: 'file-name',
          message: `the file name "${file}" is not a valid SOP id: use lower-case letters, digits and dashes (e.g. "kota-metro.yaml")`,
          pointer: '',
          file: `sops/${file}`,
          line: 1,
          column: 1,
        };
        rejected.push({ file, sopId, issues: [issue] });
        this.logger.error({ sop: sopId, issue }, `SOP not published: ${formatIssue(issue)}`);
        continue;
      }
      const result = await this.check(text, `sops/${file}`, sopId);
      if (!result.sop || !result.machine) {
        rejected.push({ file, sopId, issues: result.issues });
        for (const issue of result.issues) this.logger.error({ sop: sopId, issue }, `SOP not published: ${formatIssue(issue)}`);
        continue;
      }
      // validated once: the publication takes this result
      const published = await this.publishValidated(sopId, text, result.sop, result.machine, { by: null, note: fileLoadNote(file), fromDirectory: true });
      this.keepSourceOrder(published, text, result.sop);
      this.logger.info({ sop: sopId, version: published.version, warnings: result.issues.length }, 'SOP ready');
    }
    this.rejected = rejected;
  }

  rejectedFiles(): RejectedSopFile[] {
    return this.rejected;
  }

  /**
   * Publishes a new version when the YAML is valid and its content is new. From the directory, content
   * equal to any earlier version is not republished (so a file older than an edit made in the app does
   * not undo it); through the API, content equal to the latest version is not republished.
   *
   * @throws InvalidSopException with every located issue when the YAML is invalid.
   */
  async publish(
    sopId: string,
    yaml: string,
    options: { by: Pick<Principal, 'userId' | 'username'> | null; note: string | null; fromDirectory?: boolean; basedOnVersion?: number },
  ): Promise<PublishedSop> {
    const result = await this.check(yaml, `sops/${sopId}.yaml`, sopId);
    if (!result.sop || !result.machine) throw new InvalidSopException(result.issues);
    const published = await this.publishValidated(sopId, yaml, result.sop, result.machine, options);
    this.keepSourceOrder(published, yaml, result.sop);
    return published;
  }

  /** The checked model is the version's in the YAML's order when the version holds that very text (not an older head kept instead). */
  private keepSourceOrder(p: PublishedSop, yaml: string, sop: SopDocument): void {
    if (p.yaml === yaml && !this.sourceOrders.has(p.versionId)) this.sourceOrders.set(p.versionId, Promise.resolve(sop));
  }

  /**
   * The model read from a version's YAML as the validator reads it, its keys in the order the YAML
   * gives them (`sop` comes back from a jsonb column, its keys reordered). The API answers this one:
   * the editor draws a text it opens from it instead of reading 100 kB of YAML again, and its
   * commands copy keys in the author's order (ADR 0034, addendum 2). Kept from the publication's
   * check, else read once on the checker's thread (a 12 KB seed takes 20–40 ms, a 2,000-step text a
   * second); null while the checker is busy with other texts (read when asked again), or should the
   * stored YAML no longer read (it was valid when published: a limit lowered since).
   */
  inSourceOrder(p: PublishedSop): Promise<SopDocument | null> {
    const known = this.sourceOrders.get(p.versionId);
    if (known) return known;
    // a read does not wait behind publications' checks (seconds each): the stored order now, the YAML's when asked again
    if (this.checker.busy) return Promise.resolve(null);
    const read = this.checker.read(p.yaml).then(
      (data) => (data && typeof data === 'object' && !Array.isArray(data) ? (data as SopDocument) : null),
      (e: unknown) => {
        // busy: the stored order this time, the YAML's order when asked again
        if (e instanceof SopCheckBusy) this.sourceOrders.delete(p.versionId);
        return null;
      },
    );
    this.sourceOrders.set(p.versionId, read);
    return read;
  }

  /** A text's validation and machine, off the event loop; 503 with Retry-After when every checker is busy. */
  private async check(text: string, file: string, id: string): Promise<SopCheck> {
    try {
      return await this.checker.check(text, file, id);
    } catch (e) {
      if (e instanceof SopCheckBusy) throw new ServiceBusyException(e.retryAfterSeconds, e.message, e.messageId);
      throw e;
    }
  }

  private async publishValidated(
    sopId: string,
    yaml: string,
    sop: SopDocument,
    machine: StoredCompiledSop,
    options: { by: Pick<Principal, 'userId' | 'username'> | null; note: string | null; fromDirectory?: boolean; basedOnVersion?: number },
  ): Promise<PublishedSop> {
    const hash = createHash('sha256').update(yaml).digest('hex');
    // the head: the newest version not rejected (a proposal awaiting the signer, or the version in effect)
    const latest = await this.repository.head(sopId);
    if (latest && latest.content_hash === hash) return this.fromRow(latest);
    const current = latest?.version ?? 0;
    if (options.basedOnVersion !== undefined && options.basedOnVersion !== current) throw new StaleSopVersionException(sopId, options.basedOnVersion, latest);
    if (options.fromDirectory && latest) {
      if (await this.repository.latestWithContent(sopId, hash)) return this.fromRow(latest);
    }
    if (latest && !options.fromDirectory && !options.note?.trim()) {
      // the signer reads it before approving (ADR 0025); a file in sops/ carries its file name
      throw new BadInputException('a change note is required', [
        {
          field: 'changeNote',
          message: `a version after version 1 needs a change note: say what changed and why (the signer reads it before approving); ${sopId} is at version ${latest.version}`,
          messageId: `versi setelah versi 1 wajib memiliki catatan perubahan: apa yang berubah dan mengapa (dibaca pengesah sebelum menyetujui); ${sopId} ada pada versi ${latest.version}`,
        },
      ]);
    }
    // version 1 (nobody can sign yet) and a file in sops/ (the deployment's own review) take effect at once;
    // a later version from the API is a proposal for the SOP's signer (ADR 0025)
    const immediate = !latest || options.fromDirectory === true;
    for (let attempt = 0; attempt < 5; attempt++) {
      // with basedOnVersion, only on top of that version: a publication in between makes this one stale
      const row = await this.repository.insertNext(
        {
          sopId,
          contentHash: hash,
          yaml,
          model: sop,
          machine,
          changeNote: options.note,
          publishedBy: options.by?.username ?? null,
          effectiveFrom: immediate ? this.clock.now() : null,
        },
        options.basedOnVersion ?? null,
      );
      if (row) {
        await this.audit.record(options.by, immediate ? 'sop.publish' : 'sop.propose', sopId, `${sopId}@${row.version}`, {
          version: row.version,
          contentHash: hash,
          changeNote: options.note,
        });
        return this.fromRow(row);
      }
      const raced = await this.repository.head(sopId); // another process published at the same moment
      if (raced && raced.content_hash === hash) return this.fromRow(raced);
      if (options.basedOnVersion !== undefined) throw new StaleSopVersionException(sopId, options.basedOnVersion, raced);
    }
    throw new Error(`could not publish a new version of ${sopId}: too many concurrent publications`);
  }

  /**
   * The version of an SOP in effect now (new cases start on it; ADR 0025: the highest approved version
   * whose date has come, found when asked so that every API process agrees without timers), or null
   * when none is published.
   */
  async latest(sopId: string): Promise<PublishedSop | null> {
    const row = await this.repository.effective(sopId, this.clock.now());
    return row ? this.fromRow(row) : null;
  }

  /** The newest version that is not rejected (a proposal or the version in effect): what an author edits. */
  async head(sopId: string): Promise<PublishedSop | null> {
    const row = await this.repository.head(sopId);
    return row ? this.fromRow(row) : null;
  }

  /** Whether any version of an SOP was ever published (a proposal or a rejected one counts). */
  async exists(sopId: string): Promise<boolean> {
    return (await this.repository.latest(sopId)) !== null;
  }

  /** A version by its id (cached: versions never change). */
  async byId(versionId: string): Promise<PublishedSop> {
    const cached = this.byVersionId.get(versionId);
    if (cached) return cached;
    const row = await this.repository.byId(versionId);
    if (!row) throw new Error(`SOP version ${versionId} does not exist`);
    return this.fromRow(row);
  }

  /** The version in effect now of every published SOP, by id. */
  async allLatest(): Promise<PublishedSop[]> {
    // ids only: versions never change, so each is parsed and compiled once and then served from the cache
    return Promise.all((await this.repository.effectiveIds(this.clock.now())).map((id) => this.byId(id)));
  }

  /** Every version of an SOP, newest first, with its status (proposed, approved, rejected) and which is in effect. */
  async versions(sopId: string): Promise<SopVersionFacts[]> {
    const rows = await this.repository.history(sopId);
    const now = this.clock.now().getTime();
    const inEffect = rows.find((r) => r.status === 'approved' && r.effective_from !== null && new Date(r.effective_from).getTime() <= now);
    return rows.map((r) => facts(r, inEffect?.id ?? null));
  }

  /** Today's date (YYYY-MM-DD) in an SOP's time zone on the API's clock: the earliest effective date a signer may choose. */
  today(p: PublishedSop): string {
    return localDateOf(this.clock.now(), p.sop.calendar.timeZone);
  }

  /**
   * The signer approves a proposal: it takes effect at the start of `effectiveDate` (YYYY-MM-DD, today
   * or later in the SOP's time zone). Cases already filed stay on their version.
   *
   * @throws BadInputException for a date that is not one or has passed; ProposalDecidedException (409)
   *   when the proposal was decided already or a later version is approved.
   */
  async approve(sopId: string, version: number, by: Pick<Principal, 'userId' | 'username'>, effectiveDate: string): Promise<SopVersionFacts | null> {
    const proposal = await this.repository.byNumber(sopId, version);
    if (!proposal) return null;
    const timeZone = proposal.model.calendar.timeZone;
    const now = this.clock.now();
    const today = localDateOf(now, timeZone);
    let effectiveFrom: Date;
    try {
      if (!DATE.test(effectiveDate)) throw new RangeError('');
      effectiveFrom = localMidnight(effectiveDate, timeZone);
    } catch {
      throw new BadInputException('not a date', [
        {
          field: 'effectiveDate',
          message: `the effective date is a calendar date written YYYY-MM-DD (e.g. ${today}); "${effectiveDate}" is not one`,
          messageId: `tanggal berlaku adalah tanggal kalender yang ditulis TTTT-BB-HH (mis. ${today}); "${effectiveDate}" bukan tanggal`,
        },
      ]);
    }
    if (effectiveDate < today) {
      throw new BadInputException('the effective date has passed', [
        {
          field: 'effectiveDate',
          message: `the effective date is today (${today}, ${timeZone}) or later; ${effectiveDate} has passed`,
          messageId: `tanggal berlaku paling awal hari ini (${today}, ${timeZone}); ${effectiveDate} sudah lewat`,
        },
      ]);
    }
    const row = await this.repository.decide(sopId, version, { status: 'approved', by: by.username, at: now, effectiveFrom, effectiveDate });
    if (!row) throw await this.whyNotDecided(sopId, version);
    await this.audit.record(by, 'sop.approve', sopId, `${sopId}@${version}`, {
      version,
      effectiveDate,
      effectiveFrom: effectiveFrom.toISOString(),
      proposedBy: proposal.published_by,
      ownProposal: proposal.published_by === by.username,
    });
    return (await this.versions(sopId)).find((v) => v.version === version) ?? null;
  }

  /** The signer rejects a proposal with a reason: it never takes effect. */
  async reject(sopId: string, version: number, by: Pick<Principal, 'userId' | 'username'>, reason: string): Promise<SopVersionFacts | null> {
    const proposal = await this.repository.byNumber(sopId, version);
    if (!proposal) return null;
    const row = await this.repository.decide(sopId, version, { status: 'rejected', by: by.username, at: this.clock.now(), reason });
    if (!row) throw await this.whyNotDecided(sopId, version);
    await this.audit.record(by, 'sop.reject', sopId, `${sopId}@${version}`, { version, reason, proposedBy: proposal.published_by });
    return (await this.versions(sopId)).find((v) => v.version === version) ?? null;
  }

  private async whyNotDecided(sopId: string, version: number): Promise<ProposalDecidedException> {
    const rows = await this.repository.history(sopId);
    const row = rows.find((r) => r.version === version) ?? null;
    const later = rows.find((r) => r.version > version && r.status === 'approved');
    return new ProposalDecidedException(sopId, version, row, later?.version ?? null);
  }

  async byNumber(sopId: string, version: number): Promise<PublishedSop | null> {
    const row = await this.repository.byNumber(sopId, version);
    return row ? this.fromRow(row) : null;
  }

  private fromRow(row: SopVersionRow): PublishedSop {
    const cached = this.byVersionId.get(row.id);
    if (cached) return cached;
    const sop = row.model;
    const compiled = restoreCompiledSop(row.sop_id, row.machine);
    const calendars = this.calendars;
    const fileIds = this.fileIds;
    const published: PublishedSop = {
      versionId: row.id,
      sopId: row.sop_id,
      version: row.version,
      contentHash: row.content_hash,
      yaml: row.yaml,
      sop,
      compiled,
      get calendar() {
        return calendars.calendarFor(row.id, row.sop_id, sop);
      },
      form: sop.intake?.form ?? DEFAULT_COMPLAINT_FORM,
      formIsDefault: !sop.intake?.form,
      inspection: inspectSop(sop),
      runnability: runnability(sop),
      publishedAt: new Date(row.published_at),
      publishedBy: row.published_by,
      changeNote: row.change_note,
      get inSopsDirectory() {
        return fileIds.has(row.sop_id);
      },
    };
    this.byVersionId.set(row.id, published);
    return published;
  }
}
