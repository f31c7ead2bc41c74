import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Several ways in (docs/adr/0009-several-starts.md): an SOP with an online path (website, e-mail,
 * SP4N-LAPOR!, the public form) and a walk-in path (the complaints room), published at start from a
 * copy of sops/ with the fixture two-ways-in.yaml as "contoh" (its demo accounts: contoh.admin for
 * the online desk, contoh.fo for the walk-in desk, contoh.kasi).
 */

const CLOCK_START = Date.parse('2026-03-10T09:00:00+07:00'); // a Tuesday morning

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/two-ways-in.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: new Date(CLOCK_START).toISOString() });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const data = { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' };
const register = (as: string, channel: string) => client.request('POST', '/api/cases', { as, body: { sop: 'contoh', channel, data } });
const detail = (id: string, as: string) => client.request('GET', `/api/cases/${id}`, { as });

async function caseOfTicket(as: string, ticket: string): Promise<{ id: string; lane: string } | undefined> {
  const inbox = await client.request('GET', '/api/cases', { as });
  expect(inbox.status).toBe(200);
  return inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
}

describe('an SOP with an online and a walk-in path', () => {
  it('files a public complaint on each channel at the desk of its path', async () => {
    const expected: Record<string, string> = { web: 'admin', website: 'admin', email: 'admin', lapor: 'admin', 'tatap-muka': 'fo' };
    for (const [channel, lane] of Object.entries(expected)) {
      const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', channel, data } });
      expect(filed.status).toBe(201);
      const other = lane === 'admin' ? 'fo' : 'admin';
      expect(await caseOfTicket(`contoh.${lane}`, filed.body.ticket)).toBeDefined();
      expect(await caseOfTicket(`contoh.${other}`, filed.body.ticket)).toBeUndefined();
    }
  });

  it("registers on a citizen's behalf as each path's intake lane, starting at that path's start", async () => {
    const online = await register('contoh.admin', 'lapor');
    expect(online.status).toBe(201);
    expect(online.body).toMatchObject({ step: 'admin-verifikasi', lane: 'admin' });
    const seenOnline = await detail(online.body.id, 'contoh.admin');
    expect(seenOnline.body).toMatchObject({ channel: 'lapor' });
    expect(seenOnline.body.kartuKendali[0]).toMatchObject({ seq: 1, event: 'START' });

    const walkIn = await register('contoh.fo', 'tatap-muka');
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ step: 'fo-catat', lane: 'fo' });
    expect((await detail(walkIn.body.id, 'contoh.fo')).body).toMatchObject({ channel: 'tatap-muka' });
  });

  it("is 403 registering as the other path's lane, or as a lane of no path; nothing is filed", async () => {
    const walkInAsAdmin = await register('contoh.admin', 'tatap-muka');
    expect(walkInAsAdmin.status).toBe(403);
    expect(walkInAsAdmin.body.message).toMatch(/came in by "tatap-muka" is the work of lane "fo", which you do not hold/);
    const laporAsFo = await register('contoh.fo', 'lapor');
    expect(laporAsFo.status).toBe(403);
    expect(laporAsFo.body.message).toMatch(/came in by "lapor" is the work of lane "admin", which you do not hold/);
    const kasi = await register('contoh.kasi', 'email');
    expect(kasi.status).toBe(403);
    expect(kasi.body.message).toMatch(/lane "admin" or "fo", which you do not hold/);
  });

  it("reveals a walk-in complainant's identity to the walk-in desk, not to the online desk", async () => {
    const walkIn = await register('contoh.fo', 'tatap-muka');
    expect((await client.request('POST', `/api/cases/${walkIn.body.id}/reveal`, { as: 'contoh.fo' })).status).toBe(200);
    expect((await client.request('POST', `/api/cases/${walkIn.body.id}/reveal`, { as: 'contoh.admin' })).status).toBe(403);
  });

  it('a walk-in case is only ever offered the walk-in path, up to the Kasi and the end', async () => {
    const walkIn = await register('contoh.fo', 'tatap-muka');
    const id = walkIn.body.id as string;
    const atDesk = await detail(id, 'contoh.fo');
    expect(atDesk.body.allowedEvents.map((e: { target: string }) => e.target).sort()).toEqual(['kasi-periksa', 'selesai']);
    const onward = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.fo',
      body: { type: 'CHOOSE', outcome: 'teruskan', version: atDesk.body.version },
    });
    expect(onward.status).toBe(200);
    const atKasi = await detail(id, 'contoh.kasi');
    expect(atKasi.body).toMatchObject({ step: { id: 'kasi-periksa' } });
    expect(atKasi.body.allowedEvents.map((e: { target: string }) => e.target)).toEqual(['selesai']);
    expect(atKasi.body.kartuKendali.map((k: { fromStep: string }) => k.fromStep)).not.toContain('admin-verifikasi');
  });
});
