import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, DEMO_PASSWORD, ROOT, SAMPLE_COMPLAINTS, startApi as start, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Holidays as operational data: deadlines go on past the last official list (on a provisional
 * calendar, marked so), an administrator loads a year's SKB list or an office's closures, and the
 * pending deadlines it moves are computed again; health warns before the lists run out.
 */

const running: ApiProcess[] = [];
async function startApi(...args: Parameters<typeof start>): Promise<ApiProcess> {
  const api = await start(...args);
  running.push(api);
  return api;
}
afterAll(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
});

// Thursday 31 December 2026, 09:00 WIB: the last day of the shipped SKB lists
const NEW_YEARS_EVE = '2026-12-31T02:00:00Z';

const SKB_2027 = {
  source: 'SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027 (test data)',
  holidays: [
    { date: '2027-01-01', name: 'Tahun Baru Masehi' },
    { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
  ],
  // not a real decree: a cuti bersama on Monday 4 January moves the Metro deadline by one working day
  cutiBersama: [{ date: '2027-01-04', name: 'Cuti bersama Tahun Baru' }],
};

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let metroCase: string;

async function fileMetro(): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
  return inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: NEW_YEARS_EVE });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await db?.drop();
});

describe('past the last official holiday list', () => {
  it('a deadline that runs into 2027 is computed on the provisional calendar and marked so, never null', async () => {
    metroCase = await fileMetro();
    const detail = await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' });
    // "1 hari" from Thursday 31 December lands on 1 January (Tahun Baru): the next working day, Monday 4 January, 16:00 WIB
    expect(detail.body).toMatchObject({ step: { id: 'petugas-periksa' }, dueAt: '2027-01-04T09:00:00.000Z', dueAtProvisional: true, deadlineNote: null });
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
    expect(inbox.body.items.find((i: { id: string }) => i.id === metroCase)).toMatchObject({ dueAt: '2027-01-04T09:00:00.000Z', dueAtProvisional: true });
    const ticket = await client.request('GET', `/api/public/complaints/${detail.body.ticket}`);
    expect(ticket.body).toMatchObject({ dueAt: '2027-01-04T09:00:00.000Z', dueAtProvisional: true });
  });

  it('health is degraded and says from when deadlines are provisional', async () => {
    const res = await client.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'degraded',
      database: { status: 'ok' },
      calendar: {
        status: 'degraded',
        today: '2026-12-31',
        officialThrough: '2026-12-31',
        daysLeft: 0,
        provisionalFrom: '2027-01-01',
        message: expect.stringContaining('2027'),
      },
    });
    expect(api.logs.some((l) => l.includes('"level":40') && l.includes('the official holiday lists end on 2026-12-31'))).toBe(true);
  });

  it('GET /api/holidays/2027 shows the provisional list with what it lacks', async () => {
    const res = await client.request('GET', '/api/holidays/2027');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, status: 'provisional', provisional: true, version: 0, cutiBersama: [] });
    expect(res.body.holidays).toEqual(
      expect.arrayContaining([
        { date: '2027-01-01', name: 'Tahun Baru Masehi' },
        { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
      ]),
    );
    expect(res.body.notes.join(' ')).toMatch(/cuti bersama/i);
    // in the language the page asks: the web app sends its own
    const inIndonesian = await client.request('GET', '/api/holidays/2027', { headers: { 'accept-language': 'id' } });
    expect(inIndonesian.body.notes).toHaveLength(res.body.notes.length);
    expect(inIndonesian.body.notes[0]).toBe('Perkiraan: dihitung menurut aturan, bukan SKB 3 Menteri 2027; ganti dengan daftar resmi setelah terbit.');
    expect(res.body.notes[0]).toMatch(/^Provisional: computed by rule/);
    // both come with the year, for a page that switches language without asking again
    expect(res.body.notesId).toEqual(inIndonesian.body.notes);
    expect((await client.request('GET', '/api/holidays/2027?lang=id')).body.notes).toEqual(inIndonesian.body.notes);
    const overview = await client.request('GET', '/api/holidays');
    expect(overview.body.years).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: 2026, status: 'shipped' }),
        expect.objectContaining({ year: 2027, status: 'provisional', version: 0 }),
      ]),
    );
  });
});

describe('loading a year’s list', () => {
  it('is refused to anyone but a platform administrator', async () => {
    for (const as of ['metro.petugas', 'metro.penyusun', 'reviewer', 'admin.metro']) {
      const res = await client.request('PUT', '/api/holidays/2027', { as, body: SKB_2027 });
      expect({ as, status: res.status }).toEqual({ as, status: 403 });
      expect(res.body).toMatchObject({
        message: `loading the national holiday list needs a platform administrator; you are ${as}`,
        messageId: `memuat daftar hari libur nasional memerlukan administrator platform; Anda masuk sebagai ${as}`,
      });
    }
    expect((await client.request('PUT', '/api/holidays/2027', { body: SKB_2027 })).status).toBe(401);
    expect((await client.request('GET', '/api/holidays/2027')).body.version).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string, RegExp, RegExp]>([
    [
      'a date of another year',
      { ...SKB_2027, holidays: [{ date: '2028-01-01', name: 'Tahun Baru Masehi' }] },
      'holidays[0].date',
      /not in 2027/,
      /^hari libur ke-1: 2028-01-01 bukan tanggal tahun 2027/,
    ],
    [
      'an impossible date',
      { ...SKB_2027, holidays: [{ date: '2027-02-30', name: 'x' }] },
      'holidays[0].date',
      /not a date/,
      /^hari libur ke-1: "2027-02-30" bukan tanggal; tulis TTTT-BB-HH/,
    ],
    [
      'a date in another format',
      { ...SKB_2027, cutiBersama: [{ date: '04/01/2027', name: 'x' }] },
      'cutiBersama.0.date',
      /YYYY-MM-DD/,
      /^tanggal ditulis TTTT-BB-HH/,
    ],
    ['an empty name', { ...SKB_2027, holidays: [{ date: '2027-01-01', name: '' }] }, 'holidays.0.name', /must not be empty/, /^nama tidak boleh kosong/],
    [
      'a name too long',
      { ...SKB_2027, holidays: [{ date: '2027-01-01', name: 'x'.repeat(201) }] },
      'holidays.0.name',
      /at most 200/,
      /^nama hari paling panjang 200/,
    ],
    ['no source', { ...SKB_2027, source: '' }, 'source', /decree/, /^dasar hukum tidak boleh kosong/],
    [
      'a name of spaces only',
      {
        ...SKB_2027,
        cutiBersama: [
          { date: '2027-01-02', name: 'x' },
          { date: '2027-01-04', name: '   ' },
        ],
      },
      'cutiBersama[1].name',
      /must say what the day is/,
      /^cuti bersama ke-2: nama harus menyebut hari apa itu/,
    ],
    ['a source of spaces only', { ...SKB_2027, source: '   ' }, 'source', /decree/, /^dasar hukum harus menyebut surat keputusan/],
    [
      'a day twice',
      { ...SKB_2027, cutiBersama: [{ date: '2027-01-01', name: 'Cuti bersama' }] },
      'holidays',
      /2027-01-01 is both a holiday and cuti bersama/,
      /^2027-01-01 tercantum sebagai hari libur dan cuti bersama/,
    ],
    ['an unknown key', { ...SKB_2027, libur: [] }, 'libur', /should not exist/, /^isian libur tidak dikenal/],
    ['a day written as text alone', { ...SKB_2027, holidays: ['2027-01-01'] }, 'holidays.0', /^each holiday is \{ date, name \}/, /^setiap hari libur berupa/],
  ])('with %s answers 400 naming the field, in English and in Bahasa Indonesia, and loads nothing', async (_, body, field, message, messageId) => {
    const res = await client.request('PUT', '/api/holidays/2027', { as: 'admin', body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message), messageId: expect.stringMatching(messageId) })]),
    );
    expect((await client.request('GET', '/api/holidays/2027')).body.version).toBe(0);
  });

  it.each([
    ['sop[]=metro', 'sop[]', /should not exist/],
    ['sop=metro&sop=brebes', 'sop', /^sop was sent 2 times: send it once$/],
    ['sop=Metro', 'sop', /^an SOP id is lower-case letters/],
    ['tahun=2027', 'tahun', /should not exist/],
  ])('a read with %s is refused naming the parameter, not answered with the national list alone', async (query, field, message) => {
    for (const path of ['/api/holidays/2027', '/api/holidays/calendar', '/api/holidays/2027/versions']) {
      const res = await client.request('GET', `${path}?${query}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message), messageId: expect.any(String) })]);
    }
  });

  it('a read naming an SOP that is not published is 404 on every holiday read', async () => {
    for (const path of ['/api/holidays/2027', '/api/holidays/calendar', '/api/holidays/2027/versions']) {
      const res = await client.request('GET', `${path}?sop=nowhere`);
      expect({ path, status: res.status, messageId: res.body.messageId }).toEqual({ path, status: 404, messageId: 'belum ada SOP "nowhere" yang terbit' });
    }
  });

  it.each(['1899', '2201', '27', 'abcd'])('for the year %s answers 400', async (year) => {
    const res = await client.request('PUT', `/api/holidays/${year}`, { as: 'admin', body: SKB_2027 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      field: 'year',
      messageId: expect.stringMatching(/^\d{4}$/.test(year) ? /^tahun ditulis sebagai bilangan bulat dari 1900 sampai 2200/ : /bukan tahun: tulis empat angka/),
    });
    expect((await client.request('GET', `/api/holidays/${year}`)).status).toBe(400);
  });

  it('stores a version, computes the pending deadlines it moves again, and ends the provisional mark', async () => {
    const res = await client.request('PUT', '/api/holidays/2027', { as: 'admin', body: { ...SKB_2027, basedOnVersion: 0, changeNote: 'SKB 2027 signed' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, scope: 'national', version: 1, loadedBy: 'admin', changeNote: 'SKB 2027 signed', recomputedDeadlines: 1 });
    const detail = await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' });
    // Monday 4 January is now cuti bersama: Tuesday 5 January, 16:00 WIB
    expect(detail.body).toMatchObject({ dueAt: '2027-01-05T09:00:00.000Z', dueAtProvisional: false, version: 1 });
    expect(detail.body.kartuKendali).toHaveLength(1); // a recomputed deadline is not a hand-over
    const year = await client.request('GET', '/api/holidays/2027');
    expect(year.body).toMatchObject({
      status: 'loaded',
      provisional: false,
      version: 1,
      source: SKB_2027.source,
      cutiBersama: SKB_2027.cutiBersama,
      loadedBy: 'admin',
    });
    const health = await client.request('GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', calendar: { status: 'ok', officialThrough: '2027-12-31', daysLeft: 365 } });
    // a new complaint now runs on the loaded list at once
    const second = await fileMetro();
    expect((await client.request('GET', `/api/cases/${second}`, { as: 'metro.petugas' })).body).toMatchObject({
      dueAt: '2027-01-05T09:00:00.000Z',
      dueAtProvisional: false,
    });
  });

  it('answers 409 to a load based on a version that is no longer in force, and keeps both versions', async () => {
    const stale = await client.request('PUT', '/api/holidays/2027', { as: 'admin', body: { ...SKB_2027, cutiBersama: [], basedOnVersion: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 1, message: expect.stringContaining('version 1 by admin') });
    const amended = await client.request('PUT', '/api/holidays/2027', {
      as: 'admin',
      body: { ...SKB_2027, cutiBersama: [], basedOnVersion: 1, changeNote: 'cuti bersama withdrawn' },
    });
    expect(amended.body).toMatchObject({ version: 2, recomputedDeadlines: 2 });
    const versions = await client.request('GET', '/api/holidays/2027/versions');
    expect(versions.body.versions.map((v: { version: number; changeNote: string }) => [v.version, v.changeNote])).toEqual([
      [2, 'cuti bersama withdrawn'],
      [1, 'SKB 2027 signed'],
    ]);
    expect((await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' })).body.dueAt).toBe('2027-01-04T09:00:00.000Z');
  });
});

/** Runs the built `sop` command; resolves with its exit code and output. */
function sop(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'apps/cli/bin/sop.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('sop holidays load', () => {
  it('loads a list file into the running server through the same API, and says what the server refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-holidays-'));
    const file = join(dir, '2027.yaml');
    writeFileSync(
      file,
      `year: 2027\nsource: ${SKB_2027.source}\nholidays:\n  - { date: 2027-01-01, name: Tahun Baru Masehi }\n  - { date: 2027-08-17, name: Hari Kemerdekaan Republik Indonesia }\ncutiBersama:\n  - { date: 2027-01-04, name: Cuti bersama Tahun Baru }\n`,
    );
    const asAdmin = { SOP_USERNAME: 'admin', SOP_PASSWORD: DEMO_PASSWORD };
    const stale = await sop(['holidays', 'load', file, '--api', api.url, '--based-on', '1'], asAdmin);
    expect(stale).toMatchObject({ code: 1, stderr: expect.stringContaining('409: the 2027 list was loaded again since you read it') });
    const loaded = await sop(['holidays', 'load', file, '--api', api.url, '--based-on', '2', '--note', 'cuti bersama restored'], asAdmin);
    expect(loaded).toMatchObject({ code: 0, stdout: expect.stringContaining('loaded 2027 (national) as version 3; 2 pending deadline(s) computed again') });
    const refused = await sop(['holidays', 'load', file, '--api', api.url], { SOP_USERNAME: 'metro.petugas', SOP_PASSWORD: DEMO_PASSWORD });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('403') });
    const shown = await sop(['holidays', 'show', '2027', '--api', api.url, '--json'], {});
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'loaded', version: 3, cutiBersama: SKB_2027.cutiBersama });
    // and the amended list is what the deadlines use: Monday 4 January is cuti bersama again
    expect((await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' })).body.dueAt).toBe('2027-01-05T09:00:00.000Z');
  });
});

describe('an office’s own closures', () => {
  it('are loaded by that regency’s administrator only, and move that regency’s pending deadlines', async () => {
    const closure = { source: 'Surat Edaran Kepala Dinas (test data)', holidays: [{ date: '2027-01-04', name: 'Pemeliharaan SIAK' }] };
    const otherRegency = await client.request('PUT', '/api/holidays/2027/offices/metro', { as: 'admin.buleleng', body: closure });
    expect(otherRegency.status).toBe(403);
    expect(otherRegency.body.messageId).toMatch(/^memuat hari libur daerah .*Metro.* memerlukan administrator daerah itu; Anda masuk sebagai admin\.buleleng$/);
    expect((await client.request('PUT', '/api/holidays/2027/offices/metro', { as: 'metro.kasi', body: closure })).status).toBe(403);
    const nowhere = await client.request('PUT', '/api/holidays/2027/offices/nowhere', { as: 'admin', body: closure });
    expect(nowhere).toMatchObject({ status: 404, body: { message: 'no published SOP "nowhere"', messageId: 'belum ada SOP "nowhere" yang terbit' } });
    const withCuti = await client.request('PUT', '/api/holidays/2027/offices/metro', {
      as: 'admin.metro',
      body: { ...closure, cutiBersama: [{ date: '2027-01-05', name: 'x' }] },
    });
    expect(withCuti.status).toBe(400);
    expect(withCuti.body.errors).toEqual([
      expect.objectContaining({ field: 'cutiBersama', messageId: expect.stringMatching(/^cuti bersama berlaku nasional/) }),
    ]);
    const res = await client.request('PUT', '/api/holidays/2027/offices/metro', { as: 'admin.metro', body: closure });
    expect(res.status).toBe(200);
    // Monday 4 January is already cuti bersama: the closure changes no deadline
    expect(res.body).toMatchObject({ scope: 'metro', version: 1, recomputedDeadlines: 0 });
    expect((await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' })).body.dueAt).toBe('2027-01-05T09:00:00.000Z');
    // a closure on Tuesday 5 January moves Metro's deadlines to Wednesday 6 January, and no other regency's
    const tuesday = await client.request('PUT', '/api/holidays/2027/offices/metro', {
      as: 'admin.metro',
      body: { ...closure, holidays: [...closure.holidays, { date: '2027-01-05', name: 'Pemeliharaan SIAK (hari kedua)' }], basedOnVersion: 1 },
    });
    expect(tuesday.body).toMatchObject({ version: 2, recomputedDeadlines: 2 });
    expect((await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' })).body.dueAt).toBe('2027-01-06T09:00:00.000Z');
    const year = await client.request('GET', '/api/holidays/2027?sop=metro');
    // what a browser builds its countdown calendar from: the lists in force and the office's closures
    const data = await client.request('GET', '/api/holidays/calendar?sop=metro');
    expect(data.body.holidayYears.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    expect(data.body.extraHolidays).toEqual(expect.arrayContaining([{ date: '2027-01-05', name: 'Pemeliharaan SIAK (hari kedua)' }]));
    expect((await client.request('GET', '/api/holidays/calendar?sop=..')).status).toBe(400);
    expect(year.body.office).toMatchObject({
      sop: 'metro',
      loaded: { version: 2, holidays: [...closure.holidays, { date: '2027-01-05', name: 'Pemeliharaan SIAK (hari kedua)' }] },
    });
    expect((await client.request('GET', '/api/holidays/2027?sop=Bad!')).status).toBe(400);
  });
});

describe('cases left without a deadline by an earlier version', () => {
  it('get one when the server starts', async () => {
    await api.stop();
    // what the earlier runtime stored from 2027 on: no deadline, and why
    await db.sql(
      `UPDATE cases SET due_at = NULL, deadline_pending = false, deadline_note = 'no holiday data for 2027 (have 2025, 2026): add the SKB 3 Menteri list for 2027 to the calendar' WHERE id = $1`,
      [metroCase],
    );
    api = await startApi(db, { SOP_CLOCK_START: NEW_YEARS_EVE });
    client = new ApiClient(api.url);
    const until = Date.now() + 15_000;
    let detail = await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' });
    while (detail.body.dueAt === null && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      detail = await client.request('GET', `/api/cases/${metroCase}`, { as: 'metro.petugas' });
    }
    expect(detail.body).toMatchObject({ dueAt: '2027-01-06T09:00:00.000Z', deadlineNote: null });
  });
});
