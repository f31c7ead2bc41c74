import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { filesUnder, png } from './attachments-harness';

/**
 * Uploads that end, stop or are shaped wrongly, sent byte by byte over a socket (fetch would write
 * the multipart body itself): each is answered at once with a 400 worded in English and in Bahasa
 * Indonesia, nothing is left in the staging folder (DATA_DIR/attachments/incoming), and the API
 * keeps answering. The fixture with-attachment.yaml is published as "contoh" (Foto KTP: JPEG, PNG or
 * PDF up to 1 MB). ATTACHMENT_IDLE_MS is short here so that a stalled upload is refused quickly.
 */

const IDLE_MS = 1500;
const BOUNDARY = 'BOUNDARY';
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
/** The API's address (http://127.0.0.1:port). */
let base = '';
let client: ApiClient;
let sopsDir: string;
let dataDir: string;
let ownDataDir: string | null = null;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/with-attachment.yaml' });
  db = await createTestDatabase();
  // the embedded database keeps its DATA_DIR; on PostgreSQL the files get a folder of their own
  ownDataDir = db.env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'sop-upload-edges-'));
  dataDir = ownDataDir ?? db.env.DATA_DIR;
  api = await startApi(db, {
    SOPS_DIR: sopsDir,
    ATTACHMENT_IP_LIMIT: '1000000',
    ATTACHMENT_IDLE_MS: String(IDLE_MS),
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
  });
  base = api.url;
  client = new ApiClient(base);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: any;
  /** Whether the server closed the connection once it had answered. */
  closed: boolean;
  /** Milliseconds from the last byte sent to the answer. */
  ms: number;
}

/** The answer in the bytes received, once it is whole (its head, and as many bytes as its Content-Length). */
function answerIn(received: Buffer[], sentAt: number): Omit<RawAnswer, 'closed'> | null {
  const all = Buffer.concat(received);
  const end = all.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const text = all.subarray(end + 4);
  if (text.length < Number(headers['content-length'] ?? 0)) return null;
  let body: unknown = text.toString('utf8');
  try {
    body = JSON.parse(body as string);
  } catch {
    /* not JSON */
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body, ms: Date.now() - sentAt };
}

/**
 * POSTs `body` over a raw socket with the headers given and a Content-Length (the body's own unless
 * given). With `keepOpen` the socket is left open after the body, as by a client that stalls.
 * Resolves with the answer (and whether the server closed the connection within 300 ms of it), or
 * null when none came within `waitMs`.
 */
function rawPost(
  path: string,
  body: Buffer,
  options: { headers?: Record<string, string>; contentLength?: number; keepOpen?: boolean; waitMs?: number } = {},
): Promise<RawAnswer | null> {
  const { port, hostname } = new URL(base);
  const headers: Record<string, string> = {
    host: `${hostname}:${port}`,
    'content-type': CONTENT_TYPE,
    'content-length': String(options.contentLength ?? body.length),
    ...(options.keepOpen ? {} : { connection: 'close' }),
    ...options.headers,
  };
  const head = `POST ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sentAt = Date.now();
    let answer: Omit<RawAnswer, 'closed'> | null = null;
    let closed = false;
    const done = () => {
      clearTimeout(timer);
      resolve(answer && { ...answer, closed });
      socket.destroy();
    };
    const timer = setTimeout(done, options.waitMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (!answer && (answer = answerIn(received, sentAt))) setTimeout(done, 300);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      answer ??= answerIn(received, sentAt);
      done();
    });
    socket.write(head);
    socket.write(body, () => (sentAt = Date.now()));
  });
}

/** The head of one `file` part of a multipart body with the boundary BOUNDARY. */
const fileHead = (filename = 'ktp.png', type = 'image/png') =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`, 'utf8');
/** A whole multipart body: the parts given, then the closing boundary. */
const whole = (...parts: Buffer[]) => Buffer.concat([...parts.flatMap((p) => [p, Buffer.from('\r\n')]), Buffer.from(`--${BOUNDARY}--\r\n`)]);
const textPart = (name: string, value: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`);

const PUBLIC = '/api/public/attachments?sop=contoh&field=ktp';
const incoming = () => filesUnder(join(dataDir, 'attachments', 'incoming'));
const officer = async () => ({ authorization: `Bearer ${await client.token('contoh.kasi')}` });

/** The API still answers, and nothing is left half-written in the staging folder. */
async function stillServingAndClean(): Promise<void> {
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(await incoming()).toEqual([]);
}

const TRUNCATED = {
  statusCode: 400,
  message: 'the upload ended before its closing boundary: send the whole file again',
  messageId: 'unggahan berakhir sebelum batas penutupnya: kirim ulang seluruh berkasnya',
};

describe('an upload whose body ends before its closing boundary', () => {
  it('is answered at once with a worded 400 on the public route, and nothing is kept', async () => {
    // one complete file part, without the final \r\n--BOUNDARY--\r\n (Content-Length right: the body arrives whole)
    const res = await rawPost(PUBLIC, Buffer.concat([fileHead(), png(100)]));
    expect(res).not.toBeNull();
    expect(res!.status).toBe(400);
    expect(res!.body).toMatchObject(TRUNCATED);
    expect(res!.body.errors).toEqual([{ field: 'file', message: TRUNCATED.message, messageId: TRUNCATED.messageId }]);
    expect(res!.ms).toBeLessThan(5000);
    await stillServingAndClean();
  });

  it('is answered the same on the officer route', async () => {
    const res = await rawPost('/api/attachments', Buffer.concat([fileHead(), png(100)]), { headers: await officer() });
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject(TRUNCATED);
    await stillServingAndClean();
  });

  it.each([
    ['with the CRLF before the boundary', Buffer.concat([fileHead(), png(100), Buffer.from('\r\n')])],
    ['in the middle of the closing boundary', Buffer.concat([fileHead(), png(100), Buffer.from(`\r\n--${BOUNDARY.slice(0, 4)}`)])],
    ['in the middle of a part header', Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`)],
    ['after a large part of the file', Buffer.concat([fileHead(), png(300_000)])],
  ])('ends %s: the same 400', async (_, body) => {
    const res = await rawPost(PUBLIC, body);
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject(TRUNCATED);
    await stillServingAndClean();
  });

  it('a whole body still uploads (the answer is not the refusal)', async () => {
    const res = await rawPost(PUBLIC, whole(Buffer.concat([fileHead(), png(100)])));
    expect(res?.status).toBe(201);
    expect(res!.body).toMatchObject({ type: 'image/png', size: 100, field: 'ktp' });
    expect(await incoming()).toEqual([]);
  });
});

describe('an upload that stops arriving', () => {
  const STALLED = {
    statusCode: 400,
    message: `no part of the upload arrived for ${IDLE_MS / 1000} seconds: the connection may have dropped: send the file again`,
    messageId: `unggahan terhenti: tidak ada data yang diterima selama ${String(IDLE_MS / 1000).replace('.', ',')} detik: kirim berkasnya lagi`,
  };

  it('is refused once ATTACHMENT_IDLE_MS pass without a byte, the partial file removed and the connection closed', async () => {
    const sent = Buffer.concat([fileHead(), png(50_000)]);
    const answered = rawPost(PUBLIC, sent, { contentLength: sent.length + 200_000, keepOpen: true, waitMs: IDLE_MS + 8000 });
    // the file is being sealed into the staging folder while the client says more is coming
    await new Promise((r) => setTimeout(r, IDLE_MS / 2));
    expect(await incoming()).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.part$/)]);
    const res = await answered;
    expect(res).not.toBeNull();
    expect(res!.status).toBe(400);
    expect(res!.body).toMatchObject(STALLED);
    expect(res!.ms).toBeGreaterThanOrEqual(IDLE_MS - 100);
    expect(res!.closed).toBe(true);
    expect(res!.headers.connection).toBe('close');
    await stillServingAndClean();
  });

  it('is refused the same on the officer route, also before the file part began', async () => {
    const head = Buffer.from(`--${BOUNDARY}\r\n`);
    const res = await rawPost('/api/attachments', head, { headers: await officer(), contentLength: 5000, keepOpen: true, waitMs: IDLE_MS + 8000 });
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject(STALLED);
    await stillServingAndClean();
  });

  it('a client that goes away mid-file leaves nothing behind', async () => {
    const { port, hostname } = new URL(base);
    const socket = connect(Number(port), hostname);
    socket.on('error', () => undefined);
    const sent = Buffer.concat([fileHead(), png(80_000)]);
    socket.write(`POST ${PUBLIC} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: ${CONTENT_TYPE}\r\ncontent-length: ${sent.length + 100_000}\r\n\r\n`);
    await new Promise<void>((resolve) => socket.write(sent, () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    expect(await incoming()).toHaveLength(1);
    socket.destroy();
    for (let i = 0; i < 50 && (await incoming()).length; i++) await new Promise((r) => setTimeout(r, 100));
    await stillServingAndClean();
  });
});

describe('a file name the part header cannot hold', () => {
  it('says the file name is the problem, in both languages (400)', async () => {
    const res = await rawPost(PUBLIC, whole(Buffer.concat([fileHead('ktp\u0000.php', 'image/jpeg'), png(100)])));
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject({
      statusCode: 400,
      message:
        "the file name holds a character a part header cannot carry (a NUL byte or another control character): rename the file and send it again (or send the name percent-encoded, as filename*=UTF-8''…)",
      messageId: 'nama berkas memuat karakter yang tidak dapat dikirim (byte NUL atau karakter kendali lain): ganti nama berkasnya lalu kirim lagi',
    });
    expect(res!.body.errors).toEqual([{ field: 'file', message: res!.body.message, messageId: res!.body.messageId }]);
    await stillServingAndClean();
  });

  it('a control character in another header says which header', async () => {
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ktp.png"\r\nContent-Type: image/\u0001png\r\n\r\n`);
    const res = await rawPost(PUBLIC, whole(Buffer.concat([head, png(100)])));
    expect(res?.status).toBe(400);
    expect(res!.body.message).toBe(
      'the part header Content-Type holds a character a part header cannot carry (a NUL byte or another control character): send the file again from the form',
    );
    expect(res!.body.messageId).toBe('header bagian Content-Type memuat karakter yang tidak dapat dikirim: kirim berkasnya lagi dari formulir');
    await stillServingAndClean();
  });
});

describe('too many parts', () => {
  const many = (n: number) => whole(...Array.from({ length: n }, (_, i) => textPart(`catatan${i}`, 'x')));

  it("the officer route's refusal names only the file, which is all it takes", async () => {
    const res = await rawPost('/api/attachments', many(2000), { headers: await officer() });
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject({
      message: 'the upload has too many text parts: this upload takes no text parts, only the file in a part named "file"',
      messageId: 'unggahan memuat terlalu banyak isian teks: unggahan ini hanya menerima berkas pada bagian bernama "file"',
    });
    expect(res!.body.message).not.toMatch(/sop|field/);
    await stillServingAndClean();
  });

  it('the public route names sop and field', async () => {
    const res = await rawPost('/api/public/attachments', many(2000));
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject({
      message: 'the upload has too many text parts: send at most sop and field, then the file in a part named "file"',
      messageId: 'unggahan memuat terlalu banyak isian teks: kirim paling banyak isian sop dan field, lalu berkasnya pada bagian bernama "file"',
    });
    await stillServingAndClean();
  });

  it('the limit on parts is worded for each route', async () => {
    // parts that are neither text nor file (no Content-Disposition) count only towards the parts
    const parts = whole(...Array.from({ length: 2000 }, () => Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx`)));
    const pub = await rawPost('/api/public/attachments?sop=contoh&field=ktp', parts);
    expect(pub?.status).toBe(400);
    expect(pub!.body).toMatchObject({
      message: 'the upload has too many parts: send the file in a part named "file", with at most sop and field before it',
      messageId: 'unggahan memuat terlalu banyak bagian: kirim berkas pada bagian bernama "file", dengan paling banyak isian sop dan field sebelumnya',
    });
    const off = await rawPost('/api/attachments', parts, { headers: await officer() });
    expect(off?.status).toBe(400);
    expect(off!.body).toMatchObject({
      message: 'the upload has too many parts: send only the file, in one part named "file"',
      messageId: 'unggahan memuat terlalu banyak bagian: kirim berkasnya saja, dalam satu bagian bernama "file"',
    });
    await stillServingAndClean();
  });

  it('two files: one file per upload, worded for each route', async () => {
    const two = whole(Buffer.concat([fileHead(), png(100)]), Buffer.concat([fileHead('b.png'), png(100)]));
    const pub = await rawPost(PUBLIC, two);
    expect(pub?.status).toBe(400);
    expect(pub!.body.message).toBe('send one file per upload: each file field takes one file');
    const off = await rawPost('/api/attachments', two, { headers: await officer() });
    expect(off?.status).toBe(400);
    expect(off!.body).toMatchObject({
      message: 'send one file per upload: upload each file on its own, then send their tokens together',
      messageId: 'kirim satu berkas setiap kali unggah: unggah berkas satu per satu, lalu kirim tokennya bersama-sama',
    });
    await stillServingAndClean();
  });
});

describe('sop or field sent more than once, or as a list', () => {
  const file = whole(Buffer.concat([fileHead(), png(100)]));
  it.each([
    ['?sop[]=contoh&field=ktp', 'sop', 'as a list'],
    ['?sop=contoh&sop=buleleng&field=ktp', 'sop', 'more than once'],
    ['?sop=contoh&field[]=ktp', 'field', 'as a list'],
    ['?sop=contoh&field=ktp&field=surat', 'field', 'more than once'],
    ['?sop[0]=contoh&field=ktp', 'sop', 'as a list'],
  ])('%s: 400 naming %s, sent %s', async (query, name, how) => {
    const res = await rawPost(`/api/public/attachments${query}`, file);
    expect(res?.status).toBe(400);
    const what = name === 'sop' ? 'SOP id' : 'file field id';
    const whatId = name === 'sop' ? 'id SOP' : 'id isian berkas';
    const message =
      how === 'as a list'
        ? `${name} was sent as a list (${name}[…]): send one ${what}, as ${name}=…`
        : `${name} was sent more than once: send one ${what}, once`;
    const messageId =
      how === 'as a list' ? `${name} dikirim sebagai daftar: kirim satu ${whatId} saja` : `${name} dikirim lebih dari sekali: kirim satu ${whatId} saja`;
    expect(res!.body).toMatchObject({ statusCode: 400, message, messageId, errors: [{ field: name, message, messageId }] });
    expect(res!.body.message).not.toContain('nothing');
    await stillServingAndClean();
  });

  it('the same as text parts', async () => {
    const twice = whole(textPart('sop', 'contoh'), textPart('sop', 'buleleng'), textPart('field', 'ktp'), Buffer.concat([fileHead(), png(100)]));
    const res = await rawPost('/api/public/attachments', twice);
    expect(res?.status).toBe(400);
    expect(res!.body).toMatchObject({
      message: 'sop was sent more than once: send one SOP id, once',
      messageId: 'sop dikirim lebih dari sekali: kirim satu id SOP saja',
    });
    await stillServingAndClean();
  });
});
