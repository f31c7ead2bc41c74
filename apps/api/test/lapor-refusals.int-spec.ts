import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';

/**
 * What the SP4N-LAPOR! exchange refuses, and how it says so (docs/integrations-open311-lapor.md):
 * a `since` or a paging cursor that names no real instant, a number as tracking id that JSON cannot
 * hold exactly, a CSV row with too many fields. Each is a 400 worded in English and in Bahasa
 * Indonesia, naming the field, never a 500, and nothing is written. The SOP is the fixture
 * two-ways-in.yaml as "contoh" (its LAPOR! channel is at the online desk, contoh.admin).
 */

const CLOCK_START = '2026-03-10T09:00:00+07:00';
const DESK = 'contoh.admin';
const HEADER = 'tracking_id,title,content,category,disposition,status\r\n';

let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/two-ways-in.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
  // one report to find again in the updates
  const seeded = await importBatch(`${HEADER}5512001,Antrian lama,Sudah dua jam menunggu,,,\r\n`);
  expect(seeded.body).toMatchObject({ imported: 1 });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const importBatch = (content: string, format: 'csv' | 'json' = 'csv') =>
  client.request('POST', '/api/lapor/contoh/imports', { as: DESK, body: { format, content } });
const inboxTotal = async () => (await client.request('GET', '/api/cases?pageSize=100', { as: DESK })).body.total as number;
const updates = (query: string) => client.request('GET', `/api/lapor/contoh/updates?${query}`, { as: DESK });
const trackingIds = (res: Reply) => (res.body.items as { tracking_id: string }[]).map((u) => u.tracking_id);

/** A 400 whose errors name `field`, worded in English and in Bahasa Indonesia. */
function expectRefused(res: Reply, field: string, message: RegExp, messageId: RegExp) {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message), messageId: expect.stringMatching(messageId) })]),
  );
}

describe('since: a calendar date or an instant, nothing else', () => {
  it.each([
    ['20260101', 'a basic-format date'],
    ['2026-W05', 'a week date'],
    ['2026-032', 'an ordinal date'],
    ['2026-02-30', 'a day February does not have'],
    ['2026-13-01', 'a 13th month'],
    ['2026-04-31T00:00:00+07:00', 'a day April does not have'],
    ['2026-03-01T24:00:00Z', 'hour 24'],
    ['2026-03-01T10:60:00Z', 'minute 60'],
    ['2026-03-01T10:00:00+24:00', 'an offset of 24 hours'],
    ['2026-03-01T10:00:00', 'a time of day without its offset'],
    ['2026-03-01T10', 'an hour without minutes'],
  ])('refuses %s (%s) with a 400 naming since', async (since) => {
    expectRefused(await updates(`since=${encodeURIComponent(since)}`), 'since', /since must be a date .*ISO 8601/, /since harus tanggal .*ISO 8601/);
  });

  it('says what was sent and what to write instead', async () => {
    const res = await updates('since=20260101');
    expect(res.body.errors).toEqual([
      {
        field: 'since',
        message:
          'since must be a date (2026-12-01) or an instant with its offset (2026-12-01T00:00:00+07:00 or 2026-12-01T00:00:00Z) in ISO 8601, a real day and time; "20260101" is not one',
        messageId:
          'since harus tanggal (2026-12-01) atau waktu beserta zona waktunya (2026-12-01T00:00:00+07:00 atau 2026-12-01T00:00:00Z) menurut ISO 8601, hari dan jam yang ada; "20260101" bukan salah satunya',
      },
    ]);
  });

  it('an offset whose + the URL turned into a space: says to write it %2B', async () => {
    expectRefused(
      await updates('since=2026-03-01T00:00:00+07:00'),
      'since',
      /"2026-03-01T00:00:00 07:00" is not one \(in a URL, write the \+ of the offset as %2B\)/,
      /tulis tanda \+ zona waktu sebagai %2B/,
    );
  });

  it('is missing: says so, in both languages', async () => {
    expectRefused(await updates('format=json'), 'since', /since is missing/, /belum ada/);
  });

  it.each([
    ['2026-03-01', 'a date'],
    ['2026-03-01T00:00:00+07:00', 'an instant with its offset'],
    ['2026-03-01T00:00Z', 'an instant without seconds'],
    ['2026-02-28T17:00:00.000Z', 'a previous update_at'],
    ['2024-02-29', 'a leap day'],
  ])('takes %s (%s)', async (since) => {
    const res = await updates(`since=${encodeURIComponent(since)}`);
    expect(res.status).toBe(200);
    expect(trackingIds(res)).toContain('5512001');
  });

  it('takes the first and the last instants the form can write', async () => {
    expect((await updates(`since=${encodeURIComponent('0001-01-01T00:00:00Z')}`)).status).toBe(200);
    const last = await updates(`since=${encodeURIComponent('9999-12-31T23:59:59.999-23:59')}`);
    expect(last.status).toBe(200);
    expect(last.body.items).toEqual([]);
  });
});

describe('after: the next cursor of a previous page, as given', () => {
  it.each([
    ['2026-13-45T99:99:99.999Z_000000000000000000000000000000000000', 'no real instant, no UUID'],
    ['2026-01-01T00:00:00.000Z_------------------------------------', 'dashes for a UUID'],
    ['2026-02-30T00:00:00.000Z_6f1c2a3e-0b4d-4c5e-9f60-718293a4b5c6', 'a day February does not have'],
    ['2026-01-01T00:00:00.000Z_6f1c2a3e0b4d-4c5e-9f60-718293a4b5c6-', 'a UUID with its dashes misplaced'],
    ['2026-01-01T00:00:00.000Z_6F1C2A3E-0B4D-4C5E-9F60-718293A4B5C6', 'a UUID in capitals (never given)'],
    ['2026-01-01T00:00:00Z_6f1c2a3e-0b4d-4c5e-9f60-718293a4b5c6', 'an instant without milliseconds (never given)'],
  ])('refuses %s (%s) with a 400 naming after', async (after) => {
    expectRefused(
      await updates(`since=2026-03-01&limit=1&after=${encodeURIComponent(after)}`),
      'after',
      /after must be the next cursor of the previous page, as given/,
      /after harus kursor next dari halaman sebelumnya/,
    );
  });

  it('follows a cursor it gave', async () => {
    const first = await updates('since=2026-03-01&limit=1');
    expect(first.body.next).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-/));
    const next = await updates(`since=2026-03-01&limit=1&after=${encodeURIComponent(first.body.next)}`);
    expect(next.status).toBe(200);
    expect(trackingIds(next)).not.toContain('5512001');
  });
});

describe('the CSV of updates is checked whole before its first byte', () => {
  it.each(['20260101', '2026-W05', '2026-02-30', '2026-03-01T10:00:00'])('since=%s&format=csv: a 400 in JSON, not a CSV cut short', async (since) => {
    const res = await updates(`since=${encodeURIComponent(since)}&format=csv`);
    expectRefused(res, 'since', /since must be a date/, /since harus tanggal/);
    expect(res.headers.get('content-disposition')).toBeNull();
  });

  it('a paging parameter with the CSV: a 400 in JSON, in both languages', async () => {
    expectRefused(await updates('since=2026-03-01&format=csv&after=x'), 'after', /leave limit and after out/, /jangan sertakan limit dan after/);
    expectRefused(await updates('since=2026-03-01&format=csv&limit=5'), 'limit', /leave limit and after out/, /jangan sertakan limit dan after/);
  });

  it('a good one still streams every update', async () => {
    const res = await updates('since=2026-03-01&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.body as string).toMatch(/\r\n5512001,Antrian lama,/);
  });
});

describe('a number as tracking id in LAPOR! JSON', () => {
  const report = (trackingId: string) => `[{"tracking_id":${trackingId},"title":"Antrian","content":"Antrian lama"}]`;

  it.each([
    ['9007199254740993', '9007199254740992', 'beyond what JSON numbers hold exactly'],
    ['1e309', 'Infinity', 'infinite'],
    ['-0', '-0', 'minus zero'],
    ['-7', '-7', 'negative'],
    ['4412.5', '4412.5', 'not whole'],
  ])('refuses %s (read as %s: %s): send it as a string; nothing is written', async (trackingId, read) => {
    const before = await inboxTotal();
    const res = await importBatch(report(trackingId), 'json');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nothing was written.*1 row has problems/);
    expect(res.body.errors).toEqual([
      {
        row: 1,
        field: 'rows[1].tracking_id',
        message: `tracking_id is a number JSON reads as ${read}, not a whole number from 0 to 9007199254740991 that it holds exactly: send the id as a string, e.g. "tracking_id": "4412001"`,
        messageId: `tracking_id berupa angka yang terbaca oleh JSON sebagai ${read}, bukan bilangan bulat 0 sampai 9007199254740991 yang tersimpan dengan tepat: kirim id sebagai teks, mis. "tracking_id": "4412001"`,
      },
    ]);
    expect(await inboxTotal()).toBe(before);
    const since = await updates('since=2026-03-01');
    expect(trackingIds(since)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(9007199254740992|Infinity|0|-7|4412\.5)$/)]));
  });

  it('refuses the whole batch when one report has such a number, naming that row only', async () => {
    const before = await inboxTotal();
    const res = await importBatch('[{"tracking_id":"5512301","title":"a","content":"b"},{"tracking_id":9007199254740993,"title":"c","content":"d"}]', 'json');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows[2].tracking_id']);
    expect(await inboxTotal()).toBe(before);
  });

  it('takes a safe whole number as it is, and the same id as a string as written', async () => {
    const res = await importBatch(
      '[{"tracking_id":9007199254740991,"title":"a","content":"b"},{"tracking_id":"9007199254740993","title":"c","content":"d"},{"tracking_id":0,"title":"e","content":"f"}]',
      'json',
    );
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { trackingId: string }) => r.trackingId)).toEqual(['9007199254740991', '9007199254740993', '0']);
  });
});

describe('a CSV row with too many fields', () => {
  const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`).join(',');

  it('says how many fields a LAPOR! export has at most, not that the batch is too long; nothing is written', async () => {
    const before = await inboxTotal();
    const res = await importBatch(`${HEADER}5512101,Judul,Isi,,,\r\n${fields(51)}\r\n`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        row: 0,
        field: 'content',
        message: 'line 3 has more than 50 fields; a LAPOR! export has at most 50: check the separator and the quoting',
        messageId: 'baris 3 berisi lebih dari 50 kolom; ekspor LAPOR! paling banyak 50 kolom: periksa pemisah dan tanda kutipnya',
      },
    ]);
    expect(res.body.message).not.toMatch(/5000 reports/);
    expect(await inboxTotal()).toBe(before);
  });

  it('in the header too', async () => {
    const res = await importBatch(`${HEADER.trim()},${fields(45)}\r\n5512102,Judul,Isi,,,\r\n`);
    expectRefused(res, 'content', /^line 1 has more than 50 fields/, /^baris 1 berisi lebih dari 50 kolom/);
  });

  it('50 fields are read', async () => {
    const res = await importBatch(`${HEADER.trim()},${fields(44)}\r\n5512103,Judul,Isi,,,\r\n`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1 });
  });

  it('too many reports still says so', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `${i + 1},t,c,,,`).join('\r\n');
    expectRefused(await importBatch(`${HEADER}${rows}\r\n`), 'content', /more than 5000 reports: send the rest in another batch/, /lebih dari 5000 laporan/);
  });
});

describe("each row's refusal, in English and in Bahasa Indonesia", () => {
  const json = (report: Record<string, unknown>) => JSON.stringify([{ tracking_id: '5512401', title: 'Antrian', content: 'Antrian lama', ...report }]);

  it.each([
    [
      'a missing title',
      `${HEADER}5512401,,Isi tanpa judul,,,\r\n`,
      'csv',
      { field: 'rows[1].title', message: 'title is missing', messageId: 'judul wajib diisi' },
    ],
    [
      'a missing tracking id',
      `${HEADER},Judul,Isi,,,\r\n`,
      'csv',
      { field: 'rows[1].tracking_id', message: 'tracking_id is missing', messageId: 'nomor tracking wajib diisi' },
    ],
    [
      'a blank content',
      `${HEADER}5512401,Judul,"  ",,,\r\n`,
      'csv',
      { field: 'rows[1].content', message: 'content is missing', messageId: 'isi laporan wajib diisi' },
    ],
    [
      'a title too long',
      `${HEADER}5512401,${'J'.repeat(201)},Isi,,,\r\n`,
      'csv',
      {
        field: 'rows[1].title',
        message: 'title is at most 200 characters (it has 201)',
        messageId: 'judul melebihi 200 karakter (berisi 201 karakter): persingkat isinya',
      },
    ],
    [
      'a text too long',
      `${HEADER}5512401,Judul,${'i'.repeat(5001)},,,\r\n`,
      'csv',
      {
        field: 'rows[1].content',
        message: 'content is at most 5000 characters (it has 5001)',
        messageId: 'isi laporan melebihi 5.000 karakter (berisi 5.001 karakter): persingkat isinya',
      },
    ],
    [
      'title and text too long together',
      `${HEADER}5512401,${'J'.repeat(200)},${'i'.repeat(4799)},,,\r\n`,
      'csv',
      {
        field: 'rows[1].content',
        message: 'title and content together are at most 5000 characters',
        messageId: 'gabungan judul dan isi laporan melebihi 5.000 karakter: persingkat isinya',
      },
    ],
    [
      'a control character',
      `${HEADER}5512401,Ju\u0007dul,Isi,,,\r\n`,
      'csv',
      {
        field: 'rows[1].title',
        message: 'title holds control characters or invalid Unicode: remove them',
        messageId: 'judul memuat karakter kendali atau Unicode yang tidak sah: hapus karakter tersebut',
      },
    ],
    [
      'a lone surrogate, written as an escape in the JSON of the batch',
      '[{"tracking_id":"5512401","title":"Antrian","content":"Antrian \\ud800 lama"}]',
      'json',
      {
        field: 'rows[1].content',
        message: 'content holds control characters or invalid Unicode: remove them',
        messageId: 'isi laporan memuat karakter kendali atau Unicode yang tidak sah: hapus karakter tersebut',
      },
    ],
    [
      'a category that is not text',
      json({ category: { name: 'Pelayanan' } }),
      'json',
      { field: 'rows[1].category', message: 'category must be text', messageId: 'kategori harus berupa teks' },
    ],
    [
      'a disposition too long',
      json({ disposition: 'D'.repeat(301) }),
      'json',
      {
        field: 'rows[1].disposition',
        message: 'disposition is at most 300 characters (it has 301)',
        messageId: 'disposisi melebihi 300 karakter (berisi 301 karakter): persingkat isinya',
      },
    ],
    [
      'a tracking id LAPOR! does not write',
      `${HEADER}5512 401,Judul,Isi,,,\r\n`,
      'csv',
      {
        field: 'rows[1].tracking_id',
        message: '"5512 401" is not a LAPOR! tracking id: letters and digits (also . _ / -), at most 64',
        messageId: '"5512 401" bukan nomor tracking LAPOR!: hanya huruf dan angka (juga . _ / -), paling banyak 64 karakter',
      },
    ],
    [
      'a report that is not an object',
      '["5512401"]',
      'json',
      {
        field: 'rows[1].report',
        message: 'each report must be an object with tracking_id, title, content, category, disposition, status',
        messageId: 'setiap laporan harus berupa objek dengan tracking_id, title, content, category, disposition, status',
      },
    ],
    [
      // U+0958 is one character, but two once normalised (NFC) as the form stores it
      "a text the form's own check finds too long once normalised",
      json({ title: 'a', content: '\u0958'.repeat(4997) }),
      'json',
      {
        field: 'rows[1].content',
        message: '"Isi pengaduan" has 9997 characters; at most 5000 are allowed: shorten it.',
        messageId: '"Isi pengaduan" berisi 9997 karakter, padahal paling banyak 5000 karakter: persingkat isinya.',
      },
    ],
  ] as const)('%s: a 400 naming the row and field, worded in both languages; nothing is written', async (_what, content, format, error) => {
    const before = await inboxTotal();
    const res = await importBatch(content, format);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('the batch was not imported (nothing was written): 1 row has problems; correct them and send the whole batch again');
    expect(res.body.messageId).toBe('kiriman tidak diimpor (tidak ada yang ditulis): 1 baris bermasalah; perbaiki lalu kirim ulang seluruh kiriman');
    expect(res.body.errors).toEqual([{ row: 1, ...error }]);
    expect(await inboxTotal()).toBe(before);
  });

  it('a batch refused as a whole says why in both languages too', async () => {
    const res = await importBatch(HEADER);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      message: 'the batch was not imported (nothing was written): the batch holds no report; correct them and send the whole batch again',
      messageId: 'kiriman tidak diimpor (tidak ada yang ditulis): kiriman ini tidak memuat laporan; perbaiki lalu kirim ulang seluruh kiriman',
      errors: [{ row: 0, field: 'content', message: 'the batch holds no report', messageId: 'kiriman ini tidak memuat laporan' }],
    });
  });
});
