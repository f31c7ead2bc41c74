import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * An SOP whose source is cut off (docs/adr/0011-service-standard-and-source-gaps.md) is published for
 * viewing and comparison, and takes no complaints: the fixture warnings/incomplete-source.yaml as
 * "terpotong", beside the seeds.
 */
let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ terpotong: 'warnings/incomplete-source.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

describe('an SOP published for viewing only', () => {
  it('is listed and readable, marked as not running cases, with the reasons', async () => {
    const list = await client.request('GET', '/api/sops');
    expect(list.body.sops.find((s: { id: string }) => s.id === 'terpotong')).toMatchObject({ runnable: false });
    expect(list.body.sops.find((s: { id: string }) => s.id === 'metro')).toMatchObject({ runnable: true });
    const detail = await client.request('GET', '/api/sops/terpotong');
    expect(detail.status).toBe(200);
    expect(detail.body.runnability.runnable).toBe(false);
    expect(detail.body.runnability.reasons[0]).toMatch(/the source is marked incomplete/);
  });

  it('refuses a complaint filed on it, from the public form and from the office, and files nothing', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'terpotong', data: { nama: 'Wayan', isi: 'KK belum jadi' } } });
    expect(filed.status).toBe(422);
    expect(filed.body.message).toMatch(/published for viewing and comparison only, not to run complaints: the source is marked incomplete/);
    const registered = await client.request('POST', '/api/cases', {
      as: 'terpotong.petugas',
      body: { sop: 'terpotong', channel: 'web', data: { nama: 'Wayan', isi: 'KK belum jadi' } },
    });
    expect(registered.status).toBe(422);
    const inbox = await client.request('GET', '/api/cases', { as: 'terpotong.petugas' });
    expect(inbox.body.total).toBe(0);
  });
});
