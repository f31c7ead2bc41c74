import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, ROOT, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';

/**
 * Open311 GeoReport v2 on the public API (docs/integrations-open311-lapor.md): a client discovers
 * Buleleng's services, files a request with its key, reads it back, and sees it change when the
 * office acts; keys, confidentiality and hostile input. The client session is written to
 * test-results/open311-session.txt.
 */

const CLOCK_START = '2026-03-10T09:00:00+07:00'; // a Tuesday morning
const V2 = '/api/open311/v2';
const ADMIN = 'admin.buleleng';
const STAF = 'buleleng.staf-kerjasama';

let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;
let key: string;
const transcript: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // the complaints' per-address limit low enough to be reached at the end of this file
  api = await startApi(db, { SOP_CLOCK_START: CLOCK_START, COMPLAINT_IP_LIMIT: '20' });
  client = new ApiClient(api.url);
  const created = await client.request('POST', '/api/open311/keys', { as: ADMIN, body: { label: 'Aplikasi Desa Digital' } });
  expect(created.status).toBe(201);
  key = created.body.key;
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results/open311-session.txt'), transcript.join('\n'));
});

const hideKey = (text: string) => (key ? text.split(key).join(`${key.slice(0, 9)}…`) : text);

/** A request as an Open311 client sends it (no bearer token), recorded in the transcript. */
async function open311(method: 'GET' | 'POST', path: string, form?: Record<string, string>, note?: string): Promise<Reply> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const res = await client.request(method, path, body ? { rawBody: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {});
  if (note) transcript.push(`# ${note}`);
  transcript.push(hideKey(`> ${method} ${path}`));
  if (form) {
    const lines = Object.entries(form).map(([k, v], i) => `>   ${i ? '&' : ''}${k}=${v}`);
    transcript.push(hideKey(['> Content-Type: application/x-www-form-urlencoded', ...lines].join('\n')));
  }
  transcript.push(`< ${res.status}`, JSON.stringify(res.body, null, 2), '');
  return res;
}

/** Open311's error shape: a list of { code, description }, the code being the HTTP status. */
function expectOpen311Error(res: Reply, status: number, description: RegExp) {
  expect(res.status).toBe(status);
  expect(Array.isArray(res.body)).toBe(true);
  expect(res.body).toEqual(expect.arrayContaining([{ code: status, description: expect.stringMatching(description) }]));
}

const IDENTITY = { first: 'Ni Made', last: 'Ayu Lestari', phone: '081234567890', email: 'made.ayu@example.id' };
const DESCRIPTION = 'Antrian perekaman KTP-el di kantor terlalu lama, sudah tiga kali datang';

describe('an Open311 client session', () => {
  let ticket: string;

  it('discovers the services of Buleleng: one per complaint category, with the form as attributes', async () => {
    const discovery = await open311('GET', `${V2}/discovery.json`, undefined, 'the endpoint and its jurisdictions');
    expect(discovery.status).toBe(200);
    expect(discovery.body.jurisdictions).toEqual(expect.arrayContaining([{ jurisdiction_id: 'buleleng', name: 'Kabupaten Buleleng' }]));
    const services = await open311('GET', `${V2}/services.json?jurisdiction_id=buleleng`, undefined, "Buleleng's services: its complaint categories");
    expect(services.status).toBe(200);
    expect(services.body.map((s: { service_code: string }) => s.service_code)).toEqual(['perilaku-pegawai', 'sarana-prasarana', 'pelayanan', 'lain-lain']);
    expect(services.body[2]).toMatchObject({ service_name: 'Pelayanan', metadata: true, type: 'realtime' });
    const definition = await open311('GET', `${V2}/services/pelayanan.json?jurisdiction_id=buleleng`, undefined, 'what the service asks: the intake form');
    expect(definition.status).toBe(200);
    expect(definition.body.attributes.map((a: { code: string }) => a.code)).toEqual(['nama-lengkap', 'alamat', 'alamat-email', 'no-hp', 'isi-pengaduan']);
    expect(definition.body.attributes[4]).toMatchObject({ code: 'isi-pengaduan', datatype: 'text', required: true, description: 'ISI PENGADUAN / SARAN' });
    expect(definition.body.attributes[4].datatype_description).toMatch(/standard field description/);
  });

  it('files a request with its key (form-urlencoded): the ticket is the service_request_id', async () => {
    const filed = await open311(
      'POST',
      `${V2}/requests.json`,
      {
        api_key: key,
        jurisdiction_id: 'buleleng',
        service_code: 'pelayanan',
        description: DESCRIPTION,
        first_name: IDENTITY.first,
        last_name: IDENTITY.last,
        phone: IDENTITY.phone,
        email: IDENTITY.email,
        'attribute[alamat]': 'Jl. Gajah Mada 10, Singaraja',
        lat: '-8.112',
        long: '115.09',
      },
      'a complaint filed through the partner application',
    );
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual([
      { service_request_id: expect.stringMatching(/^BUL-[0-9A-Z]{6}$/), service_notice: expect.any(String), account_id: null, access_code: expect.any(String) },
    ]);
    ticket = filed.body[0].service_request_id;
    // the office sees it in the intake lane, on the channel open311, with the form filled from the standard fields
    const inbox = await client.request('GET', `/api/cases?ticket=${ticket}`, { as: STAF });
    expect(inbox.body.items).toEqual([expect.objectContaining({ ticket, channel: 'open311', category: 'Pelayanan' })]);
    const detail = await client.request('GET', `/api/cases/${inbox.body.items[0].id}`, { as: STAF });
    const form = Object.fromEntries(detail.body.form.fields.map((f: { id: string; value: string }) => [f.id, f.value]));
    expect(form).toMatchObject({ 'isi-pengaduan': DESCRIPTION, 'sasaran-pengaduan': 'Pelayanan' });
    expect(detail.body.kartuKendali[0]).toMatchObject({ event: 'START', officer: 'citizen:Open311' });
  });

  it('reads the request back: open, in public words, never the text or the identity', async () => {
    const read = await open311('GET', `${V2}/requests/${ticket}.json?jurisdiction_id=buleleng`, undefined, 'the request, as anyone with its number sees it');
    expect(read.status).toBe(200);
    expect(read.body).toEqual([
      expect.objectContaining({
        service_request_id: ticket,
        status: 'open',
        service_code: 'pelayanan',
        description: null,
        status_notes: expect.stringMatching(/^Sedang diproses/),
        requested_datetime: expect.stringMatching(/^2026-03-10T/),
      }),
    ]);
    const text = JSON.stringify(read.body);
    for (const secret of [IDENTITY.first, IDENTITY.last, IDENTITY.phone, IDENTITY.email, 'Gajah Mada', 'Antrian perekaman']) expect(text).not.toContain(secret);
  });

  it("sees the status change after an officer acts, the reply with the complainant's number struck out", async () => {
    const inbox = await client.request('GET', `/api/cases?ticket=${ticket}`, { as: STAF });
    const id = inbox.body.items[0].id;
    const moved = await client.request('POST', `/api/cases/${id}/events`, {
      as: STAF,
      body: { type: 'COMPLETE', version: 1, reply: `Pengaduan Anda kami catat; kami hubungi di ${IDENTITY.phone}.` },
    });
    expect(moved.status).toBe(200);
    transcript.push("# (in the console, the Staf Kerjasama completes step 1 with a reply that quotes the complainant's phone number)", '');
    const read = await open311('GET', `${V2}/requests/${ticket}.json?jurisdiction_id=buleleng`, undefined, 'after the Staf Kerjasama logged it and replied');
    expect(read.body[0].status).toBe('open');
    expect(read.body[0].status_notes).toMatch(/Tanggapan terakhir: Pengaduan Anda kami catat/);
    expect(read.body[0].status_notes).not.toContain(IDENTITY.phone);
    // the office finishes the complaint: each lane in turn takes the first way the step offers
    for (let i = 0; i < 12; i++) {
      const seen = await client.request('GET', `/api/cases/${id}`, { as: STAF });
      if (seen.body.status === 'done') break;
      const as = `buleleng.${seen.body.step.lane}`;
      const mine = await client.request('GET', `/api/cases/${id}`, { as });
      const next = mine.body.allowedEvents.find(
        (e: { type: string; kind?: string }) => e.type === 'COMPLETE' || (e.type === 'CHOOSE' && e.kind !== 'escalation'),
      );
      const res = await client.request('POST', `/api/cases/${id}/events`, {
        as,
        body: { type: next.type, ...(next.outcome ? { outcome: next.outcome } : {}), version: mine.body.version, note: 'ditindaklanjuti' },
      });
      expect(res.status).toBe(200);
    }
    const closed = await open311('GET', `${V2}/requests/${ticket}.json?jurisdiction_id=buleleng`, undefined, 'once the office has finished');
    expect(closed.body[0]).toMatchObject({ status: 'closed', status_notes: expect.stringMatching(/^Selesai/), expected_datetime: null });
  });

  it("lists the client's own requests with its key, filtered by status and service", async () => {
    const all = await open311('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}`, undefined, "the client's requests");
    expect(all.status).toBe(200);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ticket]);
    const open = await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&status=open`);
    expect(open.body).toEqual([]);
    const closed = await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&status=closed&service_code=pelayanan,lain-lain`);
    expect(closed.body).toHaveLength(1);
    // a complaint of the public form is not the client's to list
    const web = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'buleleng', data: { 'sasaran-pengaduan': 'Pelayanan', 'isi-pengaduan': 'Lewat formulir web' } },
    });
    expect(web.status).toBe(201);
    const again = await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}`);
    expect(again.body).toHaveLength(1);
  });
});

describe('keys', () => {
  const request = (apiKey: string | undefined, jurisdiction = 'buleleng') =>
    client.request('POST', `${V2}/requests.json`, {
      body: {
        ...(apiKey === undefined ? {} : { api_key: apiKey }),
        jurisdiction_id: jurisdiction,
        service_code: jurisdiction === 'buleleng' ? 'pelayanan' : 'pengaduan',
        description: 'Antrian lama',
        ...(jurisdiction === 'buleleng' ? {} : { first_name: 'Siti' }),
      },
    });

  it('refuses a request without a key, with an unknown key, or with a key of another regency (403, Open311 shape)', async () => {
    expectOpen311Error(await request(undefined), 403, /api_key is required/);
    expectOpen311Error(await request('o311_not-a-real-key'), 403, /api_key is not valid/);
    const metro = await client.request('POST', '/api/open311/keys', { as: 'admin.metro', body: { label: 'Metro app' } });
    expect(metro.status).toBe(201);
    expectOpen311Error(await request(metro.body.key), 403, /not a key of jurisdiction buleleng/);
    expect((await request(metro.body.key, 'metro')).status).toBe(201);
  });

  it('shows a key once; lists keys without them; a revoked key is refused from then on (audited)', async () => {
    const created = await client.request('POST', '/api/open311/keys', { as: ADMIN, body: { label: 'Sementara' } });
    expect(created.body).toMatchObject({ key: expect.stringMatching(/^o311_/), prefix: created.body.key.slice(0, 9), sop: 'buleleng' });
    const list = await client.request('GET', '/api/open311/keys', { as: ADMIN });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect(list.body.items.map((k: { label: string }) => k.label)).toEqual(expect.arrayContaining(['Sementara', 'Aplikasi Desa Digital']));
    expect((await request(created.body.key)).status).toBe(201);
    const revoked = await client.request('DELETE', `/api/open311/keys/${created.body.id}`, { as: ADMIN });
    expect(revoked.body).toMatchObject({ revokedBy: ADMIN, revokedAt: expect.any(String) });
    expectOpen311Error(await request(created.body.key), 403, /unknown or revoked/);
    const audit = await client.request('GET', '/api/admin/audit?action=apikey.revoke', { as: ADMIN });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'apikey.revoke', target: created.body.id })]);
  });

  it('keys are for administrators of the regency only', async () => {
    expect((await client.request('POST', '/api/open311/keys', { as: STAF, body: { label: 'x' } })).status).toBe(403);
    expect((await client.request('POST', '/api/open311/keys', { as: 'admin.metro', body: { label: 'x', sop: 'buleleng' } })).status).toBe(403);
    const list = await client.request('GET', '/api/open311/keys', { as: 'admin.metro' });
    expect(list.body.items.every((k: { sop: string }) => k.sop === 'metro')).toBe(true);
    expect((await client.request('DELETE', '/api/open311/keys/not-an-id', { as: ADMIN })).status).toBe(404);
  });
});

describe('bad requests get Open311 errors with the right status, and file nothing', () => {
  const post = (body: Record<string, unknown>) =>
    client.request('POST', `${V2}/requests.json`, { body: { api_key: key, jurisdiction_id: 'buleleng', service_code: 'pelayanan', ...body } });

  it('names what is wrong in the form, in the client terms', async () => {
    expectOpen311Error(await post({ description: 'x', phone: '12345' }), 400, /^phone: /);
    expectOpen311Error(await post({}), 400, /^description: .*ISI PENGADUAN/i);
    expectOpen311Error(await post({ description: 'x', 'attribute[nope]': 'y', attribute: { nope: 'y' } }), 400, /unknown parameter "attribute\[nope\]"/);
    expectOpen311Error(await post({ description: 'x', attribute: { nope: 'y' } }), 400, /attribute\[nope\] is not an attribute of service pelayanan/);
    expectOpen311Error(await post({ description: 'x', attribute: { 'sasaran-pengaduan': 'Pelayanan' } }), 400, /chosen by the service_code/);
    expectOpen311Error(await post({ description: 'x', attribute: { 'isi-pengaduan': 'y' } }), 400, /both fill the field "isi-pengaduan"/);
    expectOpen311Error(await post({ description: 'x', lat: '123' }), 400, /lat must be a number from -90 to 90/);
    expectOpen311Error(await post({ description: 'x', media_url: 'http://example.com/a.jpg' }), 400, /takes no files/);
    expectOpen311Error(await post({ service_code: 'jalan-rusak', description: 'x' }), 404, /not a service of buleleng/);
    expectOpen311Error(await post({ jurisdiction_id: 'atlantis', description: 'x' }), 404, /not a regency that takes complaints/);
  });

  it('answers bad look-ups in the same shape', async () => {
    expectOpen311Error(await client.request('GET', `${V2}/services.json`), 400, /jurisdiction_id is required/);
    expectOpen311Error(await client.request('GET', `${V2}/services/pelayanan.xml?jurisdiction_id=buleleng`), 404, /only the \.json format/);
    expectOpen311Error(await client.request('GET', `${V2}/services/jalan.json?jurisdiction_id=buleleng`), 404, /not a service/);
    expectOpen311Error(await client.request('GET', `${V2}/requests/BUL-000000.json?jurisdiction_id=buleleng`), 404, /no request BUL-000000/);
    expectOpen311Error(await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng`), 403, /api_key is required/);
    expectOpen311Error(
      await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&start_date=yesterday`),
      400,
      /^start_date "yesterday" is not a W3C date or date and time\. Send a date/,
    );
    expectOpen311Error(await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&status=pending`), 400, /status must be/);
    expectOpen311Error(await client.request('GET', `${V2}/nothing.json`), 404, /.+/);
  });

  it('refuses hostile input before anything is filed: NUL, lone surrogates, 80,000 keys, deep nesting, huge bodies', async () => {
    const before = await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&status=open,closed`);
    const raw = (body: string, type = 'application/json') =>
      client.request('POST', `${V2}/requests.json`, { rawBody: body, headers: { 'content-type': type } });
    const base = `"api_key":"${key}","jurisdiction_id":"buleleng","service_code":"pelayanan"`;
    expectOpen311Error(await raw(`{${base},"description":"Antrian\\u0000lama"}`), 400, /^description: .*NUL/);
    expectOpen311Error(await raw(`{${base},"description":"Antrian \\ud800 lama"}`), 400, /lone surrogate/);
    expectOpen311Error(
      await raw(`api_key=${key}&jurisdiction_id=buleleng&service_code=pelayanan&description=a%00b`, 'application/x-www-form-urlencoded'),
      400,
      /NUL/,
    );
    const many = Array.from({ length: 80_000 }, (_, i) => `attribute%5Bk${i}%5D=1`).join('&');
    const flood = await raw(`api_key=${key}&jurisdiction_id=buleleng&service_code=pelayanan&${many}`, 'application/x-www-form-urlencoded');
    expect([400, 413]).toContain(flood.status);
    expect(flood.body).toEqual([{ code: flood.status, description: expect.any(String) }]);
    const keys = Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1]));
    expectOpen311Error(
      await raw(JSON.stringify({ api_key: key, jurisdiction_id: 'buleleng', service_code: 'pelayanan', attribute: keys })),
      400,
      /more than 1000 keys/,
    );
    const deep = `{${base},"attribute":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expectOpen311Error(await raw(deep), 400, /nested more than 64 levels/);
    const huge = await raw(JSON.stringify({ api_key: key, jurisdiction_id: 'buleleng', service_code: 'pelayanan', description: 'x'.repeat(2_000_000) }));
    expectOpen311Error(huge, 413, /larger than/);
    expectOpen311Error(await raw('{"api_key": '), 400, /not valid JSON/);
    expectOpen311Error(await raw(`{${base},"description":"${'x'.repeat(6000)}"}`), 400, /^description: .*5000/);
    const after = await client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&status=open,closed`);
    expect(after.body).toEqual(before.body);
    expect((await client.request('GET', '/api/health')).status).toBe(200);
  });
});

describe('query parameters are read as sent: impossible dates, repeated parameters and over-long ids are named', () => {
  const list = (params: string) => client.request('GET', `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}&${params}`);
  const tickets = (res: Reply): string[] => res.body.map((r: { service_request_id: string }) => r.service_request_id);
  /** Exactly one Open311 error, worded as given. */
  const expectOnly = (res: Reply, status: number, description: RegExp) =>
    expect([res.status, res.body]).toEqual([status, [{ code: status, description: expect.stringMatching(description) }]]);

  it('refuses a start_date or end_date on a day or at a time that does not exist, instead of reading another one', async () => {
    // 2026-02-30 was read as 2026-03-02, 24:00 as the next midnight: a list of days nobody asked for
    expectOnly(
      await list('start_date=2026-02-30'),
      400,
      /^start_date "2026-02-30" is not a W3C date or date and time: 2026-02 has no day 30\. Send a date \(2026-12-01/,
    );
    expectOnly(
      await list('end_date=2026-13-01'),
      400,
      /^end_date "2026-13-01" is not a W3C date or date and time: month 13 does not exist \(01 to 12\)\. Send /,
    );
    expectOnly(
      await list('start_date=2026-12-01T24:00Z'),
      400,
      /^start_date "2026-12-01T24:00Z" .*: hour 24 does not exist \(00 to 23; midnight is T00:00 of the next day\)\. Send /,
    );
    expectOnly(
      await list('start_date=2026-12-01T24:00'),
      400,
      /: hour 24 does not exist .*; the time has no offset: add Z \(UTC\) or one such as \+07:00 \(WIB\)\. Send /,
    );
    expectOnly(await list('end_date=2026-12-01T10:60:00Z'), 400, /^end_date .*: minute 60 does not exist \(00 to 59\)/);
    expectOnly(await list('end_date=2026-12-01T10:00:60%2B07:00'), 400, /^end_date .*: second 60 does not exist \(00 to 59\)/);
    expectOnly(await list('end_date=2027-02-29'), 400, /2027-02 has no day 29/);
    const both = await list('start_date=2026-02-30&end_date=2026-12-01T24:00Z');
    expect([both.status, both.body]).toEqual([
      400,
      [
        { code: 400, description: expect.stringMatching(/^start_date "2026-02-30" .*: 2026-02 has no day 30\. Send /) },
        { code: 400, description: expect.stringMatching(/^end_date "2026-12-01T24:00Z" .*: hour 24 does not exist/) },
      ],
    ]);
    // the forms W3C does not have, each with what to write instead
    expectOnly(await list('start_date=2026-03-01T09:00'), 400, /^start_date "2026-03-01T09:00" .*: the time has no offset/);
    expectOnly(
      await list('start_date=2026-03-01T09:00:00+07:00'),
      400,
      /: the \+ of the offset arrived as a space: in a URL write it %2B \(T09:00:00%2B07:00\)/,
    );
    expectOnly(await list('start_date=2026-03-01T09:00:00%2B0700'), 400, /: write the offset with a colon \(\+07:00\)/);
    expectOnly(await list('start_date=2026-03-01%2009:00Z'), 400, /: separate the date and the time with T \(2026-03-01T09:00\), not a space/);
    expectOnly(
      await list('start_date=1%20March%202026'),
      400,
      /^start_date "1 March 2026" is not a W3C date or date and time\. Send a date \(2026-12-01, read as midnight UTC\) or a date and time with its offset/,
    );
    // the forms the route documents are read as written (the request was filed at 2026-03-10T09:00+07:00)
    for (const ok of ['start_date=2026-03-10', 'start_date=2026-03-10T08:59%2B07:00', 'start_date=2026-03-10T01:59:59.5Z']) {
      const res = await list(ok);
      expect([ok, res.status, res.body.length]).toEqual([ok, 200, 1]);
    }
    // a leap day is a day (to 2024-05-29: the 90 days a request may cover)
    const leap = await list('start_date=2024-02-29T00:00:00Z&end_date=2024-05-29T00:00:00Z');
    expect([leap.status, leap.body]).toEqual([200, []]);
    expect(tickets(await list('end_date=2026-03-10T08:59:59.999%2B07:00'))).toEqual([]);
  });

  it('refuses an end_date before the start_date, and a start_date after now when end_date is left out', async () => {
    expectOnly(
      await list('start_date=2026-03-10&end_date=2026-03-01'),
      400,
      /^end_date "2026-03-01" is before start_date "2026-03-10": send an end_date on or after the start_date/,
    );
    expectOnly(
      await list('start_date=2026-04-01'),
      400,
      /^start_date "2026-04-01" is after now \(2026-03-1\d.*\), the end_date when none is sent: send a start_date before now, or an end_date after it/,
    );
    expect((await list('start_date=2026-03-10T02:00:00Z&end_date=2026-03-10T09:00:00%2B07:00')).status).toBe(200);
  });

  it('covers at most 90 days: exactly 90 are listed; a second more is refused, saying how far apart the dates are and how to ask', async () => {
    // 1 January to 1 April 2026 at +07:00: 31 + 28 + 31 days, with the request of 10 March in them
    const ninety = await list('start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-04-01T00:00:00%2B07:00');
    expect([ninety.status, ninety.body.length]).toEqual([200, 1]);
    const over = await list('start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-04-01T00:00:01%2B07:00');
    expect([over.status, over.body]).toEqual([
      400,
      [
        {
          code: 400,
          description:
            'start_date 2026-01-01T00:00:00+07:00 and end_date 2026-04-01T00:00:01+07:00 span 90 days and 1 second; a request may cover at most 90 days: ask for the period in parts (the first from this start_date to end_date=2026-03-31T17:00:00.000Z)',
        },
      ],
    ]);
    expect([(await list('start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-03-31T17:00:00.000Z')).status]).toEqual([200]);
    const year = await list('start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-12-31T00:00:00%2B07:00');
    expect([year.status, year.body]).toEqual([
      400,
      [
        {
          code: 400,
          description:
            'start_date 2026-01-01T00:00:00+07:00 and end_date 2026-12-31T00:00:00+07:00 span 364 days; a request may cover at most 90 days: ask for the period in parts (the first from this start_date to end_date=2026-03-31T17:00:00.000Z)',
        },
      ],
    ]);
    // the days are counted between the instants, whatever offset each is written with
    expect((await list('start_date=2026-01-01&end_date=2026-04-01T07:00:00%2B07:00')).status).toBe(200);
    expectOnly(
      await list('start_date=2026-01-01&end_date=2026-04-01T07:00:00.001%2B07:00'),
      400,
      /^start_date 2026-01-01 and end_date 2026-04-01T07:00:00\.001\+07:00 span 90 days and 0\.001 seconds; a request may cover at most 90 days/,
    );
  });

  it('with end_date alone, lists the 90 days before it; with start_date alone, up to now, so it is at most 90 days ago', async () => {
    // the request was filed on 2026-03-10 a little after 02:00Z
    expect(tickets(await list('end_date=2026-06-07T00:00:00Z'))).toHaveLength(1);
    expect(tickets(await list('end_date=2026-06-09T00:00:00Z'))).toEqual([]);
    const later = await list('end_date=2030-01-01');
    expect([later.status, later.body]).toEqual([200, []]);
    // now is 2026-03-10, some minutes after 09:00+07:00: 89 days back is in range, 90 days and an hour is not
    expect(tickets(await list('start_date=2025-12-11T02:00:00Z'))).toHaveLength(1);
    expectOnly(
      await list('start_date=2025-12-10T01:00:00Z'),
      400,
      /^start_date 2025-12-10T01:00:00Z is more than 90 days before now \(2026-03-1\d.*\), the end_date when none is sent; a request may cover at most 90 days: send an end_date too, at most 90 days after the start_date \(end_date=2026-03-10T01:00:00\.000Z\), and ask for the rest of the period in parts$/,
    );
    // as the refusal says: the first 90 days, then the rest
    const first = await list('start_date=2025-12-10T01:00:00Z&end_date=2026-03-10T01:00:00.000Z');
    expect([first.status, first.body]).toEqual([200, []]);
    expect(tickets(await list('start_date=2026-03-10T01:00:00.001Z'))).toHaveLength(1);
  });

  it('names a parameter sent more than once or as a list, instead of calling it missing or the key invalid', async () => {
    // sent, as a list: not "jurisdiction_id is required"
    expectOnly(
      await client.request('GET', `${V2}/services.json?jurisdiction_id[]=metro`),
      400,
      /^jurisdiction_id was sent as a list \(jurisdiction_id\[\]=…\): send one jurisdiction id/,
    );
    expectOnly(
      await client.request('GET', `${V2}/services.json?jurisdiction_id=metro&jurisdiction_id=brebes`),
      400,
      /^jurisdiction_id was sent 2 times: send one jurisdiction id/,
    );
    expectOnly(
      await client.request('GET', `${V2}/services/pelayanan.json?jurisdiction_id%5B0%5D=buleleng`),
      400,
      /^jurisdiction_id was sent as a list \(jurisdiction_id\[0\]=…\)/,
    );
    expectOnly(
      await client.request('GET', `${V2}/requests/BUL-000000.json?jurisdiction_id=buleleng&jurisdiction_id=buleleng`),
      400,
      /^jurisdiction_id was sent 2 times/,
    );
    // every parameter of the list, each named (a repeated api_key is not "not valid")
    const base = `${V2}/requests.json?jurisdiction_id=buleleng&api_key=${key}`;
    expectOnly(await client.request('GET', `${base}&api_key=${key}`), 400, /^api_key was sent 2 times: send your key once$/);
    expectOnly(
      await list('start_date=2026-03-01&start_date=2026-03-02'),
      400,
      /^start_date was sent 2 times: send one date, e\.g\. start_date=2026-12-01T00:00:00Z/,
    );
    expectOnly(await list('end_date[]=2026-03-01'), 400, /^end_date was sent as a list \(end_date\[\]=…\): send one date/);
    expectOnly(
      await list('status=open&status=closed'),
      400,
      /^status was sent 2 times: send it once: status=open, status=closed, or both as status=open,closed/,
    );
    expectOnly(
      await list('service_code=pelayanan&service_code=lain-lain'),
      400,
      /^service_code was sent 2 times: send it once, several codes separated by commas/,
    );
    expectOnly(
      await list('service_request_id[]=BUL-000000'),
      400,
      /^service_request_id was sent as a list \(service_request_id\[\]=…\): send it once, several ids separated by commas/,
    );
    expectOnly(await list('page=1&page=2'), 400, /^page was sent 2 times: send one page number/);
    expectOnly(await list('page_size[]=5'), 400, /^page_size was sent as a list/);
    // several at once: each named
    const both = await client.request('GET', `${V2}/requests.json?jurisdiction_id[]=buleleng&api_key=${key}&api_key=${key}`);
    expect([both.status, both.body]).toEqual([
      400,
      [
        { code: 400, description: expect.stringMatching(/^jurisdiction_id was sent as a list/) },
        { code: 400, description: expect.stringMatching(/^api_key was sent 2 times/) },
      ],
    ]);
    expect(JSON.stringify(both.body)).not.toContain(key);
  });

  it('names a repeated parameter of a POST, in the query string or the body, and files nothing', async () => {
    const before = tickets(await list('status=open,closed'));
    const form = (body: string, query = '') =>
      client.request('POST', `${V2}/requests.json${query}`, { rawBody: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const rest = `api_key=${key}&service_code=pelayanan&description=Antrian%20lama`;
    expectOnly(
      await form(`jurisdiction_id=buleleng&jurisdiction_id=metro&${rest}`),
      400,
      /^jurisdiction_id was sent more than once or as a list: send one jurisdiction id/,
    );
    expectOnly(await form(`jurisdiction_id[]=buleleng&${rest}`), 400, /^jurisdiction_id was sent more than once or as a list/);
    expectOnly(await form(`jurisdiction_id=buleleng&${rest}`, `?api_key=${key}&api_key=${key}`), 400, /^api_key was sent 2 times: send your key once/);
    expectOnly(
      await form(`jurisdiction_id=buleleng&${rest}`, '?jurisdiction_id=metro'),
      400,
      /^jurisdiction_id was sent twice, in the query string and in the body, with different values: send it once/,
    );
    expectOnly(
      await form(`jurisdiction_id=buleleng&${rest}&service_code=lain-lain`),
      400,
      /^service_code was sent more than once or as a list: send one service code/,
    );
    expectOnly(await form(`jurisdiction_id=buleleng&${rest}&description=lagi`), 400, /^description was sent more than once or as a list: send one value/);
    const json = await client.request('POST', `${V2}/requests.json`, {
      body: { api_key: [key], jurisdiction_id: 'buleleng', service_code: 'pelayanan', description: 'x' },
    });
    expectOnly(json, 400, /^api_key was sent more than once or as a list: send your key once/);
    expect(JSON.stringify(json.body)).not.toContain(key);
    // the same parameter in the query string and the body, with the same value, is one value
    expect((await form(`jurisdiction_id=buleleng&${rest}`, '?jurisdiction_id=buleleng')).status).toBe(201);
    expect(tickets(await list('status=open,closed'))).toHaveLength(before.length + 1);
  });

  it('says an over-long or malformed id is not one this server issues, not that the format is not served', async () => {
    const long = 'x'.repeat(101);
    expectOnly(
      await client.request('GET', `${V2}/requests/${long}.json?jurisdiction_id=buleleng`),
      404,
      /^service_request_id "x{40}…" \(101 characters\) is not a request id this server issues: ids are tickets of three letters, a dash and six letters or digits, such as BUL-7K4Q9P$/,
    );
    expectOnly(
      await client.request('GET', `${V2}/requests/${'x'.repeat(5000)}.json?jurisdiction_id=buleleng`),
      404,
      /\(5000 characters\) is not a request id this server issues/,
    );
    expectOnly(
      await client.request('GET', `${V2}/requests/BUL-7K4Q9.json?jurisdiction_id=buleleng`),
      404,
      /^service_request_id "BUL-7K4Q9" is not a request id this server issues/,
    );
    expectOnly(
      await client.request('GET', `${V2}/services/${long}.json?jurisdiction_id=buleleng`),
      404,
      /^service_code "x{40}…" \(101 characters\) is not a service of buleleng: see services\.json/,
    );
    expectOnly(
      await client.request('GET', `${V2}/requests/.json?jurisdiction_id=buleleng`),
      404,
      /^requests\/\.json names no request: ask for requests\/<service_request_id>\.json/,
    );
    // another format is still named as such, however long the name
    expectOnly(await client.request('GET', `${V2}/requests/${long}.xml?jurisdiction_id=buleleng`), 404, /only the \.json format is served/);
  });
});

describe('rate limits', () => {
  it("counts Open311 requests like the public form's complaints (COMPLAINT_IP_LIMIT, 20 here): 429 in Open311's shape with Retry-After", async () => {
    const post = () =>
      client.request('POST', `${V2}/requests.json`, {
        body: { api_key: key, jurisdiction_id: 'buleleng', service_code: 'pelayanan', description: 'Antrian lama' },
      });
    const statuses: number[] = [];
    let refused: Reply | undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const res = await post();
      statuses.push(res.status);
      if (res.status !== 201) refused = res;
    }
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expectOpen311Error(refused!, 429, /too many complaints/);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
