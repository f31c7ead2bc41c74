import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Malformed requests of every kind: each is answered 4xx (never 500) with a message saying what was
 * wrong and where, and none of them writes anything.
 */

// A Tuesday morning in March 2026, far from a month's end (no periodic run lands in the inboxes
// counted below); step deadlines (10 minutes and more) are longer than this file runs.
const CLOCK_START = '2026-03-10T09:00:00+07:00';
const STAF = 'buleleng.staf-kerjasama';
const KASI = 'buleleng.kasi-kerjasama';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

/** The cases the valid requests of this file created, with the kartu kendali length each should have. */
const created: { id: string; ticket: string; kartu: number }[] = [];
let target: { id: string; ticket: string };

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
  // the valid requests: two complaints on the public page, one registered by telephone
  for (let i = 0; i < 2; i++) {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: STAF });
    const item = inbox.body.items.find((x: { ticket: string }) => x.ticket === filed.body.ticket);
    created.push({ id: item.id, ticket: filed.body.ticket, kartu: 1 });
  }
  const registered = await client.request('POST', '/api/cases', { as: STAF, body: { sop: 'buleleng', channel: 'telepon', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(registered.status).toBe(201);
  created.push({ id: registered.body.id, ticket: registered.body.ticket, kartu: 1 });
  target = created[0];
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

type FieldError = { field: string; message: string };

/** Asserts a 400 (or the given status) whose errors name `field` with a message matching `message`. */
function expectFieldError(res: Reply, field: string, message: RegExp, status = 400) {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status, message: expect.any(String) } });
  const errors = res.body.errors as FieldError[];
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]));
}

/** A body sent as written (not JSON-encoded by the client). */
const raw = (method: string, path: string, rawBody: string, as?: string, contentType = 'application/json') =>
  client.request(method, path, { as, rawBody, headers: { 'content-type': contentType } });

const event = (body: unknown, headers: Record<string, string> = {}, id = target.id) =>
  client.request('POST', `/api/cases/${id}/events`, { as: STAF, body, headers });

describe('bodies that are not one JSON object', () => {
  it.each([
    ['/api/public/complaints', undefined],
    ['/api/auth/login', undefined],
    ['/events', STAF],
  ])('invalid JSON to %s is 400 saying the body is not valid JSON, and where', async (path, as) => {
    const url = path === '/events' ? `/api/cases/${target.id}/events` : path;
    const res = await raw('POST', url, '{"sop": "buleleng", "data": {"isi": tidak}}', as);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^the body is not valid JSON: /);
    expect(res.body.message).toMatch(/tidak|position|line/);
    expect(res.body.errors).toEqual([
      {
        field: 'body',
        message: 'send one JSON object with Content-Type: application/json',
        messageId: 'kirim satu objek JSON dengan Content-Type: application/json',
      },
    ]);
    const truncated = await raw('POST', url, '{"type": "COMPLETE", "version": ', as);
    expect(truncated.status).toBe(400);
    expect(truncated.body.message).toMatch(/^the body is not valid JSON/);
  });

  it('an array is 400 saying a JSON object is needed, not a list', async () => {
    for (const body of ['[]', '[{"type": "COMPLETE", "version": 1}]']) {
      const res = await raw('POST', `/api/cases/${target.id}/events`, body, STAF);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('the body must be a JSON object');
      expect(res.body.errors).toEqual([
        { field: 'body', message: expect.stringContaining('not a list'), messageId: 'kirim satu objek JSON seperti {"isian": "nilai"}, bukan daftar' },
      ]);
    }
    const complaint = await raw('POST', '/api/public/complaints', JSON.stringify([{ sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng }]));
    expect(complaint.status).toBe(400);
    expect(complaint.body.message).toBe('the body must be a JSON object');
  });

  it.each([
    ['"COMPLETE"', 'a string'],
    ['42', 'a number'],
    ['true', 'boolean'],
    ['null', 'null'],
  ])('%s is 400 saying the body must be a JSON object (it is %s)', async (body, kind) => {
    const res = await raw('POST', `/api/cases/${target.id}/events`, body, STAF);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`the body must be a JSON object such as {"field": "value"}; it is ${kind}`);
  });

  it('no body, or a body not sent as JSON, is 400 saying to send JSON', async () => {
    const none = await client.request('POST', '/api/public/complaints');
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      message: 'the body is missing',
      errors: [{ field: 'body', message: expect.stringContaining('Content-Type: application/json') }],
    });
    const text = await raw('POST', '/api/public/complaints', JSON.stringify({ sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng }), undefined, 'text/plain');
    expect(text.status).toBe(400);
    expect(text.body.message).toBe('the body is missing');
  });

  it('a body over 1 MB is 413 saying the limit', async () => {
    const big = JSON.stringify({ sop: 'buleleng', data: { ...SAMPLE_COMPLAINTS.buleleng, 'isi-pengaduan': 'a'.repeat(1_100_000) } });
    const complaint = await raw('POST', '/api/public/complaints', big);
    expect(complaint.status).toBe(413);
    expect(complaint.body.message).toBe('the body is larger than 1 MB');
    const ev = await raw('POST', `/api/cases/${target.id}/events`, JSON.stringify({ type: 'COMPLETE', version: 1, note: 'n'.repeat(1_100_000) }), STAF);
    expect(ev.status).toBe(413);
    expect(ev.body.message).toBe('the body is larger than 1 MB');
  });
});

describe('event bodies of the wrong shape', () => {
  it('unknown properties are 400 naming each of them', async () => {
    const res = await event({ type: 'COMPLETE', version: 1, foo: 1, officer: 'someone else' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'foo', message: 'property foo should not exist', messageId: 'isian foo tidak dikenal di sini: hapus isian itu' },
      { field: 'officer', message: 'property officer should not exist', messageId: 'isian officer tidak dikenal di sini: hapus isian itu' },
    ]);
  });

  it('a version sent as text is 400 naming version, and only its type', async () => {
    const res = await event({ type: 'COMPLETE', version: '1' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'version', message: 'version must be a whole number: the case version you saw' }]);
    expectFieldError(await event({ type: 'COMPLETE', version: 0 }), 'version', /starts at 1/);
    expectFieldError(await event({ type: 'COMPLETE', version: 1.5 }), 'version', /whole number/);
    expectFieldError(await event({ type: 'COMPLETE' }), 'version', /^version is missing: version must be a whole number/);
  });

  it('a type not in the enum is 400 listing the types', async () => {
    const res = await event({ type: 'EXPIRE', version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'type', message: 'type must be one of COMPLETE, CHOOSE, ESCALATE, REJECT, CONSULT, ANSWER, SCHEDULE' }]);
    expectFieldError(await event({ type: 'complete', version: 1 }), 'type', /one of COMPLETE/);
    expectFieldError(await event({ version: 1 }), 'type', /^type is missing: type must be one of COMPLETE/);
  });

  it('CHOOSE without an outcome is 400 saying CHOOSE needs one', async () => {
    const res = await event({ type: 'CHOOSE', version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'outcome', message: expect.stringContaining('required with CHOOSE') }]);
    expectFieldError(await event({ type: 'CHOOSE', outcome: '', version: 1 }), 'outcome', /must not be empty/);
    expectFieldError(await event({ type: 'CHOOSE', outcome: 7, version: 1 }), 'outcome', /id of a decision outcome/);
  });

  it('a note over 2000 characters is 400 naming note and the limit', async () => {
    const res = await event({ type: 'COMPLETE', version: 1, note: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'note', message: 'note is at most 2000 characters' }]);
    expectFieldError(await event({ type: 'COMPLETE', version: 1, note: 12 }), 'note', /note must be text/);
  });

  it('several mistakes at once are all reported', async () => {
    const res = await event({ type: 'JUMP', version: 'latest', note: 'x'.repeat(2001), extra: true });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: FieldError) => e.field).sort()).toEqual(['extra', 'note', 'type', 'version']);
  });

  it('an event the current step does not accept is 422 naming what it accepts', async () => {
    for (const body of [
      { type: 'CHOOSE', outcome: 'selesai', version: 1 },
      { type: 'REJECT', version: 1 },
      { type: 'ESCALATE', version: 1 },
    ]) {
      const res = await event(body);
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/^step 1 "menerima-keluhan" does not accept .*; it accepts COMPLETE$/);
      expect(res.body.allowedEvents).toEqual([expect.objectContaining({ type: 'COMPLETE', target: 'kasi-mempelajari' })]);
    }
  });

  it('an Idempotency-Key that is too long (or not visible ASCII) is 400 naming the header', async () => {
    const long = await event({ type: 'COMPLETE', version: 1 }, { 'Idempotency-Key': 'k'.repeat(201) });
    expectFieldError(long, 'Idempotency-Key', /1 to 200 visible ASCII characters/);
    expect(long.body.message).toBe('the Idempotency-Key header is not valid');
    expectFieldError(await event({ type: 'COMPLETE', version: 1 }, { 'Idempotency-Key': 'two words' }), 'Idempotency-Key', /visible ASCII/);
  });

  it('an Idempotency-Key sent twice is 400 saying so, in both languages', async () => {
    // two header lines arrive as one value joined by ", ", which is what a client sending it twice makes
    const res = await event({ type: 'COMPLETE', version: 1 }, { 'Idempotency-Key': 'retry-1, retry-1' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'Idempotency-Key',
        message: 'the header was sent 2 times: send it once',
        messageId: 'header ini dikirim 2 kali: kirim sekali saja',
      },
    ]);
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'buleleng', data: {} },
      headers: { 'Idempotency-Key': 'a, b, c' },
    });
    expectFieldError(filed, 'Idempotency-Key', /sent 3 times: send it once/);
  });
});

describe('case ids', () => {
  // the last: far longer than any id, still refused by the route in its words (not a 414 of the router)
  it.each(
    ['not-a-uuid', '123', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1", 'a'.repeat(600)].map((id) => [
      id.length > 40 ? `${id.slice(0, 8)}… (${id.length} characters)` : JSON.stringify(id),
      id,
    ]),
  )('%s is 400 naming id on GET, events and reveal', async (_title, id) => {
    const path = `/api/cases/${encodeURIComponent(id)}`;
    expectFieldError(await client.request('GET', path, { as: STAF }), 'id', /must be a UUID/);
    expectFieldError(await client.request('POST', `${path}/events`, { as: STAF, body: { type: 'COMPLETE', version: 1 } }), 'id', /must be a UUID/);
    expectFieldError(await client.request('POST', `${path}/reveal`, { as: STAF }), 'id', /must be a UUID/);
  });

  it('an unknown case id is 404 naming it', async () => {
    const id = '7b0c1f2e-3d4a-4b5c-8d6e-9f0a1b2c3d4e';
    for (const res of [
      await client.request('GET', `/api/cases/${id}`, { as: STAF }),
      await client.request('POST', `/api/cases/${id}/events`, { as: STAF, body: { type: 'COMPLETE', version: 1 } }),
      await client.request('POST', `/api/cases/${id}/reveal`, { as: STAF }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`no case ${id}`);
    }
  });
});

describe('inbox query parameters', () => {
  it.each([
    ['pageSize=0', 'pageSize', /at least 1/],
    ['pageSize=1000', 'pageSize', /at most 100/],
    ['pageSize=1.5', 'pageSize', /whole number/],
    ['page=-1', 'page', /starts at 1/],
    ['page=0', 'page', /starts at 1/],
    ['page=abc', 'page', /^page must be a whole number$/],
    ['page=1e300', 'page', /at most 1000000/],
    ['overdue=maybe', 'overdue', /true or false/],
    ['from=not-a-date', 'from', /ISO 8601/],
    ['to=2026-02-30', 'to', /ISO 8601/],
    ['from=2026-W11', 'from', /calendar date or instant/],
    ['to=2026-12-01T24:00Z', 'to', /calendar date or instant that exists/],
    ['from=2026-03-01T10:00', 'from', /calendar date or instant that exists/],
    ['status=closed', 'status', /open or done/],
    ['sop=Buleleng!', 'sop', /SOP id/],
    ['step=Step%201', 'step', /step id/],
    ['unknown=1', 'unknown', /should not exist/],
    ['page=1&page=2', 'page', /^page was sent 2 times: send it once$/],
    ['overdue=true&overdue=false&overdue=true', 'overdue', /^overdue was sent 3 times: send it once$/],
    ['from=2026-03-10&to=2026-03-01', 'to', /after from/],
    ['from=2026-03-10&to=2026-03-10', 'to', /after from/],
  ])('%s is 400 naming %s', async (query, field, message) => {
    const res = await client.request('GET', `/api/cases?${query}`, { as: STAF });
    expectFieldError(res, field, message);
  });

  it('valid parameters are answered 200', async () => {
    const res = await client.request(
      'GET',
      '/api/cases?page=1&pageSize=100&overdue=false&status=open&from=2026-03-01&to=2026-04-01T00:00:00%2B08:00&sop=buleleng',
      { as: STAF },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 100 });
  });
});

describe('public complaints', () => {
  const file = (body: unknown) => client.request('POST', '/api/public/complaints', { body });

  it('an unknown SOP is 400 naming sop and listing the published ones', async () => {
    const res = await file({ sop: 'atlantis', data: SAMPLE_COMPLAINTS.buleleng });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'sop', message: expect.stringMatching(/^"atlantis" is not a published SOP; published: [a-z0-9-]+(, [a-z0-9-]+)*$/) },
    ]);
    expect(res.body.errors[0].message.split('published: ')[1].split(', ')).toEqual(expect.arrayContaining(seedIds()));
    expectFieldError(await file({ sop: 'Buleleng', data: SAMPLE_COMPLAINTS.buleleng }), 'sop', /SOP id such as "buleleng"/);
    expectFieldError(await file({ sop: 42, data: SAMPLE_COMPLAINTS.buleleng }), 'sop', /sop must be text/);
  });

  it('missing data is 400 naming data', async () => {
    const res = await file({ sop: 'buleleng' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'data', message: 'data is missing: data must be an object of form fields' }]);
  });

  it.each([
    ['a string', 'nama=Ayu'],
    ['a list', ['Ayu']],
    ['a number', 42],
    ['null', null],
  ])('data that is %s is 400 naming data', async (_kind, data) => {
    const res = await file({ sop: 'buleleng', data });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'data', message: expect.stringContaining('data must be an object of form fields') }]);
  });

  it('every form-field error is reported at once, each under data.<field> (Buleleng form)', async () => {
    const res = await file({
      sop: 'buleleng',
      data: {
        'nama-lengkap': 'N'.repeat(201), // too long
        alamat: 'Jl. Gajah Mada 10',
        'alamat-email': 'ayu@gmail', // bad e-mail
        'no-hp': '(0362) 25887', // a landline
        'sasaran-pengaduan': 'Pungli', // not an option
        'isi-pengaduan': '   ', // blank, required
        nik: '5108014107900001', // not a field of this form
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('the complaint form is not valid: see errors');
    expect(res.body.errors).toEqual([
      {
        field: 'data.nama-lengkap',
        message: expect.stringMatching(/"Nama Lengkap" has 201 characters; at most 200/),
        messageId: expect.stringMatching(/"Nama Lengkap" berisi 201 karakter/),
      },
      { field: 'data.alamat-email', message: expect.stringMatching(/domain with a dot/), messageId: expect.any(String) },
      { field: 'data.no-hp', message: expect.stringMatching(/landline/), messageId: expect.any(String) },
      {
        field: 'data.sasaran-pengaduan',
        message: expect.stringMatching(/Choose one of the options of "Sasaran Pengaduan": "Perilaku Pegawai"/),
        messageId: expect.any(String),
      },
      { field: 'data.isi-pengaduan', message: expect.stringMatching(/is required/), messageId: expect.any(String) },
      { field: 'data.nik', message: expect.stringMatching(/no field "nik"; its fields are: nama-lengkap, alamat/), messageId: expect.any(String) },
    ]);
  });

  it('every form-field error is reported at once, each under data.<field> (Pekanbaru form: NIK, phone)', async () => {
    const res = await file({
      sop: 'pekanbaru',
      data: {
        nama: '', // blank, required
        'nomor-telpon': '0812', // too short for a mobile number, and no area code of a landline
        'nik-no-kk': '9971016107850001', // province 99 does not exist
        'jenis-pelayanan': 'lain-lain', // not an option
        email: 'rudi@example.id', // not a field of this form
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'data.nama', message: expect.stringMatching(/"nama" is required/), messageId: expect.any(String) },
      {
        field: 'data.nomor-telpon',
        message: expect.stringMatching(/must be a mobile number \(0812 3456 7890\) or a telephone number with its area code/),
        messageId: expect.any(String),
      },
      { field: 'data.nik-no-kk', message: expect.stringMatching(/province code .*99 is not one/), messageId: expect.any(String) },
      { field: 'data.jenis-pelayanan', message: expect.stringMatching(/Choose one of the options/), messageId: expect.any(String) },
      { field: 'data.email', message: expect.stringMatching(/no field "email"/), messageId: expect.any(String) },
    ]);
    const nik = await file({ sop: 'pekanbaru', data: { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': '1471 0161 0785 000X' } });
    expectFieldError(nik, 'data.nik-no-kk', /only digits/);
    const typed = await file({ sop: 'pekanbaru', data: { ...SAMPLE_COMPLAINTS.pekanbaru, 'nomor-telpon': 81376543210 } });
    expectFieldError(typed, 'data.nomor-telpon', /must be text \(a string\); a number was sent/);
  });

  it('a channel the SOP does not have is 400 naming channel', async () => {
    expectFieldError(await file({ sop: 'buleleng', channel: 'fax', data: SAMPLE_COMPLAINTS.buleleng }), 'channel', /"fax" is not a channel of this SOP/);
    expectFieldError(await file({ sop: 'buleleng', channel: 'c'.repeat(65), data: SAMPLE_COMPLAINTS.buleleng }), 'channel', /at most 64/);
  });
});

describe('ticket lookups', () => {
  it.each(['garbage', 'BUL-', 'BUL-12345', 'BUL-1234567', '12-ABCDEF', '%20'])('%j is 400 naming ticket with an example', async (ticket) => {
    const res = await client.request('GET', `/api/public/complaints/${ticket}`);
    expectFieldError(res, 'ticket', /is not a ticket number: it looks like BUL-7K4Q9P/);
  });

  it('an unknown well-formed ticket is 404 naming it; a real one typed loosely is found', async () => {
    const res = await client.request('GET', '/api/public/complaints/BUL-000000');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('no complaint has ticket BUL-000000: check the number');
    const loose = await client.request('GET', `/api/public/complaints/${encodeURIComponent(` ${target.ticket.toLowerCase()} `)}`);
    expect(loose.status).toBe(200);
    expect(loose.body.ticket).toBe(target.ticket);
  });
});

describe('after all of it', () => {
  it('the server never answered 500', () => {
    expect(api.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
  });

  it('nothing was half-written: only the valid requests created cases and kartu kendali entries', async () => {
    const staf = await client.request('GET', '/api/cases?pageSize=100', { as: STAF });
    expect(staf.body.total).toBe(created.length);
    expect(staf.body.items.map((i: { ticket: string }) => i.ticket).sort()).toEqual(created.map((c) => c.ticket).sort());
    for (const c of created) {
      const d = await client.request('GET', `/api/cases/${c.id}`, { as: STAF });
      expect({ ticket: c.ticket, version: d.body.version, kartu: d.body.kartuKendali.length }).toEqual({ ticket: c.ticket, version: c.kartu, kartu: c.kartu });
    }
    for (const as of [KASI, 'buleleng.bidang-terkait', 'metro.petugas', 'pekanbaru.fo-operator', 'lumajang.petugas-operator']) {
      const res = await client.request('GET', '/api/cases', { as });
      expect({ as, total: res.body.total }).toEqual({ as, total: 0 });
    }
    const done = await client.request('GET', '/api/cases?status=done', { as: STAF });
    expect(done.body.total).toBe(0);
  });

  it('a valid event after the refused ones moves the case once, with one kartu kendali entry', async () => {
    const moved = await event({ type: 'COMPLETE', version: 1, note: 'x'.repeat(2000) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: 2, step: 'kasi-mempelajari' });
    const d = await client.request('GET', `/api/cases/${target.id}`, { as: KASI });
    expect(d.body.kartuKendali).toHaveLength(2);
    expect((await client.request('GET', '/api/cases', { as: KASI })).body.total).toBe(1);
    expect((await client.request('GET', '/api/cases', { as: STAF })).body.total).toBe(created.length - 1);
  });

  it('GET /api/health is still ok', async () => {
    const res = await client.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'ok', kind: db.kind } });
  });
});
