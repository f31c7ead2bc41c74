import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Requests at the edges of HTTP that clients and proxies do send: compressed bodies, a byte order
 * mark, a Content-Type that is no media type, an absolute-form request target, bad input sent to a
 * rate-limited route. Each is answered as the API always answered it (ADR 0038: the move to Fastify
 * kept every answer): a body is read or refused in words, never a bare 415; the guards see every
 * path; refused input does not use up a client's allowance, and a 429 carries the request id and
 * the security headers of every answer.
 */

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { TRUST_PROXY: 'loopback', LOGIN_IP_LIMIT: '2', LOGIN_IP_WINDOW_SECONDS: '600' });
  client = new ApiClient(api.url);
}, 60_000);

afterAll(async () => {
  await api.stop();
  await db.drop();
});

/** One request as sent, byte for byte: its target as written (absolute-form too), headers and body. */
function raw(target: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
  const { port } = new URL(api.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const complaint = JSON.stringify({ sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng });

describe('bodies', () => {
  it('a complaint sent gzip-compressed is filed like one sent plain', async () => {
    const res = await raw('/api/public/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(complaint),
    });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toEqual(expect.any(String));
  });

  it('an encoding the API cannot unpack is 415 naming it; a body that is not what it says is 400', async () => {
    const unknown = await raw('/api/public/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'compress' },
      body: complaint,
    });
    expect(unknown.status).toBe(415);
    expect(unknown.body.message).toBe('unsupported content encoding "compress"');
    const broken = await raw('/api/public/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: complaint,
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([
      {
        field: 'body',
        message: expect.stringMatching(/^the body is not gzip data, as its Content-Encoding says \(.+\): send it compressed so, or without Content-Encoding$/),
        messageId: 'isi permintaan bukan data gzip seperti yang dinyatakan header Content-Encoding: kirim dalam bentuk itu, atau tanpa Content-Encoding',
      },
    ]);
  });

  it('a form nested more than 32 levels deep is 400 saying so, in both languages', async () => {
    const res = await raw('/api/public/complaints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `a${'[a]'.repeat(40)}=1`,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'body',
        message: expect.stringMatching(/more than 32 levels deep/),
        messageId: expect.stringMatching(/lebih dari 32 tingkat/),
      }),
    ]);
  });

  it('a JSON body that starts with a byte order mark is read', async () => {
    const res = await raw('/api/public/complaints', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `\uFEFF${complaint}` });
    expect(res.status).toBe(201);
  });

  it.each(['json', '', 'application/json, text/plain'])('Content-Type %j is read as no body: 400 saying what is missing, not 415', async (type) => {
    const res = await raw('/api/public/complaints', { method: 'POST', headers: { 'Content-Type': type }, body: complaint });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('the body is missing');
  });

  it('a bare word is refused in JSON.parse’s own words', async () => {
    const res = await raw('/api/public/complaints', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'hello' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^the body is not valid JSON: Unexpected token 'h', "hello" is not valid JSON/);
  });
});

describe('request targets', () => {
  it('an absolute-form target (as proxies send) is guarded like its path', async () => {
    const res = await raw(`http://127.0.0.1/api/sops?q=%00`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({
      field: 'q',
      message: expect.stringMatching(/NUL/),
      messageId: 'isian q memuat karakter NUL (\\u0000) di posisi ke-1: hapus karakter itu',
    });
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });

  it.each(['1.0', '+1', '%201', '1e3', '0x3', '01', '0', '2147483648', 'satu'])(
    'an SOP version written %s in a path is refused (400, both languages), not read as some version',
    async (version) => {
      const res = await client.request('GET', `/api/sops/buleleng/versions/${version}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          field: 'version',
          message: expect.stringMatching(/^the version is a whole number from 1 to 2147483647, written in digits \(e\.g\. 2\); ".+" is not$/),
          messageId: expect.stringMatching(/^versi ditulis sebagai bilangan bulat dari 1 sampai 2147483647 dengan angka saja/),
        },
      ]);
    },
  );

  it('an SOP version written in digits is read', async () => {
    expect((await client.request('GET', '/api/sops/buleleng/versions/1')).status).toBe(200);
  });

  it('an absolute-form Open311 target answers errors in Open311’s shape', async () => {
    const res = await raw(`http://127.0.0.1/api/open311/v2/nope.json`);
    expect(res.status).toBe(404);
    expect(Array.isArray(res.body)).toBe(true);
  });
});

describe('rate limits and bad input', () => {
  it('refused bodies do not use up the log-in allowance; the 429 carries the request id and security headers', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.77' };
    for (let i = 0; i < 3; i++) {
      const bad = await client.request('POST', '/api/auth/login', { rawBody: '{bad', headers: ip });
      expect(bad.status).toBe(400);
    }
    // LOGIN_IP_LIMIT=2 counts refused log-ins only: two wrong passwords are still answered 401
    for (let i = 0; i < 2; i++) {
      const wrong = await client.request('POST', '/api/auth/login', { body: { username: 'buleleng.admin', password: 'wrong-password' }, headers: ip });
      expect(wrong.status).toBe(401);
    }
    const limited = await client.request('POST', '/api/auth/login', {
      body: { username: 'buleleng.admin', password: 'wrong-password' },
      headers: { ...ip, 'X-Request-Id': 'limited-7f1' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-request-id')).toBe('limited-7f1');
    expect(limited.headers.get('x-frame-options')).toBe('DENY');
    expect(limited.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
