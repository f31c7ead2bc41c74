import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
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
 * Messages to complainants (docs/adr/0015-notifications-outbox.md): a real SMTP server (smtp-server,
 * of the nodemailer project) and a small HTTP gateway started here receive what the API's outbox
 * delivers; no mocks.
 */
interface Mail {
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.server.address() as AddressInfo).port, mails };
}

/** The text of a mail, its quoted-printable soft breaks and escapes undone. */
function textOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
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

/** The case id of a ticket, from the inbox of one of its lanes (the public answer gives the ticket only). */
async function caseIdOf(client: ApiClient, ticket: string, as: string): Promise<string> {
  const r = await client.request('GET', `/api/cases?ticket=${ticket}`, { as });
  expect(r.body.items).toHaveLength(1);
  return r.body.items[0].id;
}

describe('one API process with SMTP and a WhatsApp gateway', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let client: ApiClient;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Server;
  const gatewayCalls: { auth: string | undefined; body: { to: string; text: string; channel: string } }[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    // a gateway that always fails: every attempt is recorded
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        gatewayCalls.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream operator down');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    db = await createTestDatabase();
    api = await startApi(db, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Disdukcapil <pengaduan@example.go.id>',
      NOTIFY_HTTP_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
      NOTIFY_HTTP_TOKEN: 'gateway-secret-token',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_INTERVAL_MS: '100',
      PUBLIC_URL: 'https://pengaduan.example.go.id',
    });
    client = new ApiClient(api.url);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    await new Promise((r) => smtp?.server.close(() => r(null)));
    await new Promise((r) => gateway?.close(() => r(null)));
  });

  it('mails the ticket on filing (with the SOP greeting) and the reply, and shows their status to the operator', async () => {
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'lumajang', data: { ...SAMPLE_COMPLAINTS.lumajang, isi: 'Pendaftaran online gagal; NIK saya 3508015507900002' } },
    });
    expect(filed.status).toBe(201);
    const ticket: string = filed.body.ticket;
    const first = await waitFor('the ticket mail', () => smtp.mails.find((m) => textOf(m.raw).includes(ticket)));
    const text = textOf(first.raw);
    expect(first.to).toEqual(['dewi@example.id']);
    expect(text).toContain('Terima kasih telah menghubungi Dispendukcapil Lumajang'); // the SOP's template
    expect(text).toContain(`https://pengaduan.example.go.id/tiket/${ticket}`);
    expect(text).not.toContain('3508015507900002');

    const id = await caseIdOf(client, ticket, 'lumajang.petugas-operator');
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'lumajang.petugas-operator' });
    const valid = detail.body.allowedEvents.find((e: { outcome?: string }) => e.outcome === 'valid');
    const moved = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'lumajang.petugas-operator',
      body: {
        type: valid.type,
        outcome: 'valid',
        version: detail.body.version,
        reply: 'Data Anda valid; kami teruskan. Hubungi kami di (0334) 881234 atau dukcapil@lumajangkab.go.id.',
      },
      headers: { 'idempotency-key': `reply-${ticket}` },
    });
    expect(moved.status).toBe(200);
    const second = await waitFor('the reply mail', () => smtp.mails.find((m) => m !== first && textOf(m.raw).includes(ticket)));
    const reply = textOf(second.raw);
    expect(reply).toContain('Data Anda valid; kami teruskan.');
    expect(reply).toContain('(0334) 881234'); // the office's own contact details stay
    expect(reply).toContain(ticket);

    const list = await waitFor('both marked sent', async () => {
      const r = await client.request('GET', `/api/cases/${id}/notifications`, { as: 'lumajang.petugas-operator' });
      return r.body.items?.length === 2 && r.body.items.every((n: { status: string }) => n.status === 'sent') ? r.body.items : null;
    });
    expect(list.map((n: { moment: string }) => n.moment)).toEqual(['filed', 'reply']);
    expect(list[0]).toMatchObject({ channel: 'email', status: 'sent', attempts: 1 });
    expect(list[0].to).not.toContain('dewi@'); // masked
    expect(list[0].to).toContain('example.id');
    // another regency does not see them
    expect((await client.request('GET', `/api/cases/${id}/notifications`, { as: 'metro.petugas' })).status).toBe(403);
  });

  it('retries a failing gateway with backoff and marks the message failed after the last attempt', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const id = await caseIdOf(client, filed.body.ticket, 'buleleng.staf-kerjasama');
    const items = await waitFor('the message marked failed', async () => {
      const r = await client.request('GET', `/api/cases/${id}/notifications`, { as: 'buleleng.staf-kerjasama' });
      return r.body.items?.[0]?.status === 'failed' ? r.body.items : null;
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'whatsapp', status: 'failed', attempts: 3 });
    expect(items[0].error).toContain('502');
    expect(items[0].to).not.toContain('1234567');
    const calls = gatewayCalls.filter((c) => c.body.text.includes(filed.body.ticket));
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({ auth: 'Bearer gateway-secret-token', body: { to: '+6281234567890', channel: 'whatsapp' } });
    await new Promise((r) => setTimeout(r, 500)); // no fourth attempt
    expect(gatewayCalls.filter((c) => c.body.text.includes(filed.body.ticket))).toHaveLength(3);
  });

  it('queues nothing when the complainant left no contact', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: { nama: 'Siti Rahayu', isi: 'KTP-el belum jadi' } } });
    expect(filed.status).toBe(201);
    const id = await caseIdOf(client, filed.body.ticket, 'metro.petugas');
    const r = await client.request('GET', `/api/cases/${id}/notifications`, { as: 'metro.petugas' });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect((await client.request('GET', '/api/cases/not-a-uuid/notifications', { as: 'metro.petugas' })).status).toBe(400);
    const health = await client.request('GET', '/api/health');
    expect(health.body.notifications).toMatchObject({ status: 'ok', channels: ['email', 'whatsapp', 'sms'] });
  });
});

describe('several API processes', () => {
  let db: SharedDatabase | null = null;
  let shared: Record<string, string>;
  const apis: ApiProcess[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await createSharedDatabase();
    shared = db.env;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await db?.drop();
    await new Promise((r) => smtp?.server.close(() => r(null)));
  });

  it('keeps messages pending without SMTP (health says so), then two processes deliver each exactly once', async () => {
    const key = { DATA_KEY: 'ab'.repeat(32) };
    const first = await startApi({ env: {} } as TestDatabase, { ...shared, ...key });
    apis.push(first);
    const client = new ApiClient(first.url);
    const filed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.request('POST', '/api/public/complaints', { body: { sop: 'lumajang', data: { ...SAMPLE_COMPLAINTS.lumajang, email: `warga${i}@example.id` } } }),
      ),
    );
    expect(filed.every((r) => r.status === 201)).toBe(true);
    const health = await client.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.notifications).toMatchObject({ status: 'not-configured', channels: [], pending: { email: 20 } });
    expect(health.body.notifications.message).toContain('SMTP');
    expect(smtp.mails).toHaveLength(0);
    await first.stop();

    const env = { ...shared, ...key, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_INTERVAL_MS: '50' };
    const two = await Promise.all([startApi({ env: {} } as TestDatabase, env), startApi({ env: {} } as TestDatabase, env)]);
    apis.push(...two);
    await waitFor('20 mails', () => smtp.mails.length >= 20, 30_000);
    await new Promise((r) => setTimeout(r, 1000)); // more passes by both: nothing is sent again
    expect(smtp.mails).toHaveLength(20);
    const tickets = filed.map((f) => f.body.ticket as string);
    for (const t of tickets) expect(smtp.mails.filter((m) => textOf(m.raw).includes(t))).toHaveLength(1);
    const senders = two.map((a) => a.logs.filter((l) => l.includes('"notification sent"')).length);
    expect(senders[0] + senders[1]).toBe(20);
    const after = await new ApiClient(two[0].url).request('GET', '/api/health');
    expect(after.body.notifications.pending).toEqual({});
  }, 120_000);
});
