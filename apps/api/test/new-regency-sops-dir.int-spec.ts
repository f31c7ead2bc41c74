import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedIds, seedText } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * A new regency joins with a YAML file and no code change (DESIGN.md): started on a sops/ folder
 * holding the seeds and Buleleng's SOP as "contoh" for Kabupaten Contoh, the API lists the seeds and
 * the new SOP and runs a case on it, with the demo accounts every file's regency gets.
 */

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  const contoh = seedText('buleleng')
    .replace(/^  government: .*$/m, '  government: PEMERINTAH KABUPATEN CONTOH')
    .replace(/^  regency: .*$/m, '  regency: Kabupaten Contoh');
  expect(contoh).toContain('regency: Kabupaten Contoh');
  sopsDir = copySopsWith({ contoh: { yaml: contoh } });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: '2026-03-10T09:00:00+08:00' });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

describe('a new regency in sops/', () => {
  it('is listed beside the seeds', async () => {
    const res = await client.request('GET', '/api/sops');
    expect(res.status).toBe(200);
    expect(res.body.sops.map((s: { id: string }) => s.id).sort()).toEqual([...seedIds(), 'contoh'].sort());
    expect(res.body.sops.find((s: { id: string }) => s.id === 'contoh')).toMatchObject({ regency: 'Kabupaten Contoh', version: 1, timeZone: 'Asia/Makassar' });
    expect(res.body.rejected).toEqual([]);
  });

  it('runs a case: a public complaint reaches an officer of Kabupaten Contoh, and no officer of Buleleng', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const detail = await client.request('GET', '/api/sops/contoh');
    const lanes: string[] = detail.body.sop.lanes.map((l: { id: string }) => l.id).filter((id: string) => id !== 'masyarakat' && id !== 'pelapor');
    const holders: string[] = [];
    for (const lane of lanes) {
      const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: `contoh.${lane}` }).catch(() => null);
      if (inbox?.status === 200 && inbox.body.items.some((i: { ticket: string }) => i.ticket === filed.body.ticket)) holders.push(lane);
      const other = await client.request('GET', '/api/cases?pageSize=100', { as: `buleleng.${lane}` });
      expect(other.body.items.some((i: { ticket: string }) => i.ticket === filed.body.ticket)).toBe(false);
    }
    expect(holders).toHaveLength(1);
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: `contoh.${holders[0]}` });
    const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket);
    const seen = await client.request('GET', `/api/cases/${item.id}`, { as: `contoh.${holders[0]}` });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'open', sop: expect.objectContaining({ id: 'contoh' }) });
  });
});
