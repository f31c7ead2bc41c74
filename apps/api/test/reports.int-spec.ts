import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { toCsv } from '@sop/csv';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Reports: the monthly recap counts the complaints of the month (in the office's time zone), the
 * time spent per step and lane against the limits, the logbook in the SOP's own columns, who may
 * read a regency's report, and that no complainant's identity appears in any of it.
 *
 * The clock is moved by restarting the API on the same database with a later SOP_CLOCK_START:
 * a Tuesday in November 09:00 WITA (four complaints), 45 minutes later
 * (hand-overs past their limits), and 00:30 WITA on 1 December (one complaint, and the reading).
 */

const NOVEMBER = '2026-11-10T09:00:00+08:00';
const NOVEMBER_LATER = '2026-11-10T09:45:00+08:00';
// 16:30 UTC on 30 November: already December in Buleleng (WITA)
const DECEMBER_WITA = '2026-12-01T00:30:00+08:00';

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;

async function start(clock: string): Promise<void> {
  await api?.stop();
  api = await startApi(db, { SOP_CLOCK_START: new Date(clock).toISOString() });
  client = new ApiClient(api.url);
}

const IDENTITY = {
  name: 'Ni Made Ayu',
  address: 'Jl. Gajah Mada 10, Singaraja',
  phone: '081234567890',
  phoneStored: '+6281234567890',
  email: 'made.ayu@example.id',
  complaintText: 'Antrian terlalu lama',
  nik: SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk'],
  pekanbaruName: SAMPLE_COMPLAINTS.pekanbaru.nama,
};
const BULELENG = { ...SAMPLE_COMPLAINTS.buleleng, 'alamat-email': IDENTITY.email };

async function filePublic(sop: string, data: Record<string, string>, channel?: string): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data, ...(channel ? { channel } : {}) } });
  expect(filed.status).toBe(201);
  return filed.body.ticket;
}

async function caseId(ticket: string, as: string): Promise<string> {
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as });
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
  expect(item).toBeDefined();
  return item.id;
}

/** Waits until the deadline sweeper has flagged the case (its step's limit passed when the API started). */
async function untilFlagged(id: string, as: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await client.request('GET', `/api/cases/${id}`, { as })).body.overdue) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`case ${id} was never flagged overdue`);
}

/** COMPLETE the case's current step, reading its version first (the deadline sweeper may have flagged it meanwhile). */
async function complete(id: string, as: string, note?: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { body } = await client.request('GET', `/api/cases/${id}`, { as });
    const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { type: 'COMPLETE', version: body.version, ...(note ? { note } : {}) } });
    if (moved.status === 200) return;
    expect(moved.status).toBe(409);
  }
  throw new Error(`could not move case ${id}`);
}

const report = (query: string, as: string) => client.request('GET', `/api/reports${query}`, { as });
const count = (rows: { id: string | null; count: number }[], id: string | null) => rows.find((r) => r.id === id)?.count;

const tickets: Record<'a' | 'b' | 'c' | 'd' | 'december' | 'pekanbaru', string> = {} as never;
const FOLLOW_UP_NOTE = `Sudah dibalas ke ${IDENTITY.name} (${IDENTITY.phone}, ${IDENTITY.email}); pelapor puas`;
const SOLUTION_NOTE = 'Antrian panjang karena server SIAK lambat; loket ditambah';

beforeAll(async () => {
  db = await createTestDatabase();
  // November, 09:00 WITA: four complaints by three channels and three categories, and one in Pekanbaru
  await start(NOVEMBER);
  tickets.a = await filePublic('buleleng', BULELENG, 'website');
  tickets.b = await filePublic(
    'buleleng',
    { ...BULELENG, 'isi-pengaduan': `Petugas tidak ramah kepada ${IDENTITY.name}, hubungi ${IDENTITY.phone}` },
    'website',
  );
  tickets.c = await filePublic('buleleng', { ...BULELENG, 'sasaran-pengaduan': 'Sarana Prasarana' });
  const registered = await client.request('POST', '/api/cases', {
    as: 'buleleng.staf-kerjasama',
    body: { sop: 'buleleng', channel: 'telepon', data: { ...BULELENG, 'sasaran-pengaduan': 'Perilaku Pegawai' } },
  });
  expect(registered.status).toBe(201);
  tickets.d = registered.body.ticket;
  tickets.pekanbaru = await filePublic('pekanbaru', SAMPLE_COMPLAINTS.pekanbaru);
  // A leaves step 1 at once
  await complete(await caseId(tickets.a, 'buleleng.staf-kerjasama'), 'buleleng.staf-kerjasama');
  // 45 minutes later: B leaves step 1 (limit 10 Menit) and A step 2 (limit 5 Menit) past their limits; A then runs to the end
  await start(NOVEMBER_LATER);
  const b = await caseId(tickets.b, 'buleleng.staf-kerjasama');
  const a = await caseId(tickets.a, 'buleleng.kasi-kerjasama');
  await untilFlagged(a, 'buleleng.kasi-kerjasama');
  await untilFlagged(b, 'buleleng.staf-kerjasama');
  await complete(b, 'buleleng.staf-kerjasama');
  await complete(a, 'buleleng.kasi-kerjasama');
  await complete(a, 'buleleng.bidang-terkait', SOLUTION_NOTE);
  await complete(a, 'buleleng.kasi-kerjasama');
  await complete(a, 'buleleng.staf-kerjasama', FOLLOW_UP_NOTE);
  // just after midnight on 1 December in Buleleng (still 30 November in UTC)
  await start(DECEMBER_WITA);
  tickets.december = await filePublic('buleleng', BULELENG, 'surat');
}, 300_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the monthly report', () => {
  it("counts the month's complaints by channel, category, status and outcome", async () => {
    const res = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.regency).toEqual({ id: 'buleleng', name: 'Kabupaten Buleleng', timeZone: 'Asia/Makassar' });
    expect(r.period).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      month: '2026-11',
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z',
    });
    expect(r.totals).toMatchObject({ complaints: 4, open: 3, done: 1 });
    expect(r.byChannel.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([
      ['telepon', 1],
      ['website', 2],
      ['email', 0],
      ['sosial-media', 0],
      ['surat', 0],
      ['web', 1],
    ]);
    expect(r.byChannel.find((c: { id: string }) => c.id === 'web').label).toBe('formulir web');
    expect(r.categoryLabel).toBe('Sasaran Pengaduan');
    expect(r.byCategory).toEqual([
      { id: 'Perilaku Pegawai', label: 'Perilaku Pegawai', count: 1 },
      { id: 'Sarana Prasarana', label: 'Sarana Prasarana', count: 1 },
      { id: 'Pelayanan', label: 'Pelayanan', count: 2 },
      { id: 'Lain - Lain', label: 'Lain - Lain', count: 0 },
    ]);
    expect(r.byStatus).toEqual([
      { id: 'open', label: 'dalam proses', count: 3 },
      { id: 'done', label: 'selesai', count: 1 },
    ]);
    expect(r.byOutcome).toEqual([{ id: 'selesai', label: 'selesai', count: 1 }]);
    expect(r.daily).toHaveLength(30);
    expect(r.daily.find((d: { period: string }) => d.period === '2026-11-10')).toEqual({ period: '2026-11-10', filed: 4, done: 1, open: 3, overdue: 4 });
    expect(r.daily.filter((d: { filed: number }) => d.filed > 0)).toHaveLength(1);
    expect(r.monthly).toEqual([{ period: '2026-11', filed: 4, done: 1, open: 3, overdue: 4 }]);
  });

  it("counts by the office's days: a complaint at 00:30 WITA on 1 December (30 November in UTC) is December's", async () => {
    const december = await report('?month=2026-12', 'buleleng.kasi-kerjasama');
    expect(december.body.totals.complaints).toBe(1);
    expect(count(december.body.byChannel, 'surat')).toBe(1);
    expect(december.body.logbook.rows.map((r: { ticket: string }) => r.ticket)).toEqual([tickets.december]);
    const lastDay = await report('?from=2026-11-30&to=2026-11-30', 'buleleng.kasi-kerjasama');
    expect(lastDay.body.totals.complaints).toBe(0);
    const october = await report('?month=2026-10', 'buleleng.kasi-kerjasama');
    expect(october.body.totals.complaints).toBe(0);
    const oneDay = await report('?from=2026-11-10&to=2026-11-10', 'buleleng.kasi-kerjasama');
    expect(oneDay.body.period).toMatchObject({ from: '2026-11-10', to: '2026-11-10', month: null });
    expect(oneDay.body.totals.complaints).toBe(4);
    expect(oneDay.body.daily).toHaveLength(1);
    const after = await report('?from=2026-11-11&to=2026-11-30', 'buleleng.kasi-kerjasama');
    expect(after.body.totals.complaints).toBe(0);
  });

  it('shows the working time spent per step and per lane against the limits, and who waits past a deadline', async () => {
    const { body } = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    const steps = Object.fromEntries(body.delays.steps.map((s: { step: { id: string } }) => [s.step.id, s]));
    expect(Object.keys(steps)).toEqual(['menerima-keluhan', 'kasi-mempelajari', 'bidang-terkait-solusi', 'kasi-memeriksa', 'follow-up']);
    expect(steps['menerima-keluhan']).toMatchObject({
      step: { number: '1' },
      lane: 'staf-kerjasama',
      laneName: 'Staf Kerjasama',
      limit: '10 Menit',
      limitMinutes: 10,
      count: 2,
      overLimit: 1,
      overLimitShare: 0.5,
      waiting: 2,
      waitingOverdue: 2,
    });
    // A left at once, B after 45 working minutes
    expect(steps['menerima-keluhan'].maxMinutes).toBeGreaterThanOrEqual(45);
    expect(steps['menerima-keluhan'].maxMinutes).toBeLessThan(47);
    expect(steps['menerima-keluhan'].medianMinutes).toBeGreaterThanOrEqual(22.5);
    expect(steps['menerima-keluhan'].medianMinutes).toBeLessThan(24);
    expect(steps['kasi-mempelajari']).toMatchObject({
      limit: '5 Menit',
      limitMinutes: 5,
      count: 1,
      overLimit: 1,
      overLimitShare: 1,
      waiting: 1,
      waitingOverdue: 1,
    });
    expect(steps['kasi-mempelajari'].maxMinutes).toBeGreaterThan(44);
    expect(steps['kasi-mempelajari'].maxMinutes).toBeLessThan(46);
    expect(steps['bidang-terkait-solusi']).toMatchObject({ limit: '1 Jam', limitMinutes: 60, count: 1, overLimit: 0, overLimitShare: 0, waiting: 0 });
    expect(steps['bidang-terkait-solusi'].maxMinutes).toBeLessThan(2);
    expect(steps['follow-up']).toMatchObject({ count: 1, overLimit: 0 });
    const lanes = Object.fromEntries(body.delays.lanes.map((l: { lane: string }) => [l.lane, l]));
    expect(lanes['staf-kerjasama']).toMatchObject({ laneName: 'Staf Kerjasama', count: 3, overLimit: 1, waiting: 2 });
    expect(lanes['kasi-kerjasama']).toMatchObject({ count: 2, overLimit: 1, waiting: 1 });
    expect(lanes['bidang-terkait']).toMatchObject({ count: 1, overLimit: 0, waiting: 0 });
    expect(lanes['kepala-dinas']).toBeUndefined();
    expect(body.totals).toMatchObject({ handOvers: 6, handOversOverLimit: 2 });
  });

  it("lists the month's frequent problems with the officers' notes on their causes", async () => {
    const { body } = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    expect(body.problems.map((p: { label: string; count: number }) => [p.label, p.count])).toEqual([
      ['Pelayanan', 2],
      ['Perilaku Pegawai', 1],
      ['Sarana Prasarana', 1],
    ]);
    expect(body.problems[0].share).toBe(0.5);
    expect(body.problems[0].slowestStep.step.id).toMatch(/^(menerima-keluhan|kasi-mempelajari)$/);
    expect(body.problems[0].notes.map((n: { text: string }) => n.text)).toEqual([
      'Sudah dibalas ke [identitas disamarkan] ([identitas disamarkan], [identitas disamarkan]); pelapor puas',
      SOLUTION_NOTE,
    ]);
  });

  it("writes the logbook in Buleleng's FM-PDIP-03-02 columns", async () => {
    const { body } = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    const logbook = body.logbook;
    expect(logbook).toMatchObject({ document: 'FM-PDIP-03-02', title: 'LOG BOOK PENANGANAN PENGADUAN TIDAK LANGSUNG', revision: '00', fromSop: true });
    expect(logbook.columns.map((c: { label: string }) => c.label)).toEqual([
      'No.',
      'Isi Pengaduan & Sumber (Form/surat/website/Sosmed/Email dll)',
      'Bidang Terkait',
      'Tindak Lanjut Aduan',
      'Tindak Lanjut Ke Pengadu',
      'Status (selesai / tidak)',
      'Paraf Kabid PDIP',
    ]);
    expect(logbook.rows.map((r: { ticket: string }) => r.ticket)).toEqual([tickets.a, tickets.b, tickets.c, tickets.d]);
    expect(logbook.rows[0].cells).toEqual([
      '1',
      // the complaint in its own words first, for the regency's own users
      `${IDENTITY.complaintText} · Pelayanan — website (${tickets.a}, 10/11/2026)`,
      'Bidang Terkait (Kabupaten Buleleng)',
      SOLUTION_NOTE,
      'Sudah dibalas ke [identitas disamarkan] ([identitas disamarkan], [identitas disamarkan]); pelapor puas',
      'selesai',
      '',
    ]);
    expect(logbook.rows[3].cells).toEqual(['4', `${IDENTITY.complaintText} · Perilaku Pegawai — telepon (${tickets.d}, 10/11/2026)`, '', '', '', 'tidak', '']);
    // the complainant's name and number are struck from the complaint's words
    expect(logbook.rows[1].cells[1]).toBe(
      `Petugas tidak ramah kepada [identitas disamarkan], hubungi [identitas disamarkan] · Pelayanan — website (${tickets.b}, 10/11/2026)`,
    );
  });

  it("shows a reviewer of the regency only the category and channel in Isi Pengaduan, never the complaint's words", async () => {
    const { body } = await report('?month=2026-11&regency=buleleng', 'reviewer');
    expect(body.logbook.rows[0].cells[1]).toBe(`Pelayanan — website (${tickets.a}, 10/11/2026)`);
    expect(JSON.stringify(body)).not.toContain(IDENTITY.complaintText);
  });
});

describe('CSV downloads', () => {
  it('gives every table as UTF-8 CSV with a BOM, fields quoted where needed', async () => {
    const token = await client.token('buleleng.kasi-kerjasama');
    const res = await fetch(`${api!.url}/api/reports?month=2026-11&format=csv&table=logbook`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="laporan-buleleng-2026-11-logbook.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'No.,Isi Pengaduan & Sumber (Form/surat/website/Sosmed/Email dll),Bidang Terkait,Tindak Lanjut Aduan,Tindak Lanjut Ke Pengadu,Status (selesai / tidak),Paraf Kabid PDIP',
    );
    expect(lines[1]).toBe(
      `1,"${IDENTITY.complaintText} · Pelayanan — website (${tickets.a}, 10/11/2026)",Bidang Terkait (Kabupaten Buleleng),"${SOLUTION_NOTE}","Sudah dibalas ke [identitas disamarkan] ([identitas disamarkan], [identitas disamarkan]); pelapor puas",selesai,`,
    );
    expect(lines).toHaveLength(6); // header, four lines, and the final line end

    const channels = await report('?month=2026-11&format=csv&table=channels', 'buleleng.kasi-kerjasama');
    expect(channels.body).toBe('Saluran,Jumlah\r\ntelepon,1\r\nwebsite,2\r\nemail,0\r\nsosial media,0\r\nsurat,0\r\nformulir web,1\r\n');
    const english = await report('?month=2026-11&format=csv&table=statuses&lang=en', 'buleleng.kasi-kerjasama');
    expect(english.body).toBe('Status,Count\r\nin progress,3\r\ndone,1\r\n');
    const steps = await report('?month=2026-11&format=csv&table=delays-steps', 'buleleng.kasi-kerjasama');
    expect(steps.body.split('\r\n')[1]).toMatch(
      /^1,"Menerima keluhan \/ pengaduan masyarakat baik dari telepon, website, email ataupun akun sosial media\. Disdukcapil kemudian menginput kedalam logbook pengaduan\.",Staf Kerjasama,10 Menit,10,2,2\d\.?\d?,4[56]\.?\d?,1,50,2,2$/,
    );
  });
});

describe('who may read a report', () => {
  it('refuses citizens (401) and users of another regency (403); a reviewer chooses any regency', async () => {
    const anonymous = await client.request('GET', '/api/reports?month=2026-11');
    expect(anonymous.status).toBe(401);
    const metro = await report('?month=2026-11&regency=buleleng', 'metro.petugas');
    expect(metro.status).toBe(403);
    expect(metro.body.message).toContain('you work for metro');
    const metroCsv = await report('?month=2026-11&regency=buleleng&format=csv&table=logbook', 'metro.petugas');
    expect(metroCsv.status).toBe(403);
    const own = await report('?month=2026-11', 'metro.petugas');
    expect(own.status).toBe(200);
    expect(own.body.regency.id).toBe('metro');
    expect(own.body.totals.complaints).toBe(0);

    const unnamed = await report('?month=2026-11', 'reviewer');
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      { field: 'regency', message: expect.stringMatching(/^as a reviewer, name the regency: one of [a-z0-9-]+(, [a-z0-9-]+)*$/) },
    ]);
    expect(unnamed.body.errors[0].message.split(': one of ')[1].split(', ')).toEqual(expect.arrayContaining(seedIds()));
    const reviewer = await report('?month=2026-11&regency=buleleng', 'reviewer');
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.totals.complaints).toBe(4);
    const unknown = await report('?month=2026-11&regency=atlantis', 'reviewer');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'regency', message: expect.stringContaining('"atlantis" has no published SOP') });
  });

  it("refuses a platform account without the reviewer right (403) and says which right reads regencies' reports", async () => {
    for (const q of ['?month=2026-11', '?month=2026-11&regency=buleleng', '?month=2026-11&format=csv&table=logbook']) {
      const refused = await report(q, 'admin');
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'forbidden',
        message: "a platform account reads regencies' reports only with the reviewer right: ask for it",
        messageId: 'akun platform membaca laporan Kabupaten/Kota hanya dengan hak peninjau: mintalah hak itu',
      });
    }
  });
});

describe('no identity in reports', () => {
  it("never shows a complainant's name, address, phone, e-mail or NIK, in JSON or CSV (the complaint's words only struck of them)", async () => {
    const bodies: string[] = [];
    for (const [regency, as] of [
      ['buleleng', 'buleleng.kasi-kerjasama'],
      ['pekanbaru', 'reviewer'],
    ]) {
      const q = `?month=2026-11${as === 'reviewer' ? `&regency=${regency}` : ''}`;
      const json = await report(q, as);
      expect(json.status).toBe(200);
      expect(json.body.totals.complaints).toBeGreaterThan(0);
      bodies.push(JSON.stringify(json.body));
      for (const table of [
        'daily',
        'monthly',
        'channels',
        'categories',
        'statuses',
        'outcomes',
        'documents',
        'problems',
        'delays-steps',
        'delays-lanes',
        'periodic-runs',
        'logbook',
      ]) {
        const csv = await report(`${q}&format=csv&table=${table}`, as);
        expect(csv.status).toBe(200);
        bodies.push(csv.body);
      }
    }
    const all = bodies.join('\n');
    expect(all).toContain(tickets.a);
    expect(all).toContain(tickets.pekanbaru);
    for (const secret of [IDENTITY.name, 'Gajah Mada', IDENTITY.phone, IDENTITY.phoneStored, IDENTITY.email, IDENTITY.nik, IDENTITY.pekanbaruName]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('bad query strings', () => {
  it.each([
    ['month=2026-13', 'month', 'month must be written YYYY-MM between 2000 and 2100, e.g. 2026-11; "2026-13" is not one'],
    ['month=november', 'month', 'month must be written YYYY-MM between 2000 and 2100, e.g. 2026-11; "november" is not one'],
    ['month=9999-12', 'month', 'month must be written YYYY-MM between 2000 and 2100, e.g. 2026-11; "9999-12" is not one'],
    [
      'from=0001-01-01&to=2026-01-01',
      'from',
      'from must be a calendar date written YYYY-MM-DD between 2000 and 2100, e.g. 2026-11-01; "0001-01-01" is not one',
    ],
    ['from=2026-11-01', 'to', 'to is missing: give the last day too, e.g. to=2026-11-30 (included)'],
    ['to=2026-11-30', 'from', 'from is missing: give the first day too, e.g. from=2026-11-01'],
    [
      'from=2026-02-30&to=2026-03-05',
      'from',
      'from must be a calendar date written YYYY-MM-DD between 2000 and 2100, e.g. 2026-11-01; "2026-02-30" is not one',
    ],
    ['from=2026-11-01&to=30-11-2026', 'to', 'to must be a calendar date written YYYY-MM-DD between 2000 and 2100, e.g. 2026-11-01; "30-11-2026" is not one'],
    ['from=2026-11-30&to=2026-11-01', 'to', 'to (2026-11-01) is before from (2026-11-30): the last day must not come before the first'],
    [
      'month=2026-11&from=2026-11-01&to=2026-11-02',
      'from',
      'give either month (e.g. month=2026-11) or from and to (e.g. from=2026-11-01&to=2026-11-15), not both',
    ],
    ['from=2020-01-01&to=2026-12-31', 'to', 'a report covers at most 1827 days (five years); from 2020-01-01 to 2026-12-31 is 2557: choose a shorter period'],
    ['logbookPage=0', 'logbookPage', 'logbookPage starts at 1'],
    ['logbookPage=two', 'logbookPage', 'logbookPage must be a whole number, e.g. 2'],
    ['logbookPage=1.5', 'logbookPage', 'logbookPage must be a whole number, e.g. 2'],
    ['logbookPageSize=0', 'logbookPageSize', 'logbookPageSize is at least 1'],
    ['logbookPageSize=5000', 'logbookPageSize', 'logbookPageSize is at most 1000'],
    ['logbookPageSize=ten', 'logbookPageSize', 'logbookPageSize must be a whole number, e.g. 100'],
    [
      'format=csv&table=logbook&logbookPage=2',
      'logbookPage',
      "logbookPage pages the JSON report's logbook; a CSV download holds every line: leave logbookPage out",
    ],
    ['month=2026-11&month=2026-12', 'month', 'month was sent 2 times: send it once'],
    [
      'format=csv',
      'table',
      'with format=csv, name the table: one of daily, monthly, channels, categories, statuses, outcomes, documents, problems, delays-steps, delays-lanes, periodic-runs, logbook',
    ],
    ['table=logbook', 'format', 'add format=csv to download one table, or leave table out for the whole report as JSON'],
    ['format=xlsx', 'format', 'format must be json or csv'],
    [
      'format=csv&table=everything',
      'table',
      'table must be one of daily, monthly, channels, categories, statuses, outcomes, documents, problems, delays-steps, delays-lanes, periodic-runs, logbook',
    ],
    ['regency=Buleleng!', 'regency', 'regency must be an SOP id such as "buleleng" (lower-case letters, digits and dashes)'],
  ])('?%s answers 400 naming %s', async (query, field, message) => {
    const res = await report(`?${query}`, 'buleleng.kasi-kerjasama');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, message })]);
  });

  it('?sop=buleleng answers 400 naming sop, a key reports do not know, in both languages', async () => {
    const res = await report('?sop=buleleng', 'buleleng.kasi-kerjasama');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'sop', message: 'property sop should not exist', messageId: 'isian sop tidak dikenal di sini: hapus isian itu' },
    ]);
  });
});

describe('the logbook in pages, and the whole logbook streamed as CSV', () => {
  const tickets_ = (rows: { ticket: string }[]) => rows.map((r) => r.ticket);

  it('carries one page with the total; page 2 holds the lines after page 1, and nothing else changes', async () => {
    const whole = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    expect(whole.body.logbook).toMatchObject({ total: 4, page: 1, pageSize: 100 });
    const first = await report('?month=2026-11&logbookPageSize=3', 'buleleng.kasi-kerjasama');
    const second = await report('?month=2026-11&logbookPageSize=3&logbookPage=2', 'buleleng.kasi-kerjasama');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.logbook).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(second.body.logbook).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(tickets_(first.body.logbook.rows)).toEqual([tickets.a, tickets.b, tickets.c]);
    expect(tickets_(second.body.logbook.rows)).toEqual([tickets.d]);
    // the lines are numbered on through the pages, and are the lines of the whole logbook
    expect(second.body.logbook.rows[0].cells[0]).toBe('4');
    expect([...first.body.logbook.rows, ...second.body.logbook.rows]).toEqual(whole.body.logbook.rows);
    const figures = (b: Record<string, unknown>) => ({ ...b, logbook: undefined, generatedAt: undefined });
    expect(figures(second.body)).toEqual(figures(whole.body));
    const beyond = await report('?month=2026-11&logbookPageSize=3&logbookPage=3', 'buleleng.kasi-kerjasama');
    expect(beyond.status).toBe(200);
    expect(beyond.body.logbook).toMatchObject({ total: 4, page: 3, rows: [] });
    expect(beyond.body.totals.complaints).toBe(4);
  });

  it('streams the CSV logbook with every line of the JSON pages, in the same columns', async () => {
    for (const [q, as] of [
      ['?month=2026-11', 'buleleng.kasi-kerjasama'],
      ['?from=2026-11-01&to=2026-12-31', 'buleleng.kasi-kerjasama'],
      ['?month=2026-11&regency=pekanbaru', 'reviewer'],
    ]) {
      const pages = [];
      for (let page = 1; ; page++) {
        const { body } = await report(`${q}&logbookPageSize=2&logbookPage=${page}`, as);
        if (!body.logbook.rows.length) break;
        pages.push(...body.logbook.rows);
      }
      const { body } = await report(q, as);
      expect(pages).toHaveLength(body.logbook.total);
      const expected = toCsv([body.logbook.columns.map((c: { label: string }) => c.label), ...pages.map((r: { cells: string[] }) => r.cells)], {
        bom: true,
        decimals: 1,
      });
      const token = await client.token(as);
      const res = await fetch(`${api!.url}/api/reports${q}&format=csv&table=logbook`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer()));
      expect(text).toBe(expected);
    }
  });
});

describe('working time in percentiles', () => {
  it('gives mean, median, 90th percentile (interpolated) and maximum of a known set of hand-overs', async () => {
    const { body } = await report('?month=2026-11', 'buleleng.kasi-kerjasama');
    // step 1: A left at once (under a minute), B after 45 working minutes
    const step = body.delays.steps.find((s: { step: { id: string } }) => s.step.id === 'menerima-keluhan');
    expect(step.count).toBe(2);
    expect(step.meanMinutes).toBe(step.medianMinutes);
    expect(step.p90Minutes).toBeGreaterThanOrEqual(0.9 * step.maxMinutes - 0.15);
    expect(step.p90Minutes).toBeLessThanOrEqual(0.9 * step.maxMinutes + 0.25);
    // the Staf Kerjasama lane: A's step 1 and A's follow-up at once, B's step 1 after 45 minutes
    const lane = body.delays.lanes.find((l: { lane: string }) => l.lane === 'staf-kerjasama');
    expect(lane.count).toBe(3);
    expect(lane.maxMinutes).toBe(step.maxMinutes);
    expect(lane.medianMinutes).toBeLessThan(1);
    expect(lane.p90Minutes).toBeGreaterThanOrEqual(0.8 * lane.maxMinutes - 0.15);
    expect(lane.p90Minutes).toBeLessThanOrEqual(0.8 * lane.maxMinutes + 0.35);
    expect(lane.meanMinutes).toBeGreaterThanOrEqual(lane.maxMinutes / 3 - 0.1);
    expect(lane.meanMinutes).toBeLessThanOrEqual(lane.maxMinutes / 3 + 0.75);
  });
});

describe('long periods', () => {
  it('answers a five-year report, by day and by month', async () => {
    const res = await report('?from=2022-01-01&to=2026-12-31', 'buleleng.kasi-kerjasama');
    expect(res.status).toBe(200);
    expect(res.body.period).toMatchObject({ from: '2022-01-01', to: '2026-12-31', month: null });
    expect(res.body.daily).toHaveLength(1826);
    expect(res.body.monthly).toHaveLength(60);
    expect(res.body.monthly.find((m: { period: string }) => m.period === '2026-11')).toEqual({ period: '2026-11', filed: 4, done: 1, open: 3, overdue: 4 });
    expect(res.body.monthly.find((m: { period: string }) => m.period === '2026-12').filed).toBe(1);
    expect(res.body.totals).toMatchObject({ complaints: 5, handOvers: 6 });
    expect(res.body.logbook).toMatchObject({ total: 5 });
    const csv = await report('?from=2022-01-01&to=2026-12-31&format=csv&table=monthly', 'buleleng.kasi-kerjasama');
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')).toHaveLength(62);
  });
});
