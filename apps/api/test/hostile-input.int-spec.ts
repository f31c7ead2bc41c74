import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';
import { seedText } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Hostile input (issue 9, item 3): NUL characters, lone surrogates, deep nesting, huge key counts,
 * keys named like JavaScript built-ins, and deep or poisoned SOP YAML. Each is answered 4xx with
 * what was wrong and where, never 500, never a stall, and writes nothing; the server keeps serving.
 */

// a Tuesday morning in March 2026, far from a month's end (no periodic run opens while this file runs)
const CLOCK_START = '2026-03-10T09:00:00+07:00';
const STAF = 'buleleng.staf-kerjasama';
const AUTHOR = 'buleleng.penyusun';
const BULELENG_YAML = seedText('buleleng');

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
/** The cases the valid requests of this file created. */
const created: string[] = [];
let target: { id: string; ticket: string };

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: STAF });
  target = { id: inbox.body.items.find((x: { ticket: string }) => x.ticket === filed.body.ticket).id, ticket: filed.body.ticket };
  created.push(filed.body.ticket);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

type FieldError = { field: string; message: string; messageId?: string };

/**
 * A 400 (or `status`) in the API's shape whose errors name `field` with a message matching
 * `message` (and its Bahasa Indonesia matching `messageId`, where given; none where not).
 */
function expectRefused(res: Reply, field: string | RegExp, message: RegExp, status = 400, messageId?: RegExp) {
  expect({ status: res.status, statusCode: res.body?.statusCode, message: typeof res.body?.message }).toEqual({
    status,
    statusCode: status,
    message: 'string',
  });
  const named = typeof field === 'string' ? field : expect.stringMatching(field);
  expect(res.body.errors).toEqual(
    expect.arrayContaining([
      messageId
        ? { field: named, message: expect.stringMatching(message), messageId: expect.stringMatching(messageId) }
        : expect.objectContaining({ field: named, message: expect.stringMatching(message) }),
    ]),
  );
}

/** A body sent exactly as written (escapes such as \ud800 or __proto__ keys survive only this way). */
const raw = (method: string, path: string, body: string, as?: string, contentType = 'application/json') =>
  client.request(method, path, { as, rawBody: body, headers: { 'content-type': contentType } });

const complaint = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  sop: 'buleleng',
  data: { ...SAMPLE_COMPLAINTS.buleleng, ...data },
  ...extra,
});
const file = (body: unknown) => client.request('POST', '/api/public/complaints', { body });
const register = (body: unknown) => client.request('POST', '/api/cases', { as: STAF, body });
const event = (body: unknown) => client.request('POST', `/api/cases/${target.id}/events`, { as: STAF, body });
const login = (body: unknown) => client.request('POST', '/api/auth/login', { body });
const publish = (body: unknown) => client.request('POST', '/api/sops/buleleng/versions', { as: AUTHOR, body });

describe('NUL characters (\\u0000) are refused wherever they are sent, naming the field', () => {
  const NUL = '\u0000';
  it.each<[string, string, () => Promise<Reply>]>([
    ['a complaint field', 'data.isi-pengaduan', () => file(complaint({ 'isi-pengaduan': `Antrian${NUL}lama` }))],
    ['a complaint field name', 'data["nama\\u0000"]', () => file(complaint({ [`nama${NUL}`]: 'x' }))],
    ['the SOP of a complaint', 'sop', () => file(complaint({}, { sop: `buleleng${NUL}` }))],
    ['the channel of a complaint', 'channel', () => file(complaint({}, { channel: `web${NUL}` }))],
    ['the login name', 'username', () => login({ username: `${STAF}${NUL}`, password: 'demo-sop-2026' })],
    ['the password', 'password', () => login({ username: STAF, password: `demo${NUL}` })],
    [
      'a login sent as a form',
      'username',
      () => raw('POST', '/api/auth/login', `username=${STAF}%00&password=x`, undefined, 'application/x-www-form-urlencoded'),
    ],
    ['the inbox ?channel=', 'channel', () => client.request('GET', '/api/cases?channel=web%00', { as: STAF })],
    ['the inbox ?ticket=', 'ticket', () => client.request('GET', '/api/cases?ticket=BUL%00', { as: STAF })],
    ['a complaint registered by an operator', 'data.alamat', () => register(complaint({ alamat: `Jl.${NUL}` }, { channel: 'telepon' }))],
    ['an internal note', 'note', () => event({ type: 'COMPLETE', version: 1, note: `catatan${NUL}` })],
    ['a reply to the complainant', 'reply', () => event({ type: 'COMPLETE', version: 1, reply: `balasan${NUL}` })],
    ['an outcome', 'outcome', () => event({ type: 'CHOOSE', version: 1, outcome: `selesai${NUL}` })],
    ["an SOP version's YAML", 'yaml', () => publish({ yaml: BULELENG_YAML.replace('Penanganan', `Penanganan${NUL}`) })],
    ["an SOP version's change note", 'changeNote', () => publish({ yaml: BULELENG_YAML, changeNote: `perubahan${NUL}` })],
    ['a ticket in the path', 'path', () => client.request('GET', '/api/public/complaints/BUL-%00')],
    ['an SOP id in the path', 'path', () => client.request('GET', '/api/sops/bul%00eleng')],
  ])('in %s: 400 naming %s', async (_where, field, send) => {
    const res = await send();
    expectRefused(res, field, /contains a NUL character \(\\u0000\)/, 400, /memuat karakter NUL \(\\u0000\) di posisi ke-\d+: hapus karakter itu$/);
    expect(res.body.message).toMatch(/^the request is not valid: text must not contain NUL characters/);
  });
});

describe('lone surrogates ("\\ud800" in JSON) are refused as text that is not Unicode', () => {
  it.each<[string, string, () => Promise<Reply>]>([
    ['a note', 'note', () => raw('POST', `/api/cases/${target.id}/events`, '{"type":"COMPLETE","version":1,"note":"a\\ud800b"}', STAF)],
    ['a reply', 'reply', () => raw('POST', `/api/cases/${target.id}/events`, '{"type":"COMPLETE","version":1,"reply":"\\udc00"}', STAF)],
    [
      'a complaint field',
      'data.isi-pengaduan',
      () => raw('POST', '/api/public/complaints', JSON.stringify(complaint({})).replace('Antrian', 'Antrian\\ud83d')),
    ],
    [
      'a complaint field name',
      'data["alamat\\udfff"]',
      () => raw('POST', '/api/public/complaints', JSON.stringify(complaint({})).replace('"alamat"', '"alamat\\udfff"')),
    ],
    ['the login name', 'username', () => raw('POST', '/api/auth/login', '{"username":"\\ud800","password":"x"}')],
    [
      "an SOP version's YAML",
      'yaml',
      () => raw('POST', '/api/sops/buleleng/versions', JSON.stringify({ yaml: BULELENG_YAML }).replace('Penanganan', 'Penanganan\\ud800'), AUTHOR),
    ],
    ['a path (a surrogate encoded as UTF-8)', 'path', () => client.request('GET', '/api/public/complaints/BUL-%ED%A0%80')],
  ])('in %s: 400 naming %s', async (_where, field, send) => {
    const res = await send();
    expectRefused(res, field, /lone surrogate|not valid percent-encoded UTF-8/);
    // a text pasted with a broken character is told in the pages' language too
    if (field !== 'path')
      expect(res.body.errors.find((e: FieldError) => e.field === field).messageId).toMatch(/memuat karakter yang rusak \(surrogate tunggal/);
  });

  it('a surrogate pair (an emoji) is text like any other', async () => {
    const res = await raw('POST', '/api/public/complaints', JSON.stringify(complaint({})).replace('Antrian', 'Antrian \\ud83d\\ude00'));
    expect(res.status).toBe(201);
    created.push(res.body.ticket);
  });
});

describe('deep nesting is refused before anything walks it', () => {
  const deep = (levels: number, leaf = '"x"') => '['.repeat(levels) + leaf + ']'.repeat(levels);

  it.each<[string, () => Promise<Reply>, RegExp]>([
    [
      'a note nested 10,000 lists deep',
      () => raw('POST', `/api/cases/${target.id}/events`, `{"type":"COMPLETE","version":1,"note":${deep(10_000)}}`, STAF),
      /^note(\[0\])+$/,
    ],
    ['a whole body 10,000 lists deep', () => raw('POST', '/api/public/complaints', deep(10_000)), /^(\[0\])+$/],
    [
      'complaint data 10,000 objects deep',
      () => raw('POST', '/api/public/complaints', `{"sop":"buleleng","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`),
      /^data(\.a)+$/,
    ],
    ['a login 65 levels deep', () => raw('POST', '/api/auth/login', `{"username":${deep(64)},"password":"x"}`), /^username(\[0\])+$/],
  ])('%s: 400 naming where, at once', async (_what, send, field) => {
    const started = Date.now();
    const res = await send();
    expect(Date.now() - started).toBeLessThan(3_000);
    expectRefused(res, field, /nested more than 64 levels deep/);
  });

  it('64 levels pass the guard and meet the DTO, which says what the field must be', async () => {
    const res = await raw('POST', `/api/cases/${target.id}/events`, `{"type":"COMPLETE","version":1,"note":${deep(63)}}`, STAF);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'note', message: 'note must be text' }]);
  });
});

describe('many keys', () => {
  it('a complaint with 80,000 unknown keys is 400 at once, saying the limit, in a small answer', async () => {
    const data: Record<string, string> = { ...SAMPLE_COMPLAINTS.buleleng };
    for (let i = 0; i < 80_000; i++) data[i.toString(36)] = '';
    const body = JSON.stringify({ sop: 'buleleng', data });
    expect(body.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const res = await raw('POST', '/api/public/complaints', body);
    const ms = Date.now() - started;
    const size = JSON.stringify(res.body).length;
    console.log(`80,000 unknown keys (${body.length} bytes): ${res.status} in ${ms} ms, answer ${size} bytes`);
    expect(ms).toBeLessThan(1_000);
    expect(size).toBeLessThan(2_000);
    expectRefused(res, 'data', /^the body holds more than 1000 keys and list items \(counted up to data\): send at most 1000$/);
  });

  it('an event body of 1,500 keys is 400 naming the limit', async () => {
    const body: Record<string, unknown> = { type: 'COMPLETE', version: 1 };
    for (let i = 0; i < 1_500; i++) body[`x${i}`] = 1;
    expectRefused(await event(body), 'body', /^the body holds more than 1000 keys and list items/);
  });

  it('500 unknown complaint fields (under the limit) are 400 with the first 20 named and the rest counted', async () => {
    const data: Record<string, string> = { ...SAMPLE_COMPLAINTS.buleleng };
    for (let i = 0; i < 500; i++) data[`lain-${i}`] = 'x';
    const res = await file({ sop: 'buleleng', data });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.errors.map((e: FieldError) => e.field)).toEqual(Array.from({ length: 20 }, (_, i) => `data.lain-${i}`));
    expect(res.body.errors[19].message).toMatch(/^This form has no field "lain-19" \(nor 480 more of the keys sent\); its fields are: nama-lengkap, /);
  });
});

describe('keys named like JavaScript built-ins are refused like any unknown property', () => {
  it.each<[string, string, string, string, string | undefined]>([
    [
      '"__proto__" in a complaint',
      '__proto__',
      '/api/public/complaints',
      JSON.stringify(complaint({})).replace('{"sop"', '{"__proto__":{"sop":"metro"},"sop"'),
      undefined,
    ],
    [
      '"__proto__" in complaint data',
      'data.__proto__',
      '/api/public/complaints',
      JSON.stringify(complaint({})).replace('"alamat"', '"__proto__":{"isi-pengaduan":"x"},"alamat"'),
      undefined,
    ],
    ['"constructor" in complaint data', 'data.constructor', '/api/public/complaints', JSON.stringify(complaint({ constructor: 'x' })), undefined],
    ['"toString" in complaint data', 'data.toString', '/api/public/complaints', JSON.stringify(complaint({ toString: 'x' })), undefined],
    ['"constructor" in an event', 'constructor', `/api/cases/{id}/events`, '{"type":"COMPLETE","version":1,"constructor":{"prototype":{"x":1}}}', STAF],
    ['"toString" in a login', 'toString', '/api/auth/login', '{"username":"x","password":"y","toString":"z"}', undefined],
    [
      '"hasOwnProperty" deep in an event note',
      'note.hasOwnProperty',
      `/api/cases/{id}/events`,
      '{"type":"COMPLETE","version":1,"note":{"hasOwnProperty":1}}',
      STAF,
    ],
  ])('%s: 400 naming %s', async (_what, field, path, body, as) => {
    const res = await raw('POST', path.replace('{id}', target.id), body, as);
    expectRefused(res, field, new RegExp(`^property ${field.split('.').pop()} should not exist: keys named like JavaScript built-ins`));
  });

  it('in a query string too', async () => {
    expectRefused(await client.request('GET', '/api/cases?__proto__=x', { as: STAF }), '__proto__', /should not exist/);
  });
});

describe('SOP YAML too deep, or with texts no database column takes', () => {
  it('12,000 nested "[" (24 KB) is 422 with a located issue, and the server still answers', async () => {
    const res = await publish({ yaml: `schemaVersion: 1\nidentity: ${'['.repeat(12_000)}${']'.repeat(12_000)}\n` });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'yaml.too-deep', file: 'sops/buleleng.yaml', line: 2, column: 11 + 63 }),
    ]);
    expect(res.body.message).toBe('the SOP has 1 error(s): nothing was published');
    expect(api.process.exitCode).toBeNull();
    expect((await client.request('GET', '/api/health')).status).toBe(200);
  });

  it('80,000 keys (788 KB) is 422 with the first 500 problems and a count of the rest, and nothing is published', async () => {
    const before = (await client.request('GET', '/api/sops/buleleng', { as: AUTHOR })).body.version;
    expect(before).toEqual(expect.any(Number));
    const yaml = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';
    // the text is checked off the event loop: other requests are answered meanwhile, not after it
    let done = false;
    const publishing = publish({ yaml }).finally(() => (done = true));
    const pending = () => !done;
    await new Promise((r) => setTimeout(r, 300));
    let answeredMeanwhile = 0;
    let checksSeenRunning = 0;
    while (pending()) {
      const health = await client.request('GET', '/api/health');
      if (health.status === 200 && pending()) answeredMeanwhile++;
      // the operator sees the check in the metrics while it runs
      const metrics = await (await fetch(`${api.url}/metrics`)).text();
      if (pending())
        checksSeenRunning = Math.max(checksSeenRunning, Number(/^sop_worker_tasks\{pool="sop_check",state="running"\} (\d+)$/m.exec(metrics)?.[1] ?? 0));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(checksSeenRunning).toBe(1);
    const res = await publishing;
    expect(res.status).toBe(422);
    expect(res.body.issues).toHaveLength(501);
    expect(res.body.issues.at(-1)).toMatchObject({ severity: 'error', code: 'issues.more', params: { more: 79_506 } });
    expect((await client.request('GET', '/api/sops/buleleng', { as: AUTHOR })).body.version).toBe(before);
    expect((await client.request('GET', '/api/health')).status).toBe(200);
  });

  it.each([
    ['mappings indented 900 levels', Array.from({ length: 900 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1\n'],
    ['"- " 12,000 times on one line', '- '.repeat(12_000) + 'x\n'],
    ['"{a: " 12,000 times', `x: ${'{a: '.repeat(12_000)}1${'}'.repeat(12_000)}\n`],
  ])('%s: 422 yaml.too-deep', async (_what, yaml) => {
    const res = await publish({ yaml });
    expect(res.status).toBe(422);
    expect(res.body.issues.map((i: { code: string }) => i.code)).toEqual(['yaml.too-deep']);
  });

  it('a title with a NUL written as the escape "\\0" is 422 located at the title, not a failed insert', async () => {
    const yaml = BULELENG_YAML.replace(/^( {2}title: )(.*)$/m, (_, key: string, title: string) => `${key}"${title.replace(/"/g, '')}\\0"`);
    expect(yaml).not.toBe(BULELENG_YAML);
    const res = await publish({ yaml });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ code: 'text.bad-character', pointer: '/identity/title', message: expect.stringContaining('NUL character') }),
    ]);
  });
});

describe('after all of it', () => {
  it('the server never answered 500, and is alive', async () => {
    expect(api.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
    expect(api.process.exitCode).toBeNull();
    const health = await client.request('GET', '/api/health');
    expect(health.status).toBe(200);
  });

  it('nothing was written: only the valid complaints exist, the case and the SOP are as they were', async () => {
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: STAF });
    expect(inbox.body.items.map((i: { ticket: string }) => i.ticket).sort()).toEqual([...created].sort());
    const detail = await client.request('GET', `/api/cases/${target.id}`, { as: STAF });
    expect({ version: detail.body.version, kartu: detail.body.kartuKendali.length }).toEqual({ version: 1, kartu: 1 });
    const versions = await client.request('GET', '/api/sops/buleleng/versions');
    expect(versions.body.versions).toHaveLength(1);
  });

  it('a valid event moves the case once', async () => {
    const moved = await event({ type: 'COMPLETE', version: 1, note: 'diteruskan' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: 2 });
  });
});
