import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * A complaint that is not the office's to settle (ADR 0041): the fixture referral.yaml published as
 * "contoh", whose check hands a complaint to the agency whose it is ("Bukan kewenangan", an outcome
 * of kind referral). On a Tuesday in November: one complaint referred, one settled by the Kasi.
 */

const NOVEMBER = '2026-11-10T09:00:00+07:00';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let referredTicket: string;
let settledTicket: string;

async function file(): Promise<{ id: string; ticket: string }> {
  const filed = await client.request('POST', '/api/public/complaints', {
    body: { sop: 'contoh', data: { nama: 'Budi', telepon: '081234567890', isi: 'Tagihan PBB salah' } },
  });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'contoh.petugas' });
  return { id: inbox.body.items[0].id, ticket: filed.body.ticket };
}

async function send(id: string, as: string, body: Record<string, unknown>): Promise<void> {
  const { body: c } = await client.request('GET', `/api/cases/${id}`, { as });
  const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { ...body, version: c.version } });
  expect(moved.status).toBe(200);
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: copySopsWith({ contoh: 'valid/referral.yaml' }), SOP_CLOCK_START: new Date(NOVEMBER).toISOString() });
  client = new ApiClient(api.url);
  const referred = await file();
  referredTicket = referred.ticket;
  await send(referred.id, 'contoh.petugas', { type: 'CHOOSE', outcome: 'bukan-kewenangan', note: 'Urusan Bapenda' });
  await send(referred.id, 'contoh.petugas', { type: 'COMPLETE', reply: 'Pengaduan Anda kami teruskan ke Bapenda.' });
  const settled = await file();
  settledTicket = settled.ticket;
  await send(settled.id, 'contoh.petugas', { type: 'CHOOSE', outcome: 'kewenangan' });
  await send(settled.id, 'contoh.kasi', { type: 'COMPLETE' });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('a complaint handed to the agency whose it is', () => {
  it('tells the complainant on the ticket page, in the SOP’s words; a settled one is not', async () => {
    const referred = await client.request('GET', `/api/public/complaints/${referredTicket}`);
    expect(referred.body).toMatchObject({ status: 'done', referral: { label: 'Bukan kewenangan', at: expect.any(String) } });
    const settled = await client.request('GET', `/api/public/complaints/${settledTicket}`);
    expect(settled.body).toMatchObject({ status: 'done', referral: null });
  });

  it("is counted apart in the regency's report and in the national view (and among the closed)", async () => {
    const report = await client.request('GET', '/api/reports?month=2026-11', { as: 'contoh.petugas' });
    expect(report.status).toBe(200);
    expect(report.body.totals).toMatchObject({ complaints: 2, done: 2, referred: 1 });
    const national = await client.request('GET', '/api/reports/national?month=2026-11', { as: 'reviewer' });
    expect(national.status).toBe(200);
    const row = national.body.rows.find((r: { regency: { id: string } }) => r.regency.id === 'contoh');
    expect(row).toMatchObject({ complaints: 2, closed: 2, referred: 1, escalations: 0 });
    expect(national.body.rows.filter((r: { referred: number }) => r.referred > 0).map((r: { regency: { id: string } }) => r.regency.id)).toEqual(['contoh']);
    const csv = await client.request('GET', '/api/reports/national?month=2026-11&format=csv', { as: 'reviewer' });
    const lines = String(csv.body)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toContain('Selesai,Dilimpahkan ke instansi berwenang,');
    expect(lines.find((l) => l.startsWith('Kota Contoh,'))).toMatch(/^Kota Contoh,1,2,2,1,/);
  });

  it('is not a month later: the count follows the period the complaints were filed in', async () => {
    const december = await client.request('GET', '/api/reports/national?month=2026-12', { as: 'reviewer' });
    expect(december.body.rows.find((r: { regency: { id: string } }) => r.regency.id === 'contoh')).toMatchObject({ complaints: 0, referred: 0 });
  });
});
