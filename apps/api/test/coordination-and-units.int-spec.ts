import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Coordination, routing by the complaint's field, lane units, scheduled waits and documents
 * (docs/adr/0014-coordination-routing-units.md), with the fixture coordination-and-units.yaml as
 * "contoh". Demo accounts: contoh.petugas, contoh.bidang (the whole lane: its Kabid),
 * contoh.bidang.dafduk and contoh.bidang.capil (one unit each), contoh.helpdesk, contoh.ppid.
 */

const CLOCK_START = '2026-11-23T02:00:00Z'; // Monday 09:00 WIB

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/coordination-and-units.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const file = (bidang: string) =>
  client.request('POST', '/api/public/complaints', {
    body: { sop: 'contoh', data: { nama: 'Wayan Sudarma', bidang, isi: 'Akta kelahiran anak saya salah nama' } },
  });
const detail = (id: string, as: string) => client.request('GET', `/api/cases/${id}`, { as });
const act = (id: string, as: string, body: Record<string, unknown>) => client.request('POST', `/api/cases/${id}/events`, { as, body });

async function inbox(
  as: string,
  query = '',
): Promise<{ id: string; ticket: string; version: number; unit: { id: string } | null; consultingLane: string | null }[]> {
  const res = await client.request('GET', `/api/cases${query}`, { as });
  expect(res.status).toBe(200);
  return res.body.items;
}

/** A complaint about `bidang`, routed by the front office as its field says: it reaches the Bidang. */
async function atBidang(bidang = 'Pencatatan Sipil'): Promise<{ id: string; ticket: string }> {
  const filed = await file(bidang);
  expect(filed.status).toBe(201);
  const item = (await inbox('contoh.petugas')).find((i) => i.ticket === filed.body.ticket)!;
  const routed = await act(item.id, 'contoh.petugas', { type: 'CHOOSE', outcome: 'ke-bidang', version: item.version });
  expect(routed.status).toBe(200);
  return { id: item.id, ticket: filed.body.ticket };
}

describe('routing by the field concerned', () => {
  it("shows the front office the outcome the complaint's field leads to, and asks for a reason to go another way", async () => {
    const filed = await file('Informasi Publik');
    const item = (await inbox('contoh.petugas')).find((i) => i.ticket === filed.body.ticket)!;
    const seen = await detail(item.id, 'contoh.petugas');
    expect(seen.body.suggestedOutcome).toBe('ke-ppid');
    const other = await act(item.id, 'contoh.petugas', { type: 'CHOOSE', outcome: 'ke-bidang', version: item.version });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ field: 'note' });
    expect(other.body.errors[0].message).toMatch(/bidang is "Informasi Publik", which leads to "ke-ppid": to choose "ke-bidang" instead, say why in note/);
    const withReason = await act(item.id, 'contoh.petugas', {
      type: 'CHOOSE',
      outcome: 'ke-bidang',
      version: item.version,
      note: 'Menyangkut data akta, bukan informasi publik.',
    });
    expect(withReason.status).toBe(200);
    // a value of no unit: only the whole lane (the Kabid) has it
    expect((await inbox('contoh.bidang')).some((i) => i.ticket === filed.body.ticket)).toBe(true);
    expect((await inbox('contoh.bidang.capil')).some((i) => i.ticket === filed.body.ticket)).toBe(false);
  });
});

describe('lane units', () => {
  it('gives each unit its own cases, and the whole lane all of them', async () => {
    const capil = await atBidang('Pencatatan Sipil');
    const dafduk = await atBidang('Pendaftaran Penduduk');
    const tickets = async (as: string) => (await inbox(as)).map((i) => i.ticket);
    expect(await tickets('contoh.bidang.capil')).toContain(capil.ticket);
    expect(await tickets('contoh.bidang.capil')).not.toContain(dafduk.ticket);
    expect(await tickets('contoh.bidang.dafduk')).toContain(dafduk.ticket);
    expect(await tickets('contoh.bidang.dafduk')).not.toContain(capil.ticket);
    expect(await tickets('contoh.bidang')).toEqual(expect.arrayContaining([capil.ticket, dafduk.ticket]));
    expect((await detail(capil.id, 'contoh.bidang.capil')).body).toMatchObject({
      canAct: true,
      unit: { id: 'capil', name: 'Bidang Pelayanan Pencatatan Sipil' },
    });
    // the other unit may not act on it
    const seen = await detail(capil.id, 'contoh.bidang');
    const refused = await act(capil.id, 'contoh.bidang.dafduk', { type: 'CHOOSE', outcome: 'selesai', version: seen.body.version });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/unit capil/);
  });

  it('lets an administrator give an account one unit, and refuses a unit the lane does not have', async () => {
    const ok = await client.request('POST', '/api/admin/users', {
      as: 'admin.contoh',
      body: { username: 'capil.dua', displayName: 'Staf Capil', regency: 'contoh', lanes: ['bidang:capil'], password: 'sandi-yang-panjang-2026' },
    });
    expect(ok.status).toBe(201);
    const bad = await client.request('POST', '/api/admin/users', {
      as: 'admin.contoh',
      body: { username: 'capil.tiga', displayName: 'Staf', regency: 'contoh', lanes: ['bidang:kependudukan'], password: 'sandi-yang-panjang-2026' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/"bidang:kependudukan" is not a unit of lane "bidang"; its units: bidang:dafduk, bidang:capil/);
  });
});

describe('coordination', () => {
  it('asks the Helpdesk, which answers back; two kartu kendali lines, the Bidang keeps the case', async () => {
    const { id, ticket } = await atBidang();
    const seen = await detail(id, 'contoh.bidang.capil');
    expect(seen.body.coordination).toEqual([{ lane: 'helpdesk', laneName: 'Helpdesk', label: 'Koordinasi dengan Helpdesk' }]);
    const asked = await act(id, 'contoh.bidang.capil', {
      type: 'CONSULT',
      lane: 'helpdesk',
      note: 'Apakah data di SIAK sudah sinkron?',
      version: seen.body.version,
    });
    expect(asked.status).toBe(200);
    // the Helpdesk sees it, and may answer but not move it
    const helpdeskItem = (await inbox('contoh.helpdesk')).find((i) => i.ticket === ticket)!;
    expect(helpdeskItem.consultingLane).toBe('helpdesk');
    const asHelpdesk = await detail(id, 'contoh.helpdesk');
    expect(asHelpdesk.body).toMatchObject({ canAct: false, canAnswer: true, consulting: { lane: 'helpdesk', laneName: 'Helpdesk' } });
    const move = await act(id, 'contoh.helpdesk', { type: 'CHOOSE', outcome: 'selesai', version: asHelpdesk.body.version });
    expect(move.status).toBe(403);
    const noAnswer = await act(id, 'contoh.helpdesk', { type: 'ANSWER', version: asHelpdesk.body.version });
    expect(noAnswer.status).toBe(400);
    const answered = await act(id, 'contoh.helpdesk', { type: 'ANSWER', note: 'Sudah sinkron sejak pagi ini.', version: asHelpdesk.body.version });
    expect(answered.status).toBe(200);
    expect((await inbox('contoh.helpdesk')).some((i) => i.ticket === ticket)).toBe(false);
    const after = await detail(id, 'contoh.bidang.capil');
    expect(after.body).toMatchObject({ canAct: true, consulting: null, step: { id: 'bidang-tindak' } });
    expect(after.body.kartuKendali.slice(-2)).toMatchObject([
      { event: 'CONSULT', from: { lane: 'bidang' }, to: { lane: 'helpdesk' }, note: 'Apakah data di SIAK sudah sinkron?' },
      { event: 'ANSWER', from: { lane: 'helpdesk' }, to: { lane: 'bidang' }, note: 'Sudah sinkron sejak pagi ini.' },
    ]);
  });

  it('refuses a lane the step does not coordinate with, and a CONSULT without a lane', async () => {
    const { id } = await atBidang();
    const seen = await detail(id, 'contoh.bidang');
    const ppid = await act(id, 'contoh.bidang', { type: 'CONSULT', lane: 'ppid', version: seen.body.version });
    expect(ppid.status).toBe(422);
    expect(ppid.body.message).toMatch(/coordinates with "helpdesk", not "ppid"/);
    const none = await act(id, 'contoh.bidang', { type: 'CONSULT', version: seen.body.version });
    expect(none.status).toBe(400);
  });
});

describe('documents and scheduled waits', () => {
  it('records the document of the outcome on the kartu kendali and the ticket page', async () => {
    const { id, ticket } = await atBidang();
    const seen = await detail(id, 'contoh.bidang');
    const done = await act(id, 'contoh.bidang', { type: 'CHOOSE', outcome: 'selesai', version: seen.body.version, reply: 'Akta sudah dibetulkan.' });
    expect(done.status).toBe(200);
    expect((await detail(id, 'contoh.bidang')).body.kartuKendali.at(-1)).toMatchObject({ outcome: 'selesai', document: 'Berita acara penyelesaian pengaduan' });
    const pub = await client.request('GET', `/api/public/complaints/${ticket}`);
    expect(pub.body.timeline.at(-1)).toMatchObject({ document: 'Berita acara penyelesaian pengaduan' });
  });

  it('counts the documents produced in the report, and no coordination line as a hand-over', async () => {
    const report = await client.request('GET', '/api/reports?month=2026-11', { as: 'contoh.bidang' });
    expect(report.status).toBe(200);
    expect(report.body.byDocument).toEqual([{ id: 'Berita acara penyelesaian pengaduan', label: 'Berita acara penyelesaian pengaduan', count: 1 }]);
    // the Helpdesk was asked and answered, but never held a case: no hand-over from its lane
    expect(report.body.delays.lanes.find((l: { lane: string }) => l.lane === 'helpdesk')).toBeUndefined();
    const csv = await client.request('GET', '/api/reports?month=2026-11&format=csv&table=documents', { as: 'contoh.bidang' });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Berita acara penyelesaian pengaduan');
  });

  it('takes a scheduled case off the inbox, shows the date on the ticket page, and refuses a bad date', async () => {
    const { id, ticket } = await atBidang();
    const seen = await detail(id, 'contoh.bidang');
    expect(seen.body.schedule).toMatchObject({ label: 'Jadwal pertemuan dengan pelapor', canSet: true, until: null });
    for (const [until, status, says] of [
      ['besok', 400, /"besok" is not one/],
      ['2026-13-01', 400, /"2026-13-01" is not one/],
      ['2026-11-01', 422, /must be in the future/],
    ] as const) {
      const bad = await act(id, 'contoh.bidang', { type: 'SCHEDULE', until, version: seen.body.version });
      expect(bad.status).toBe(status);
      expect(bad.body.errors?.[0]?.message ?? bad.body.message).toMatch(says);
    }
    const set = await act(id, 'contoh.bidang', { type: 'SCHEDULE', until: '2026-12-10', note: 'Pelapor diundang ke kantor.', version: seen.body.version });
    expect(set.status).toBe(200);
    expect((await inbox('contoh.bidang')).some((i) => i.ticket === ticket)).toBe(false);
    expect((await inbox('contoh.bidang', '?scheduled=true')).some((i) => i.ticket === ticket)).toBe(true);
    const pub = await client.request('GET', `/api/public/complaints/${ticket}`);
    // from the start of 10 December in Jakarta
    expect(pub.body.scheduled).toEqual({ label: 'Jadwal pertemuan dengan pelapor', until: '2026-12-09T17:00:00.000Z' });
    expect((await detail(id, 'contoh.bidang')).body.kartuKendali.at(-1)).toMatchObject({ event: 'SCHEDULE', scheduledFor: '2026-12-09T17:00:00.000Z' });
  });
});

describe('a scheduled date that comes', () => {
  it("brings the case back to its inbox with the step's Waktu counted from then", async () => {
    const { id, ticket } = await atBidang();
    const seen = await detail(id, 'contoh.bidang');
    expect((await act(id, 'contoh.bidang', { type: 'SCHEDULE', until: '2026-11-30T02:00:00Z', version: seen.body.version })).status).toBe(200);
    await api.stop();
    api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: '2026-11-30T02:05:00Z' });
    client = new ApiClient(api.url);
    const until = Date.now() + 20_000;
    let back = false;
    while (!back && Date.now() < until) {
      back = (await inbox('contoh.bidang')).some((i) => i.ticket === ticket);
      if (!back) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(true);
    const after = await detail(id, 'contoh.bidang');
    expect(after.body.kartuKendali.at(-1)).toMatchObject({ event: 'RESUME', officer: 'system:schedule' });
    // 3 hari kerja from Monday 30 November: the close of Thursday 3 December, 16.00 WIB
    expect(after.body.dueAt).toBe('2026-12-03T09:00:00.000Z');
    expect(after.body.overdue).toBe(false);
  });
});
