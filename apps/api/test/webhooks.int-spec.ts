import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../src/webhooks/webhook-event';
import {
  ApiClient,
  type ApiProcess,
  createSharedDatabase,
  createTestDatabase,
  SAMPLE_COMPLAINTS,
  type SharedDatabase,
  startApi,
  type TestDatabase,
} from './api-harness';

/**
 * Webhooks (docs/adr/0019-webhooks.md): a real HTTP receiver on 127.0.0.1 (WEBHOOK_ALLOW_LOCALHOST,
 * as in development) checks every signature the way docs/webhooks.md tells a receiver to; no mocks.
 */
interface Received {
  path: string;
  delivery: string;
  event: string;
  signature: string;
  raw: string;
  body: { event: string; case: { id: string; ticket: string; step: string; version: number }; complainant?: { fields: { id: string; value: string }[] } };
}

async function startReceiver(): Promise<{ server: Server; url: string; received: Received[]; failNext: Map<string, number> }> {
  const received: Received[] = [];
  // per path: how many of the next requests answer 500 (Infinity: all)
  const failNext = new Map<string, number>();
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = failNext.get(path) ?? 0;
      if (left > 0) {
        failNext.set(path, left - 1);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver is down');
        return;
      }
      received.push({
        path,
        delivery: String(req.headers['x-sop-delivery']),
        event: String(req.headers['x-sop-event']),
        signature: String(req.headers['x-sop-signature']),
        raw,
        body: JSON.parse(raw),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, failNext };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function caseIdOf(client: ApiClient, ticket: string, as: string): Promise<string> {
  const r = await client.request('GET', `/api/cases?ticket=${ticket}&status=open`, { as });
  expect(r.body.items).toHaveLength(1);
  return r.body.items[0].id;
}

const WEBHOOK_ENV = { WEBHOOK_ALLOW_LOCALHOST: 'true', NOTIFY_INTERVAL_MS: '100', NOTIFY_RETRY_BASE_MS: '100', NOTIFY_MAX_ATTEMPTS: '3' };

describe('webhooks of one regency', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const key = { DATA_KEY: 'cd'.repeat(32) };

  beforeAll(async () => {
    receiver = await startReceiver();
    db = await createTestDatabase();
    // Monday 23 November 2026, 09:00 WIB
    api = await startApi(db, { ...WEBHOOK_ENV, ...key, SOP_CLOCK_START: '2026-11-23T02:00:00Z' });
    client = new ApiClient(api.url);
  }, 120_000);

  afterAll(async () => {
    await api.stop();
    await db.drop();
    await new Promise((r) => receiver.server.close(() => r(null)));
  });

  it('signs each event, delivers filed, handed over, overdue and closed exactly once, retries after a 500, and keeps identity to the granted endpoint', async () => {
    const create = (body: object) => client.request('POST', '/api/webhooks', { as: 'admin.lumajang', body });
    const main = await create({ url: `${receiver.url}/all`, events: ['filed', 'handed_over', 'overdue', 'closed'], description: 'Dasbor kabupaten' });
    expect(main.status).toBe(201);
    expect(main.body).toMatchObject({ regency: 'lumajang', enabled: true, identityLane: null, events: ['filed', 'handed_over', 'overdue', 'closed'] });
    expect(main.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const broken = await create({ url: `${receiver.url}/broken`, events: ['closed'] });
    const granted = await create({ url: `${receiver.url}/granted`, events: ['filed'], identityLane: 'petugas-operator' });
    expect([broken.status, granted.status]).toEqual([201, 201]);
    receiver.failNext.set('/all', 1); // the first delivery meets a 500 and is retried
    receiver.failNext.set('/broken', Infinity);
    // the secret is shown once: the list never carries it
    const list = await client.request('GET', '/api/webhooks', { as: 'admin.lumajang' });
    expect(list.body.items).toHaveLength(3);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    // case A: filed, then refused (closed); case B: filed, then valid (handed over to the JF Analis Kebijakan)
    const fileOne = async (isi: string) => {
      const r = await client.request('POST', '/api/public/complaints', { body: { sop: 'lumajang', data: { ...SAMPLE_COMPLAINTS.lumajang, isi } } });
      expect(r.status).toBe(201);
      return r.body.ticket as string;
    };
    const ticketA = await fileOne('Pendaftaran online gagal terus');
    const ticketB = await fileOne('Data saya berbeda di KK, NIK 3508015507900002');
    const idA = await caseIdOf(client, ticketA, 'lumajang.petugas-operator');
    const idB = await caseIdOf(client, ticketB, 'lumajang.petugas-operator');
    const refuse = await client.request('POST', `/api/cases/${idA}/events`, {
      as: 'lumajang.petugas-operator',
      body: { type: 'CHOOSE', outcome: 'tidak-valid', version: 1 },
    });
    expect(refuse.status).toBe(200);
    const accept = await client.request('POST', `/api/cases/${idB}/events`, {
      as: 'lumajang.petugas-operator',
      body: { type: 'CHOOSE', outcome: 'valid', version: 1 },
    });
    expect(accept.status).toBe(200);
    await waitFor('four deliveries to the dashboard', () => receiver.received.filter((r) => r.path === '/all').length >= 4);

    // Tuesday: the 5-minute limit of the recording step passed while the API was down
    await api.stop();
    api = await startApi(db, { ...WEBHOOK_ENV, ...key, SOP_CLOCK_START: '2026-11-24T02:00:00Z' });
    client = new ApiClient(api.url);
    await waitFor('the overdue delivery', () => receiver.received.find((r) => r.path === '/all' && r.body.event === 'case.overdue'));
    await sleep(800); // more passes: nothing is delivered again

    const all = receiver.received.filter((r) => r.path === '/all');
    for (const r of all) {
      expect(verifySignature(main.body.secret, r.signature, r.raw, new Date())).toBe(true);
      expect(verifySignature(granted.body.secret, r.signature, r.raw, new Date())).toBe(false); // another endpoint's secret does not fit
      expect(r.event).toBe(r.body.event);
      // never the identity, nor the complaint's text
      expect(r.raw).not.toMatch(/Dewi|dewi@example\.id|3508015507900002|Pendaftaran online/);
      expect(r.body.complainant).toBeUndefined();
    }
    expect(new Set(all.map((r) => r.delivery)).size).toBe(all.length);
    // deliveries may arrive out of order (a retry, two processes): a receiver orders a case's events by its version
    const eventsOf = (ticket: string) =>
      all
        .filter((r) => r.body.case.ticket === ticket)
        .sort((x, y) => x.body.case.version - y.body.case.version)
        .map((r) => r.body.event);
    expect(eventsOf(ticketA)).toEqual(['case.filed', 'case.closed']);
    expect(eventsOf(ticketB)).toEqual(['case.filed', 'case.handed_over', 'case.overdue']);
    expect(all.find((r) => r.body.event === 'case.handed_over')!.body).toMatchObject({
      case: { id: idB, ticket: ticketB, step: 'pencatatan' },
      transition: {
        event: 'CHOOSE',
        outcome: 'valid',
        from: { step: 'verifikasi', lane: 'petugas-operator' },
        to: { step: 'pencatatan', lane: 'jf-analis-kebijakan' },
      },
    });

    // the endpoint granted the intake lane's view receives the complainant as that lane sees it
    const withIdentity = receiver.received.filter((r) => r.path === '/granted');
    expect(withIdentity.map((r) => r.body.case.ticket).sort()).toEqual([ticketA, ticketB].sort());
    for (const r of withIdentity) {
      expect(verifySignature(granted.body.secret, r.signature, r.raw, new Date())).toBe(true);
      expect(r.body.complainant!.fields).toEqual(expect.arrayContaining([{ id: 'email', label: expect.any(String), value: 'dewi@example.id' }]));
    }

    // the delivery log: the first delivery needed two attempts; the broken endpoint failed for good with its status
    const log = await client.request('GET', `/api/webhooks/${main.body.id}/deliveries`, { as: 'admin.lumajang' });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(5);
    const firstFiled = log.body.items[log.body.items.length - 1];
    expect(firstFiled).toMatchObject({ event: 'filed', ticket: ticketA, status: 'sent', attempts: 2, responseStatus: 204 });
    expect(log.body.items.filter((d: { attempts: number }) => d.attempts === 1)).toHaveLength(4);
    const brokenLog = await waitFor('the broken endpoint marked failed', async () => {
      const r = await client.request('GET', `/api/webhooks/${broken.body.id}/deliveries`, { as: 'admin.lumajang' });
      return r.body.items?.[0]?.status === 'failed' ? r.body.items : null;
    });
    expect(brokenLog).toHaveLength(1);
    expect(brokenLog[0]).toMatchObject({ event: 'closed', ticket: ticketA, status: 'failed', attempts: 3, responseStatus: 500 });
    expect(brokenLog[0].error).toContain('500');
    const listed = await client.request('GET', '/api/webhooks', { as: 'admin.lumajang' });
    expect(listed.body.items.find((w: { id: string }) => w.id === broken.body.id).lastDelivery).toMatchObject({ status: 'failed' });
    // nor does the complainant's own message list show the deliveries
    const messages = await client.request('GET', `/api/cases/${idB}/notifications`, { as: 'lumajang.petugas-operator' });
    expect(messages.body.items.every((n: { channel: string }) => n.channel !== 'webhook')).toBe(true);
  }, 120_000);

  it('stops queueing for a disabled endpoint, forgets a deleted one, and audits each change', async () => {
    const made = await client.request('POST', '/api/webhooks', { as: 'admin', body: { regency: 'metro', url: `${receiver.url}/metro`, events: ['filed'] } });
    expect(made.status).toBe(201);
    // the regency's administrator sees it; another regency's does not
    expect((await client.request('GET', '/api/webhooks', { as: 'admin.metro' })).body.items.map((w: { id: string }) => w.id)).toEqual([made.body.id]);
    expect((await client.request('GET', `/api/webhooks/${made.body.id}/deliveries`, { as: 'admin.lumajang' })).status).toBe(404);
    expect((await client.request('POST', `/api/webhooks/${made.body.id}/disable`, { as: 'admin.lumajang' })).status).toBe(404);
    const disabled = await client.request('POST', `/api/webhooks/${made.body.id}/disable`, { as: 'admin.metro' });
    expect(disabled.body).toMatchObject({ enabled: false });
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
    expect(filed.status).toBe(201);
    await sleep(600);
    expect(receiver.received.filter((r) => r.path === '/metro')).toHaveLength(0);
    expect((await client.request('GET', `/api/webhooks/${made.body.id}/deliveries`, { as: 'admin.metro' })).body.items).toEqual([]);
    await client.request('POST', `/api/webhooks/${made.body.id}/enable`, { as: 'admin.metro' });
    const second = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
    await waitFor('the delivery after enabling', () => receiver.received.find((r) => r.path === '/metro'));
    expect(receiver.received.filter((r) => r.path === '/metro').map((r) => r.body.case.ticket)).toEqual([second.body.ticket]);
    expect((await client.request('DELETE', `/api/webhooks/${made.body.id}`, { as: 'admin.metro' })).status).toBe(204);
    expect((await client.request('DELETE', `/api/webhooks/${made.body.id}`, { as: 'admin.metro' })).status).toBe(404);
    expect((await client.request('GET', '/api/webhooks', { as: 'admin.metro' })).body.items).toEqual([]);
    const audit = await client.request('GET', '/api/admin/audit?regency=metro', { as: 'admin' });
    const actions = audit.body.items.filter((l: { target: string }) => l.target === made.body.id).map((l: { action: string }) => l.action);
    expect(actions.sort()).toEqual(['webhook.create', 'webhook.delete', 'webhook.disable', 'webhook.enable']);
  }, 60_000);

  it('refuses hostile registrations with a 400 that says what is wrong, and creates nothing', async () => {
    const before = (await client.request('GET', '/api/webhooks', { as: 'admin' })).body.items.length;
    const attempt = (body: unknown, as = 'admin.lumajang') => client.request('POST', '/api/webhooks', { as, body });
    const refused: [unknown, RegExp][] = [
      [{ url: 'http://example.go.id/hook', events: ['filed'] }, /only https/],
      [{ url: 'https://10.0.0.7/hook', events: ['filed'] }, /private/],
      [{ url: 'https://0x0a000001/hook', events: ['filed'] }, /private/], // 10.0.0.1 written in hex
      [{ url: 'https://169.254.169.254/latest/meta-data', events: ['filed'] }, /private/],
      [{ url: 'https://192.168.1.1/', events: ['filed'] }, /private/],
      [{ url: 'https://[::ffff:a00:1]/', events: ['filed'] }, /private/],
      [{ url: 'https://[fd00::1]/', events: ['filed'] }, /private/],
      [{ url: 'http://192.168.1.1/', events: ['filed'] }, /only https/],
      [{ url: 'https://printer.local/hook', events: ['filed'] }, /internal/],
      [{ url: 'https://intranet/hook', events: ['filed'] }, /internal/],
      [{ url: 'https://user:pw@example.go.id/hook', events: ['filed'] }, /user name or password/],
      [{ url: 'javascript:alert(1)', events: ['filed'] }, /only https/],
      [{ url: 'not a url', events: ['filed'] }, /spaces/],
      [{ url: `https://example.go.id/${'a'.repeat(2100)}`, events: ['filed'] }, /2000/],
      [{ url: 'https://example.go.id/hook', events: ['deleted'] }, /each event is one of/],
      [{ url: 'https://example.go.id/hook', events: [] }, /at least one event/],
      [{ url: 'https://example.go.id/hook', events: 'filed' }, /events must be a list/],
      [{ url: 'https://example.go.id/hook', events: ['filed'], identityLane: 'pemohon' }, /not an office lane/],
      [{ url: 'https://example.go.id/hook', events: ['filed'], secret: 'mine' }, /secret/],
      [{ url: 42, events: ['filed'] }, /url must be text/],
      [[{ url: 'https://example.go.id/hook' }], /JSON object/],
      [{ regency: 'nowhere', url: 'https://example.go.id/hook', events: ['filed'] }, /regency|nowhere/],
    ];
    for (const [body, message] of refused) {
      const r = await attempt(body, Array.isArray(body) || (body as { regency?: string }).regency ? 'admin' : 'admin.lumajang');
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(r.body)).toMatch(message);
    }
    expect((await attempt({ url: 'https://example.go.id/hook', events: ['filed'] }, 'lumajang.petugas-operator')).status).toBe(403);
    expect((await attempt({ regency: 'lumajang', url: 'https://example.go.id/hook', events: ['filed'] }, 'admin.metro')).status).toBe(403);
    expect((await client.request('DELETE', '/api/webhooks/not-a-uuid', { as: 'admin' })).status).toBe(400);
    expect((await client.request('GET', '/api/webhooks?regency=METRO;drop', { as: 'admin' })).status).toBe(400);
    expect((await client.request('GET', '/api/webhooks', { as: 'admin' })).body.items).toHaveLength(before);
  }, 60_000);

  it('words each refusal in Bahasa Indonesia too (messageId), beside the English', async () => {
    const before = (await client.request('GET', '/api/webhooks', { as: 'admin' })).body.items.length;
    const attempt = (body: unknown, as = 'admin.lumajang') => client.request('POST', '/api/webhooks', { as, body });
    const errorsOf = async (body: unknown, as?: string) => {
      const r = await attempt(body, as);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
      return r.body.errors;
    };
    const EVENTS = 'filed, handed_over, overdue, closed';

    // the URL (webhook-url.ts)
    expect(await errorsOf({ url: 'http://example.go.id/hook', events: ['filed'] })).toEqual([
      {
        field: 'url',
        message: 'only https URLs are accepted (deliveries carry case data); "http:" is not',
        messageId: 'hanya URL https yang diterima (pengiriman memuat data pengaduan); "http:" tidak diterima',
      },
    ]);
    expect(await errorsOf({ url: 'https://10.0.0.7/hook', events: ['filed'] })).toEqual([
      {
        field: 'url',
        message: '10.0.0.7 is a private, loopback or reserved address: webhooks go to the public internet only',
        messageId: '10.0.0.7 adalah alamat privat, loopback, atau yang dicadangkan: webhook hanya dikirim ke internet publik',
      },
    ]);
    // the events: one the DTO does not know, none, or none at all
    expect(await errorsOf({ url: 'https://example.go.id/hook', events: ['deleted'] })).toEqual([
      { field: 'events', message: `each event is one of ${EVENTS}`, messageId: `setiap peristiwa adalah salah satu dari ${EVENTS}` },
    ]);
    expect(await errorsOf({ url: 'https://example.go.id/hook', events: [] })).toEqual([
      { field: 'events', message: `name at least one event: ${EVENTS}`, messageId: `sebutkan paling sedikit satu peristiwa: ${EVENTS}` },
    ]);
    expect(await errorsOf({ url: 'https://example.go.id/hook' })).toEqual([
      {
        field: 'events',
        message: `events is missing: each event is one of ${EVENTS}`,
        messageId: `belum ada: setiap peristiwa adalah salah satu dari ${EVENTS}`,
      },
      {
        field: 'events',
        message: `events is missing: events must be a list of ${EVENTS}`,
        messageId: `belum ada: peristiwa harus berupa daftar berisi ${EVENTS}`,
      },
    ]);
    // the lane that would see the complainant
    expect(await errorsOf({ url: 'https://example.go.id/hook', events: ['filed'], identityLane: 'pemohon' })).toEqual([
      {
        field: 'identityLane',
        message: expect.stringMatching(/^"pemohon" is not an office lane of lumajang: name one of .*petugas-operator.*, or leave it out$/),
        messageId: expect.stringMatching(
          /^"pemohon" bukan lajur kantor lumajang: sebutkan salah satu dari [a-z0-9-]+(, [a-z0-9-]+)* \(endpoint lalu melihat pelapor sebagaimana lajur itu melihatnya\), atau biarkan kosong$/,
        ),
      },
    ]);
    // the DTO's checks
    expect(
      await errorsOf({ url: 42, events: ['filed'], description: 'x'.repeat(201), identityLane: 'Petugas Operator', regency: 'Lumajang!' }, 'admin'),
    ).toEqual([
      { field: 'regency', message: 'regency is an SOP id such as "metro"', messageId: 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro"' },
      {
        field: 'url',
        message: 'url must be text such as https://dashboard.example.go.id/hooks/sop',
        messageId: 'alamat harus berupa teks seperti https://dashboard.example.go.id/hooks/sop',
      },
      { field: 'description', message: 'description is at most 200 characters', messageId: 'keterangan paling panjang 200 karakter' },
      {
        field: 'identityLane',
        message: 'identityLane is a lane id such as "petugas"',
        messageId: 'lajur identitas ditulis sebagai id lajur seperti "petugas"',
      },
    ]);
    // the regency: unpublished, or not named by the platform administrator
    expect(await errorsOf({ regency: 'nowhere', url: 'https://example.go.id/hook', events: ['filed'] }, 'admin')).toEqual([
      { field: 'regency', message: 'no published SOP "nowhere"', messageId: 'tidak ada SOP "nowhere" yang terbit' },
    ]);
    expect(await errorsOf({ url: 'https://example.go.id/hook', events: ['filed'] }, 'admin')).toEqual([
      {
        field: 'regency',
        message: 'say which regency (SOP id such as "metro") the endpoint is for',
        messageId: 'sebutkan Kabupaten/Kota pemilik endpoint ini (id SOP seperti "metro")',
      },
    ]);

    // 403: not an administrator, or another regency's
    const notAdmin = await attempt({ url: 'https://example.go.id/hook', events: ['filed'] }, 'lumajang.petugas-operator');
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      code: 'forbidden',
      message: 'managing webhooks needs an administrator; you are lumajang.petugas-operator',
      messageId: 'mengelola webhook memerlukan administrator; akun Anda lumajang.petugas-operator',
    });
    const elsewhere = await attempt({ regency: 'lumajang', url: 'https://example.go.id/hook', events: ['filed'] }, 'admin.metro');
    expect([elsewhere.status, elsewhere.body.messageId]).toEqual([403, 'Anda administrator metro; endpoint ini akan menjadi milik lumajang']);
    const listElsewhere = await client.request('GET', '/api/webhooks?regency=lumajang', { as: 'admin.metro' });
    expect([listElsewhere.status, listElsewhere.body.messageId]).toEqual([403, 'Anda administrator metro, bukan lumajang']);

    // 404: an id no endpoint has, or one of another regency
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['GET', `/api/webhooks/${unknown}/deliveries`],
      ['POST', `/api/webhooks/${unknown}/disable`],
      ['POST', `/api/webhooks/${unknown}/enable`],
      ['DELETE', `/api/webhooks/${unknown}`],
    ] as const) {
      const r = await client.request(method, path, { as: 'admin.lumajang' });
      expect({ path, status: r.status, body: r.body }).toEqual({
        path,
        status: 404,
        body: {
          statusCode: 404,
          error: 'Not Found',
          code: 'not-found',
          message: `no webhook ${unknown} in lumajang`,
          messageId: `webhook ${unknown} tidak ditemukan di lumajang`,
        },
      });
    }
    const theirs = await client.request('POST', '/api/webhooks', {
      as: 'admin',
      body: { regency: 'metro', url: `${receiver.url}/metro-id`, events: ['filed'] },
    });
    expect(theirs.status).toBe(201);
    const hidden = await client.request('GET', `/api/webhooks/${theirs.body.id}/deliveries`, { as: 'admin.lumajang' });
    expect([hidden.status, hidden.body.messageId]).toEqual([404, `webhook ${theirs.body.id} tidak ditemukan di lumajang`]);
    expect((await client.request('DELETE', `/api/webhooks/${theirs.body.id}`, { as: 'admin' })).status).toBe(204);

    // 400 of the path and the query
    expect((await client.request('DELETE', '/api/webhooks/not-a-uuid', { as: 'admin' })).body.errors).toEqual([
      { field: 'id', message: 'the webhook id must be a UUID', messageId: 'id webhook harus berupa UUID' },
    ]);
    expect((await client.request('GET', '/api/webhooks?regency=METRO;drop', { as: 'admin' })).body.errors).toEqual([
      { field: 'regency', message: 'regency is an SOP id such as "metro"', messageId: 'Kabupaten/Kota ditulis sebagai id SOP seperti "metro"' },
    ]);
    expect((await client.request('GET', `/api/webhooks/${unknown}/deliveries?page=0&pageSize=many`, { as: 'admin' })).body.errors).toEqual([
      { field: 'page', message: 'page starts at 1', messageId: 'halaman dimulai dari 1' },
      { field: 'pageSize', message: 'pageSize must be a whole number', messageId: 'ukuran halaman harus bilangan bulat' },
    ]);
    expect((await client.request('GET', '/api/webhooks', { as: 'admin' })).body.items).toHaveLength(before);
  }, 60_000);
});

describe('webhooks with two API processes', () => {
  let db: SharedDatabase | null = null;
  let shared: Record<string, string>;
  const apis: ApiProcess[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    db = await createSharedDatabase();
    shared = db.env;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await db?.drop();
    await new Promise((r) => receiver.server.close(() => r(null)));
  });

  it('delivers each of many events exactly once', async () => {
    const env = { ...shared, ...WEBHOOK_ENV, NOTIFY_INTERVAL_MS: '50', DATA_KEY: 'ef'.repeat(32) };
    // the first migrates the new database; the second starts on it
    const two = [await startApi({ env: {} } as TestDatabase, env)];
    apis.push(two[0]);
    two.push(await startApi({ env: {} } as TestDatabase, env));
    apis.push(two[1]);
    const client = new ApiClient(two[0].url);
    const hook = await client.request('POST', '/api/webhooks', { as: 'admin.brebes', body: { url: `${receiver.url}/brebes`, events: ['filed'] } });
    expect(hook.status).toBe(201);
    const clients = two.map((a) => new ApiClient(a.url));
    const filed = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        clients[i % 2].request('POST', '/api/public/complaints', { body: { sop: 'brebes', data: { ...SAMPLE_COMPLAINTS.brebes, isi: `Pengaduan ${i}` } } }),
      ),
    );
    expect(filed.every((r) => r.status === 201)).toBe(true);
    await waitFor('30 deliveries', () => receiver.received.length >= 30, 30_000);
    await sleep(1000); // more passes by both: nothing is delivered again
    expect(receiver.received).toHaveLength(30);
    const tickets = filed.map((f) => f.body.ticket as string).sort();
    expect(receiver.received.map((r) => r.body.case.ticket).sort()).toEqual(tickets);
    for (const r of receiver.received) expect(verifySignature(hook.body.secret, r.signature, r.raw, new Date())).toBe(true);
    const senders = two.map((a) => a.logs.filter((l) => l.includes('"webhook delivered"')).length);
    expect(senders[0] + senders[1]).toBe(30);
  }, 120_000);
});
