import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';
import { seedText } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Fuzz, deterministic: seeded random JSON bodies (random nesting up to 20,000 levels, random keys
 * among them __proto__ and friends, texts with NULs, lone surrogates and pairs, wide objects,
 * malformed and cut JSON), query strings, paths and SOP YAML (deep, cut, escapes) sent to every
 * endpoint that takes input. No answer may be 5xx, and the server must serve valid requests after.
 * The same seed sends the same requests on every machine; a failure prints the request to replay.
 */

const SEEDS = [9, 17, 2026];
const REQUESTS_PER_SEED = 150;
const STAF = 'buleleng.staf-kerjasama';
const AUTHOR = 'buleleng.penyusun';
const BULELENG_YAML = seedText('buleleng');

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let caseId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: '2026-03-10T09:00:00+07:00' });
  client = new ApiClient(api.url);
  caseId = await fileOne();
  // the tokens first: the fuzz must not depend on how many logins the server allows a minute
  await Promise.all([client.token(STAF), client.token(AUTHOR)]);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function fileOne(): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', `/api/cases?pageSize=100&ticket=${filed.body.ticket}`, { as: STAF });
  return inbox.body.items[0].id;
}

/** mulberry32: small, fast, and the same everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof generator>;

// pieces of JSON string contents, written as JSON escapes where they must be
const TEXT = [
  'Antrian lama',
  '',
  ' ',
  '\\u0000',
  'a\\u0000b',
  '\\ud800',
  '\\udc00x',
  'x\\udbff',
  '\\ud83d\\ude00',
  '\\"',
  '\\\\',
  '\\n\\t',
  'ñé漢字',
  '%00',
  '<script>',
  "' OR 1=1 --",
  '${x}',
  'BUL-7K4Q9P',
];
const KEYS = [
  'sop',
  'data',
  'channel',
  'type',
  'version',
  'note',
  'reply',
  'outcome',
  'username',
  'password',
  'yaml',
  'changeNote',
  'nama-lengkap',
  'isi-pengaduan',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'k\\u0000',
  '\\ud800',
  '',
  'a.b',
  '[0]',
  'x'.repeat(300),
];

function jsonString(rng: Rng): string {
  let s = '';
  for (let i = rng.int(4); i >= 0; i--) s += rng.pick(TEXT);
  if (rng.next() < 0.05) s += 'y'.repeat(rng.pick([2001, 5001, 100_000]));
  return `"${s}"`;
}

/** A random JSON value as text (so escapes and __proto__ keys reach the server as written). */
function jsonValue(rng: Rng, depth = 0): string {
  const roll = rng.next();
  if (depth > 6 || roll < 0.35) return rng.pick([jsonString(rng), jsonString(rng), String(rng.int(3) - 1), '1.5', '1e308', '-0', 'true', 'null', '2147483648']);
  if (roll < 0.45) {
    // a deep chain, built by repetition: a recursive builder would exhaust this process's stack first
    const n = rng.pick([10, 63, 64, 65, 300, 5_000, 20_000]);
    return rng.next() < 0.5 ? '['.repeat(n) + jsonString(rng) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  }
  if (roll < 0.5) {
    // a wide object, around the key limit
    const n = rng.pick([999, 1_001, 20_000]);
    return `{${Array.from({ length: n }, (_, i) => `"w${i}":1`).join(',')}}`;
  }
  if (roll < 0.75) return `[${Array.from({ length: rng.int(5) }, () => jsonValue(rng, depth + 1)).join(',')}]`;
  return `{${Array.from({ length: rng.int(6) }, () => `"${rng.pick(KEYS)}":${jsonValue(rng, depth + 1)}`).join(',')}}`;
}

/** A body that is mostly right for its endpoint, with random keys and values mixed in, sometimes cut or not JSON at all. */
function body(rng: Rng, base: Record<string, string>): string {
  const fields = Object.entries(base).map(([k, v]) => `"${k}":${v}`);
  for (let i = rng.int(4); i > 0; i--) fields.splice(rng.int(fields.length + 1), rng.int(2), `"${rng.pick(KEYS)}":${jsonValue(rng)}`);
  let text = rng.next() < 0.1 ? jsonValue(rng) : `{${fields.join(',')}}`;
  if (rng.next() < 0.08) text = text.slice(0, rng.int(text.length));
  if (rng.next() < 0.03) text = `${text}}garbage`;
  return text;
}

const complaintData = () => JSON.stringify(SAMPLE_COMPLAINTS.buleleng);
const VERSION = ['1', '2', '0', '"1"', '-1', '1e9', '2147483648'];
const EVENT_TYPES = ['"COMPLETE"', '"CHOOSE"', '"ESCALATE"', '"REJECT"', '"EXPIRE"', '"complete"', 'null'];

/** A random SOP text: the real one cut, deepened, or given escapes and aliases; or random nesting. */
function yaml(rng: Rng): string {
  const lines = BULELENG_YAML.split('\n');
  const at = rng.int(lines.length);
  switch (rng.int(7)) {
    case 0:
      lines.splice(at, 0, `x: ${'['.repeat(rng.pick([63, 65, 12_000]))}`);
      break;
    case 1:
      lines.splice(at, 0, ...Array.from({ length: rng.pick([10, 70, 400]) }, (_, i) => `${'  '.repeat(i)}a:`));
      break;
    case 2:
      lines[at] = `${lines[at]} "\\0\\ud800"`;
      break;
    case 3:
      lines.splice(at, 0, '  extra: &a [*a, *a]', '  more: *a');
      break;
    case 4:
      return BULELENG_YAML.slice(0, rng.int(BULELENG_YAML.length));
    case 5:
      return `${'- '.repeat(rng.pick([10, 64, 65, 12_000]))}x`;
    default:
      lines[at] = rng.pick([
        '\t- tab',
        '---',
        '? [a]: b',
        ': :',
        '&x',
        '*nope',
        '!!binary AA==',
        '%YAML 1.1',
        `${lines[at]}${String.fromCharCode(rng.int(0x10000))}`,
      ]);
  }
  return lines.join('\n');
}

const PATH_PIECES = [
  '%00',
  '%ED%A0%80',
  '%FF',
  '%E0%A4%A',
  '%',
  '..%2F',
  'BUL-7K4Q9P',
  'buleleng',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(3000),
  '%C0%AE',
  '%F0%9F%98%80',
];

interface FuzzRequest {
  method: string;
  path: string;
  as?: string;
  body?: string;
  contentType?: string;
}

function request(rng: Rng): FuzzRequest {
  switch (rng.int(9)) {
    case 0:
    case 1:
      return {
        method: 'POST',
        path: '/api/public/complaints',
        body: body(rng, { sop: rng.pick(['"buleleng"', '"metro"', jsonString(rng)]), data: rng.next() < 0.7 ? complaintData() : jsonValue(rng) }),
      };
    case 2:
      return {
        method: 'POST',
        path: '/api/cases',
        as: STAF,
        body: body(rng, { sop: '"buleleng"', channel: rng.pick(['"telepon"', jsonString(rng)]), data: complaintData() }),
      };
    case 3:
    case 4:
      return {
        method: 'POST',
        path: `/api/cases/${caseId}/events`,
        as: STAF,
        body: body(rng, { type: rng.pick(EVENT_TYPES), version: rng.pick(VERSION), note: jsonString(rng) }),
      };
    case 5:
      return {
        method: 'POST',
        path: '/api/auth/login',
        body: body(rng, { username: rng.pick([`"${STAF}"`, jsonString(rng)]), password: jsonString(rng) }),
        contentType: rng.next() < 0.1 ? 'application/x-www-form-urlencoded' : undefined,
      };
    case 6:
      return {
        method: 'POST',
        path: '/api/sops/buleleng/versions',
        as: AUTHOR,
        body: body(rng, { yaml: JSON.stringify(yaml(rng)), changeNote: jsonString(rng) }),
      };
    case 7: {
      const key = rng.pick(['channel', 'ticket', 'sop', 'step', 'page', 'pageSize', 'from', 'overdue', '__proto__', 'a[b][c][d][e][f][g]', 'channel[]', '%00']);
      const value = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(PATH_PIECES)).join('');
      return { method: 'GET', path: `/api/cases?${key}=${value}${rng.next() < 0.3 ? `&${key}=x` : ''}`, as: STAF };
    }
    default: {
      const base = rng.pick(['/api/public/complaints/', '/api/cases/', '/api/sops/', '/api/sops/buleleng/versions/']);
      return {
        method: 'GET',
        path: base + Array.from({ length: 1 + rng.int(3) }, () => rng.pick(PATH_PIECES)).join(''),
        as: base.startsWith('/api/cases') ? STAF : undefined,
      };
    }
  }
}

async function send(r: FuzzRequest): Promise<Reply> {
  return client.request(r.method, r.path, {
    as: r.as,
    rawBody: r.body,
    headers: r.body !== undefined ? { 'content-type': r.contentType ?? 'application/json' } : {},
  });
}

/** What to print for a request that failed: enough to replay it, without megabytes of brackets. */
const shown = (r: FuzzRequest) => ({ ...r, body: r.body && r.body.length > 300 ? `${r.body.slice(0, 300)}… (${r.body.length} characters)` : r.body });

describe.each(SEEDS)('seed %i', (seed) => {
  it(`${REQUESTS_PER_SEED} random requests: none is answered 5xx`, async () => {
    const rng = generator(seed);
    const failures: unknown[] = [];
    const statuses = new Map<number, number>();
    for (let sent = 0; sent < REQUESTS_PER_SEED; sent += 3) {
      const batch = [request(rng), request(rng), request(rng)];
      const replies = await Promise.all(batch.map(send));
      replies.forEach((reply, i) => {
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status >= 500) failures.push({ request: shown(batch[i]), status: reply.status, body: reply.body });
      });
    }
    console.log(
      `seed ${seed}: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(api.process.exitCode).toBeNull();
  });
});

describe('after the fuzz', () => {
  it('the server logged no unhandled error, is alive, and serves valid requests', async () => {
    expect(api.logs.filter((l) => l.includes('unhandled error') || l.includes('FATAL'))).toEqual([]);
    expect((await client.request('GET', '/api/health')).status).toBe(200);
    const id = await fileOne();
    const moved = await client.request('POST', `/api/cases/${id}/events`, { as: STAF, body: { type: 'COMPLETE', version: 1 } });
    expect(moved.status).toBe(200);
  });
});
