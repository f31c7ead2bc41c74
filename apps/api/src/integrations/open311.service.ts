import { ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import type pino from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { publicView } from '../cases/case-view';
import type { CasesService } from '../cases/cases.service';
import { OPEN311_CHANNEL } from '@sop/compiler';
import { BadInputException } from '../common/errors';
import type { Clock } from '../common/clock';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import {
  categoryOfService,
  requestViewOf,
  serviceDefinitionOf,
  servicesOf,
  STANDARD_PARAMS,
  submissionOf,
  type Open311Error,
  type PublicCase,
} from './open311-mapping';
import { quoted } from '../common/quoted';
import {
  bodyValueProblem,
  dateProblem,
  DAY,
  LIST_PARAMS,
  LOOKUP_PARAMS,
  MAX_SPAN_DAYS,
  queryValuesOf,
  spanProblem,
  SUBMIT_PARAMS,
  w3cInstantOf,
} from './open311-params';
import { newOpen311Key, type Open311KeyRow, type Open311Repository } from './open311.repository';

/** An error answered in Open311's shape: `[{ code, description }]` with the HTTP status. */
export class Open311Exception extends HttpException {
  constructor(status: number, errors: Open311Error[] | string) {
    super(typeof errors === 'string' ? [{ code: status, description: errors }] : errors, status);
  }
}

const TICKET_LIST_MAX = 50;

/** The W3C dates or instants of a query (each on a day and at a time that exist), or an Open311 400 naming each that is not. */
function instantsOf(dates: Record<string, string | undefined>): Record<string, Date | undefined> {
  const instants: Record<string, Date | undefined> = {};
  const errors: Open311Error[] = [];
  for (const [name, text] of Object.entries(dates)) {
    if (text === undefined || text === '') continue;
    const read = w3cInstantOf(text);
    if ('at' in read) instants[name] = read.at;
    else errors.push({ code: 400, description: dateProblem(name, text, read.problems) });
  }
  if (errors.length) throw new Open311Exception(400, errors);
  return instants;
}

/** Each query parameter a route reads as the one text sent, or an Open311 400 naming each sent more than once or as a list. */
function queryValues(query: Record<string, unknown>, hints: Record<string, string>): Record<string, string | undefined> {
  const read = queryValuesOf(query, hints);
  if ('problems' in read)
    throw new Open311Exception(
      400,
      read.problems.map((description) => ({ code: 400, description })),
    );
  return read.values;
}

/** For each parameter of POST requests.json's query string: what to send once. */
const SUBMIT_QUERY_PARAMS: Record<string, string> = {
  ...Object.fromEntries(STANDARD_PARAMS.map((name) => [name, 'send one value'])),
  ...SUBMIT_PARAMS,
};

function wholeOf(name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'string' && /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new Open311Exception(400, `${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function textParam(name: string, value: unknown, max = 200): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) throw new Open311Exception(400, `${name} must be text of at most ${max} characters`);
  return value;
}

/**
 * Open311 GeoReport v2 over the public complaint path (docs/adr/0018): jurisdictions are SOPs,
 * services their categories, a request a complaint filed through CasesService.intake like the
 * public form's (same checks, sealing, notifications) on the channel `open311`.
 */
export class Open311Service {
  constructor(
    private readonly repository: Open311Repository,
    private readonly catalog: SopCatalog,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  /** The jurisdiction (an SOP that takes complaints), or a 400/404 in Open311's shape. */
  async jurisdiction(value: unknown): Promise<PublishedSop> {
    const all = await this.catalog.allLatest();
    const runnable = all.filter((p) => p.runnability.runnable).map((p) => p.sopId);
    if (value === undefined || value === '') {
      throw new Open311Exception(400, `jurisdiction_id is required: this endpoint serves several regencies (${runnable.join(', ')})`);
    }
    const id = textParam('jurisdiction_id', value, 64) ?? '';
    const published = all.find((p) => p.sopId === id);
    if (!published || !published.runnability.runnable) {
      throw new Open311Exception(404, `jurisdiction_id "${id.slice(0, 64)}" is not a regency that takes complaints; jurisdictions: ${runnable.join(', ')}`);
    }
    return published;
  }

  async discovery(baseUrl: string) {
    return {
      changeset: '2026-12-05T00:00:00Z',
      contact: 'Dinas Kependudukan dan Pencatatan Sipil of each jurisdiction',
      key_service: 'an administrator of the regency creates a key at POST /api/open311/keys',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/api/open311/v2`,
          changeset: '2026-12-05T00:00:00Z',
          type: 'production',
          formats: ['application/json'],
        },
      ],
      jurisdictions: (await this.catalog.allLatest())
        .filter((p) => p.runnability.runnable)
        .map((p) => ({ jurisdiction_id: p.sopId, name: p.sop.identity.regency })),
    };
  }

  async services(query: Record<string, unknown>) {
    return servicesOf(await this.jurisdiction(queryValues(query, LOOKUP_PARAMS).jurisdiction_id));
  }

  async definition(code: string, query: Record<string, unknown>) {
    const p = await this.jurisdiction(queryValues(query, LOOKUP_PARAMS).jurisdiction_id);
    const definition = serviceDefinitionOf(p, code);
    if (!definition)
      throw new Open311Exception(404, `service_code ${quoted(code)} is not a service of ${p.sopId}: see services.json?jurisdiction_id=${p.sopId}`);
    return definition;
  }

  /** The live key of the jurisdiction, or 403 in Open311's shape. */
  private async clientKey(value: unknown, p: PublishedSop): Promise<Open311KeyRow> {
    if (value === undefined || value === '') throw new Open311Exception(403, "api_key is required: ask the regency's administrator for a key");
    const key = typeof value === 'string' && value.length <= 200 ? await this.repository.liveKey(value) : null;
    if (!key) throw new Open311Exception(403, 'api_key is not valid (unknown or revoked)');
    if (key.sop_id !== p.sopId) throw new Open311Exception(403, `api_key is not a key of jurisdiction ${p.sopId}`);
    return key;
  }

  /** POST requests.json: files the complaint as the public form does; answers the ticket as service_request_id. */
  async submit(body: Record<string, unknown>, query: Record<string, unknown>) {
    this.oneValueEach(body, query);
    const params = { ...query, ...body };
    const p = await this.jurisdiction(params.jurisdiction_id);
    const key = await this.clientKey(params.api_key, p);
    const code = textParam('service_code', params.service_code, 64);
    if (!code) throw new Open311Exception(400, `service_code is required: see services.json?jurisdiction_id=${p.sopId}`);
    const submission = submissionOf(p, code, params);
    if ('errors' in submission) throw new Open311Exception(submission.errors.some((e) => e.code === 404) ? 404 : 400, submission.errors);
    let filed: Awaited<ReturnType<CasesService['intake']>>;
    try {
      filed = await this.cases.intake({ sop: p.sopId, channel: OPEN311_CHANNEL, data: submission.data }, null, { open311KeyId: key.id });
    } catch (e) {
      throw this.inOpen311Terms(e, submission.paramOf);
    }
    this.logger.info({ ticket: filed.row.ticket, sop: p.sopId, key: key.id }, 'open311 request filed');
    return [
      {
        service_request_id: filed.row.ticket,
        service_notice: `Pengaduan diterima dengan nomor tiket ${filed.row.ticket}. Kode akses ${filed.accessCode} diperlukan bila kantor meminta tanggapan pelapor (hanya ditampilkan sekali).`,
        account_id: null,
        access_code: filed.accessCode,
      },
    ];
  }

  /**
   * A 400 naming each parameter of a POST sent more than once or as a list (in the query string, or
   * in the body before the form reads it), or sent in both with different values.
   */
  private oneValueEach(body: Record<string, unknown>, query: Record<string, unknown>): void {
    const read = queryValuesOf(query, SUBMIT_QUERY_PARAMS);
    const problems = 'problems' in read ? [...read.problems] : [];
    for (const [name, hint] of Object.entries(SUBMIT_PARAMS)) {
      const problem = bodyValueProblem(name, body[name], hint);
      if (problem) problems.push(problem);
    }
    if ('values' in read) {
      for (const [name, value] of Object.entries(read.values)) {
        const inBody = body[name];
        // a list or a set in the body is named as such (above, or by the form)
        if (value === undefined || value === '' || inBody === undefined || (inBody !== null && typeof inBody === 'object')) continue;
        if ((typeof inBody === 'string' || typeof inBody === 'number') && String(inBody) === value) continue;
        problems.push(`${name} was sent twice, in the query string and in the body, with different values: send it once`);
      }
    }
    if (problems.length)
      throw new Open311Exception(
        400,
        problems.map((description) => ({ code: 400, description })),
      );
  }

  /** The form's errors (`data.<field>`) in the client's terms (`attribute[<field>]`, `description`). */
  private inOpen311Terms(e: unknown, paramOf: Record<string, string>): unknown {
    if (!(e instanceof HttpException)) return e;
    const body = e.getResponse() as { message?: string; errors?: { field: string; message: string }[] };
    if (!body.errors?.length) return new Open311Exception(e.getStatus(), body.message ?? 'the request was refused');
    return new Open311Exception(
      e.getStatus(),
      body.errors.map((err) => {
        const field = err.field.replace(/^data\./, '');
        const param = paramOf[field] ?? `attribute[${field}]`;
        return { code: e.getStatus(), description: `${param}: ${err.message}` };
      }),
    );
  }

  /** GET requests/{id}.json: anyone with the ticket, as the ticket page; never the complaint's text or identity. */
  async request(ticket: string, query: Record<string, unknown>) {
    const p = await this.jurisdiction(queryValues(query, LOOKUP_PARAMS).jurisdiction_id);
    let found: Awaited<ReturnType<CasesService['publicByTicket']>>;
    try {
      found = await this.cases.publicByTicket(ticket);
    } catch (e) {
      // not a ticket's form (too long, too short, other characters): no request could ever have it
      if (e instanceof HttpException && e.getStatus() === 400)
        throw new Open311Exception(
          404,
          `service_request_id ${quoted(ticket)} is not a request id this server issues: ids are tickets of three letters, a dash and six letters or digits, such as BUL-7K4Q9P`,
        );
      if (e instanceof HttpException && e.getStatus() === 404) throw new Open311Exception(404, `no request ${ticket.slice(0, 30)} in ${p.sopId}`);
      throw e;
    }
    if (found.row.sopId !== p.sopId || found.row.kind !== 'complaint') throw new Open311Exception(404, `no request ${ticket.slice(0, 30)} in ${p.sopId}`);
    const view = publicView(found.row, found.published, found.kartu, this.clock.now()) as PublicCase;
    return [requestViewOf(found.published, view, found.row.category, found.row.updatedAt)];
  }

  /** GET requests.json: the requests this client (api_key) filed, newest first; GeoReport v2's filters. */
  async requests(sent: Record<string, unknown>) {
    const query = queryValues(sent, LIST_PARAMS);
    const p = await this.jurisdiction(query.jurisdiction_id);
    const key = await this.clientKey(query.api_key, p);
    const allowed = new Set(Object.keys(LIST_PARAMS));
    const unknown = Object.keys(sent).filter((k) => !allowed.has(k));
    if (unknown.length)
      throw new Open311Exception(
        400,
        `unknown parameter ${unknown
          .slice(0, 5)
          .map((k) => `"${k.slice(0, 40)}"`)
          .join(', ')}: use ${[...allowed].join(', ')}`,
      );
    const now = this.clock.now();
    const { start_date: start, end_date: end } = instantsOf({ start_date: query.start_date, end_date: query.end_date });
    const to = end ?? now;
    const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY);
    if (from > to) {
      throw new Open311Exception(
        400,
        end
          ? `end_date ${quoted(query.end_date ?? '')} is before start_date ${quoted(query.start_date ?? '')}: send an end_date on or after the start_date`
          : `start_date ${quoted(query.start_date ?? '')} is after now (${now.toISOString()}), the end_date when none is sent: send a start_date before now, or an end_date after it`,
      );
    }
    if (start && to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) {
      throw new Open311Exception(400, spanProblem(query.start_date ?? '', end ? (query.end_date ?? '') : null, from, to, now));
    }
    const statusText = textParam('status', query.status, 20);
    const statuses = statusText?.split(',').map((s) => s.trim());
    if (statuses && statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Exception(400, 'status must be open, closed or open,closed');
    const status = statuses && statuses.length === 1 ? (statuses[0] === 'closed' ? 'done' : 'open') : undefined;
    const ids = textParam('service_request_id', query.service_request_id, 2000)
      ?.split(',')
      .map((t) => t.trim().toUpperCase())
      .filter(Boolean);
    if (ids && ids.length > TICKET_LIST_MAX) throw new Open311Exception(400, `service_request_id lists at most ${TICKET_LIST_MAX} requests`);
    const codes = textParam('service_code', query.service_code, 2000)
      ?.split(',')
      .map((c) => c.trim());
    let categories: (string | null)[] | undefined;
    if (codes) {
      const found = codes.map((c) => categoryOfService(p, c));
      const bad = codes.filter((_, i) => found[i] === undefined);
      if (bad.length) throw new Open311Exception(400, `service_code ${bad.map((c) => `"${c.slice(0, 40)}"`).join(', ')} is not a service of ${p.sopId}`);
      categories = found.includes(null) ? undefined : (found as string[]);
    }
    const pageSize = wholeOf('page_size', query.page_size, 1, 200, 50);
    const page = wholeOf('page', query.page, 1, 100_000, 1);
    const rows = await this.repository.requests({
      keyId: key.id,
      from,
      // end_date is inclusive of its instant
      to: new Date(to.getTime() + 1),
      status,
      categories,
      tickets: ids,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const replies = await this.repository.latestReplies(rows.map((r) => r.id));
    const items = [];
    for (const row of rows) {
      const published = await this.catalog.byId(row.sopVersionId);
      const reply = replies.get(row.id);
      const view = publicView(row, published, reply ? [reply] : [], this.clock.now()) as PublicCase;
      items.push(requestViewOf(published, view, row.category, row.updatedAt));
    }
    return items;
  }

  // ---- keys (administrators of a regency) ----

  private scopeOf(admin: Principal, sop: string | undefined): string {
    if (!admin.permissions.includes('admin')) throw new ForbiddenException(`Open311 keys are managed by an administrator; you are ${admin.username}`);
    const target = sop ?? admin.regency;
    if (target === '*') throw new BadInputException('which regency?', [{ field: 'sop', message: 'name the regency (SOP id) the key is for, e.g. "metro"' }]);
    if (admin.regency !== '*' && admin.regency !== target)
      throw new ForbiddenException(`you administer ${admin.regency}; keys of ${target} are its administrator's`);
    return target;
  }

  async createKey(admin: Principal, input: { sop?: string; label: string }) {
    const sopId = this.scopeOf(admin, input.sop);
    const p = await this.catalog.latest(sopId);
    if (!p) throw new NotFoundException(`no published SOP ${sopId}`);
    const key = newOpen311Key();
    const row = await this.repository.createKey(sopId, input.label, key, admin.username, this.clock.now());
    await this.audit.record(admin, 'apikey.create', sopId, row.id, { label: input.label, prefix: row.key_prefix });
    return { ...keyView(row), key, message: 'Keep this key now: it is shown only once (the server keeps only its hash).' };
  }

  async listKeys(admin: Principal, sop: string | undefined) {
    const scope = admin.permissions.includes('admin') && admin.regency === '*' && sop === undefined ? null : this.scopeOf(admin, sop);
    return { items: (await this.repository.keys(scope)).map(keyView) };
  }

  async revokeKey(admin: Principal, id: string) {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.repository.keyById(id) : null;
    if (!row) throw new NotFoundException(`no Open311 key ${id.slice(0, 40)}`);
    this.scopeOf(admin, row.sop_id);
    const revoked = await this.repository.revoke(row.id, admin.username, this.clock.now());
    if (!revoked) return keyView(row);
    await this.audit.record(admin, 'apikey.revoke', row.sop_id, row.id, { label: row.label, prefix: row.key_prefix });
    return keyView(revoked);
  }
}

function keyView(row: Open311KeyRow) {
  return {
    id: row.id,
    sop: row.sop_id,
    label: row.label,
    prefix: row.key_prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
