import { connect } from 'node:net';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';

/**
 * The public form's filing with an Idempotency-Key (POST /api/public/complaints): a phone that lost
 * the answer sends the same submission again and gets the same ticket and access code, and the
 * office gets one complaint. The requests come from 127.0.0.1; with TRUST_PROXY=loopback the API
 * believes their X-Forwarded-For, so that each test files from an address of its own against a
 * small COMPLAINT_IP_LIMIT.
 */

const LIMIT = 3;
let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
/** What afterAll undoes: only what beforeAll got to start. */
const started: { stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  started.push({ stop: () => db.drop() });
  api = await startApi(db, { TRUST_PROXY: 'loopback', COMPLAINT_IP_LIMIT: String(LIMIT), COMPLAINT_IP_WINDOW_SECONDS: '600' });
  started.push(api);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  for (const s of started.reverse()) await s.stop();
});

let complaints = 0;
/** A submission of its own: its words differ from every other test's. */
const submission = (words = `KTP-el saya belum jadi (${++complaints})`) => ({ sop: 'metro', data: { ...SAMPLE_COMPLAINTS.metro, isi: words } });

const file = (body: unknown, key: string | undefined, ip: string) =>
  client.request('POST', '/api/public/complaints', { body, headers: { 'x-forwarded-for': ip, ...(key === undefined ? {} : { 'idempotency-key': key }) } });

/** How many complaints of Kota Metro the office has (its inbox's total). */
const filedCount = async (): Promise<number> => {
  const res = await client.request('GET', '/api/cases?pageSize=1', { as: 'metro.petugas' });
  expect(res.status).toBe(200);
  return res.body.total as number;
};

/** The complaints the office finds by a ticket. */
const byTicket = async (ticket: string): Promise<string[]> => {
  const res = await client.request('GET', `/api/cases?ticket=${encodeURIComponent(ticket)}`, { as: 'metro.petugas' });
  expect(res.status).toBe(200);
  return (res.body.items as { ticket: string }[]).map((i) => i.ticket);
};

function expectFiled(res: Reply): void {
  expect(res.status).toBe(201);
  expect(res.body.ticket).toMatch(/^MET-[0-9A-Z]{6}$/);
  expect(res.body.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
}

/** A request written on the socket as is: Node's and the browsers' clients refuse to send a control character in a header. */
function rawFile(key: string, ip: string): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(submission());
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /api/public/complaints HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Forwarded-For: ${ip}\r\nIdempotency-Key: ${key}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = answer.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: rest.join('\r\n\r\n') });
    });
  });
}

describe('POST /api/public/complaints with an Idempotency-Key', () => {
  it('answers a retry of the same submission with the same ticket and access code, and files one complaint', async () => {
    const before = await filedCount();
    const body = submission();
    const first = await file(body, 'c0a8012e-7f1d-4c55-9a3b-1a2b3c4d5e6f', '10.1.0.1');
    expectFiled(first);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await file(body, 'c0a8012e-7f1d-4c55-9a3b-1a2b3c4d5e6f', '10.1.0.1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // the whole answer again, in the same order of fields: the ticket, the access code, the message that holds both
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(again.body.message).toContain(first.body.accessCode);
    expect(await filedCount()).toBe(before + 1);
    expect(await byTicket(first.body.ticket)).toEqual([first.body.ticket]);
  });

  it('replays to the same body whatever the order of its keys', async () => {
    const body = submission();
    const first = await file(body, 'order-1', '10.2.0.1');
    expectFiled(first);
    const reordered = { data: Object.fromEntries(Object.entries(body.data).reverse()), sop: body.sop };
    const again = await file(reordered, 'order-1', '10.2.0.1');
    expect(again.status).toBe(201);
    expect(again.body.ticket).toBe(first.body.ticket);
    expect(again.body.accessCode).toBe(first.body.accessCode);
  });

  it('the access code opens the citizen steps of the ticket the retry answered', async () => {
    const body = submission();
    const first = await file(body, 'code-check-1', '10.3.0.1');
    const again = await file(body, 'code-check-1', '10.3.0.1');
    expect(again.body.accessCode).toBe(first.body.accessCode);
    // a wrong code is 403; the code the retry gave is not (metro has no citizen step waiting: 422)
    const answer = (code: string) =>
      client.request('POST', `/api/public/complaints/${again.body.ticket}/events`, {
        body: { type: 'COMPLETE', version: 1 },
        headers: { 'x-access-code': code },
      });
    expect((await answer('AAAA-AAAA-AAAA')).status).toBe(403);
    expect((await answer(again.body.accessCode)).status).toBe(422);
  });

  it('refuses the same key with another body (422 case.idempotency-key-reused) and files nothing', async () => {
    const first = await file(submission(), 'reused-1', '10.4.0.1');
    expectFiled(first);
    const before = await filedCount();
    const other = await file(submission('Another complaint altogether'), 'reused-1', '10.4.0.1');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'case.idempotency-key-reused',
      message: 'the Idempotency-Key "reused-1" was already used with another body: send a new key for a new request',
    });
    expect(JSON.stringify(other.body)).not.toContain(first.body.accessCode);
    expect(await filedCount()).toBe(before);
  });

  it('files once when several requests with one key arrive at the same moment, and none is a 500', async () => {
    const before = await filedCount();
    const body = submission();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => file(body, 'at-once-1', `10.5.0.${i}`)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.ticket)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.accessCode)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await filedCount()).toBe(before + 1);
  });

  it('without a key, each request files a complaint of its own (as before)', async () => {
    const before = await filedCount();
    const body = submission();
    const [a, b] = [await file(body, undefined, '10.6.0.1'), await file(body, undefined, '10.6.0.1')];
    expectFiled(a);
    expectFiled(b);
    expect(a.body.ticket).not.toBe(b.body.ticket);
    expect(await filedCount()).toBe(before + 2);
  });

  it('does not count a replay against COMPLAINT_IP_LIMIT: the address still files its own complaints', async () => {
    const ip = '10.7.0.1';
    const body = submission();
    expectFiled(await file(body, 'limit-1', ip));
    for (let i = 0; i < LIMIT + 2; i++) {
      const again = await file(body, 'limit-1', ip);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    for (let i = 1; i < LIMIT; i++) expectFiled(await file(submission(), undefined, ip));
    expect((await file(submission(), undefined, ip)).status).toBe(429);
    // at its limit, the address still gets a lost answer back: a retry files nothing, so it is not refused
    const retry = await file(body, 'limit-1', ip);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    // a known key is no way around the limit: with another body it files nothing either (422)
    expect((await file(submission(), 'limit-1', ip)).status).toBe(422);
    expect((await file(submission(), 'never-used-key', ip)).status).toBe(429);
  });

  describe('a malformed key is 400 and files nothing', () => {
    const fieldError = { field: 'Idempotency-Key', message: 'use 1 to 200 visible ASCII characters, e.g. a UUID' };

    it.each([
      ['too long (201 characters)', 'k'.repeat(201)],
      ['with a space', 'two words'],
      ['with a tab', 'tab\there'],
      ['with a character outside ASCII', 'kunci-é'],
    ])('%s: says the header is not valid and what it must be', async (_title, key) => {
      const before = await filedCount();
      const res = await rawFile(key, '10.8.0.1');
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ statusCode: 400, message: 'the Idempotency-Key header is not valid', errors: [fieldError] });
      expect(await filedCount()).toBe(before);
    });

    it('the same for the events route (the same check)', async () => {
      const res = await client.request('POST', '/api/public/complaints/MET-AAAAAA/events', {
        body: { type: 'COMPLETE', version: 1 },
        headers: { 'x-access-code': 'AAAA-AAAA-AAAA', 'idempotency-key': 'k'.repeat(201) },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ message: 'the Idempotency-Key header is not valid', errors: [fieldError] });
    });

    // NUL and the other control characters never reach a route: Node's HTTP parser refuses the request
    // (on every route alike, the events route's too) and closes the connection
    it.each([
      ['a NUL byte', 'nul\u0000byte'],
      ['a control character', 'ctl\u0001char'],
      ['DEL', 'del\u007fchar'],
    ])('with %s: 400, nothing filed', async (_title, key) => {
      const before = await filedCount();
      expect((await rawFile(key, '10.8.0.2')).status).toBe(400);
      expect(await filedCount()).toBe(before);
    });
  });

  it('keeps the access code sealed: the database never holds it in plain text', async () => {
    const body = submission();
    const first = await file(body, 'sealed-1', '10.9.0.1');
    expectFiled(first);
    const code = first.body.accessCode as string;
    await api.stop();
    const rows = await db.sql<{ response: unknown; request_hash: string | null }>(`SELECT response, request_hash FROM idempotency_keys WHERE key = 'sealed-1'`);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0].response);
    expect(stored).toContain(first.body.ticket);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace(/-/g, ''));
    expect((rows[0].response as { accessCode: string }).accessCode).toMatch(/^enc:/);
    expect(rows[0].request_hash).toEqual(expect.any(String));

    // a sealed code that no longer opens (altered, or sealed with another key): the retry is told its
    // ticket and that its code cannot be shown again, never a placeholder taken for a code
    const sealed = (rows[0].response as { accessCode: string }).accessCode;
    const altered = `${sealed.slice(0, -4)}${sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await db.sql(`UPDATE idempotency_keys SET response = jsonb_set(response, '{accessCode}', to_jsonb($1::text)) WHERE key = 'sealed-1'`, [altered]);
    api = await startApi(db, { TRUST_PROXY: 'loopback', COMPLAINT_IP_LIMIT: String(LIMIT), COMPLAINT_IP_WINDOW_SECONDS: '600' });
    started.push(api);
    client = new ApiClient(api.url);
    const before = await filedCount();
    const same = await file(body, 'sealed-1', '10.9.0.2');
    expect(same.status).toBe(409);
    expect(same.body.message).toContain(`filed as ticket ${first.body.ticket}`);
    expect(same.body.messageId).toContain(`nomor tiket ${first.body.ticket}`);
    expect(JSON.stringify(same.body)).not.toContain('tidak dapat dibuka');
    expect(await filedCount()).toBe(before);
  });
});
