import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/** The inbox's search by ticket: an operator types a ticket read out over the phone, or part of it. */

// A Tuesday morning (a working day, away from a month's end: no periodic run in the inbox).
const CLOCK_START = '2026-03-10T09:00:00+07:00';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: new Date(CLOCK_START).toISOString() });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function file(sop: string): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data: SAMPLE_COMPLAINTS[sop] } });
  expect(filed.status).toBe(201);
  return filed.body.ticket as string;
}

const search = async (as: string, ticket: string) => {
  const res = await client.request('GET', `/api/cases?ticket=${encodeURIComponent(ticket)}`, { as });
  expect(res.status).toBe(200);
  return (res.body.items as { ticket: string }[]).map((i) => i.ticket);
};

describe('GET /api/cases?ticket=', () => {
  let tickets: string[];
  let metroTicket: string;

  beforeAll(async () => {
    tickets = [await file('buleleng'), await file('buleleng'), await file('buleleng')];
    metroTicket = await file('metro');
  });

  it('finds one case by its whole ticket, however it is typed', async () => {
    const [t] = tickets;
    expect(await search('buleleng.staf-kerjasama', t)).toEqual([t]);
    expect(await search('buleleng.staf-kerjasama', t.toLowerCase())).toEqual([t]);
    expect(await search('buleleng.staf-kerjasama', t.replace('-', ''))).toEqual([t]);
    expect(await search('buleleng.staf-kerjasama', ` ${t.slice(0, 6)} ${t.slice(6)} `)).toEqual([t]);
  });

  it('finds cases by part of the code, and reads O as 0 and I or L as 1', async () => {
    const [t] = tickets;
    const part = t.slice(4, 8);
    const found = await search('buleleng.staf-kerjasama', part.toLowerCase());
    expect(found).toContain(t);
    for (const f of found) expect(f).toContain(part);
    // a ticket read out as letters: 0 heard as "O", 1 as "I"
    const misheard = t.slice(4).replace(/0/g, 'O').replace(/1/g, 'I');
    expect(await search('buleleng.staf-kerjasama', `BUL-${misheard}`)).toEqual([t]);
  });

  it("lists every case of the regency's prefix, and never another regency's case", async () => {
    expect((await search('buleleng.staf-kerjasama', 'bul')).sort()).toEqual([...tickets].sort());
    expect(await search('buleleng.staf-kerjasama', metroTicket)).toEqual([]);
    expect(await search('metro.petugas', metroTicket)).toEqual([metroTicket]);
    expect(await search('metro.petugas', tickets[0])).toEqual([]);
  });

  it('combines with the other filters and counts only what matches', async () => {
    const res = await client.request('GET', `/api/cases?ticket=${tickets[1]}&status=done`, { as: 'buleleng.staf-kerjasama' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    const open = await client.request('GET', `/api/cases?ticket=${tickets[1]}&status=open`, { as: 'buleleng.staf-kerjasama' });
    expect(open.body.total).toBe(1);
  });

  it('refuses a search that cannot be a ticket, saying where and why', async () => {
    for (const bad of ['BUL%', "x' OR 1=1", 'A'.repeat(21)]) {
      const res = await client.request('GET', `/api/cases?ticket=${encodeURIComponent(bad)}`, { as: 'buleleng.staf-kerjasama' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'ticket', message: expect.stringContaining('ticket number or part of one') }]);
    }
  });
});
