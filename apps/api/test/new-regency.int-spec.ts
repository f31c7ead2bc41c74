import { ApiClient, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the benchmarks' generator, plain JavaScript
const { generateLargeSop } = require('../../../scripts/generate-large-sop') as { generateLargeSop: (o: { steps: number }) => string };

/**
 * A new regency joins from the browser (docs/adr/0012-new-regency-from-the-browser.md): the platform
 * administrator publishes version 1 of a new SOP id, creates its accounts, and the regency runs
 * cases — with no file in sops/, and still after the API restarts.
 */

const ID = 'kab-contoh';
const PASSWORD = 'kata-sandi-kabupaten-contoh-1';

/** A new SOP as the "kosong" start of /sops/baru makes it, with `extraLane` for a later version. */
function newSop(options: { regency?: string; extraLane?: boolean; badLane?: boolean } = {}): string {
  const regency = options.regency ?? 'Kabupaten Contoh';
  return `schemaVersion: 1
identity:
  government: PEMERINTAH ${regency.toUpperCase()}
  regency: ${regency}
  office: Dinas Kependudukan dan Pencatatan Sipil
  title: Pelayanan Pengaduan
calendar:
  timeZone: Asia/Makassar
sections: { dasarHukum: [], kualifikasiPelaksana: [], keterkaitan: [], peralatanPerlengkapan: [], peringatan: [], pencatatanPendataan: [] }
lanes:
  - { id: masyarakat, name: Masyarakat, role: pemohon }
  - { id: petugas, name: Petugas, role: petugas }
${options.extraLane ? '  - { id: kasi, name: Kasi Pelayanan, role: kasi }\n' : ''}steps:
  - { id: pengaduan, number: "1", kind: start, lane: masyarakat, activity: Masyarakat menyampaikan pengaduan, next: tindak-lanjut }
  - { id: tindak-lanjut, number: "2", kind: task, lane: ${options.badLane ? 'loket-9' : 'petugas'}, activity: Petugas menindaklanjuti pengaduan, waktu: 1 hari kerja, next: selesai }
  - { id: selesai, number: "3", kind: end, lane: masyarakat, activity: Pengaduan selesai }
`;
}

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

async function start() {
  api = await startApi(db, { SOP_CLOCK_START: '2026-03-10T09:00:00+08:00' });
  client = new ApiClient(api.url);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await start();
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function tokenOf(username: string, password: string): Promise<string> {
  const res = await client.request('POST', '/api/auth/login', { body: { username, password } });
  expect({ username, status: res.status }).toEqual({ username, status: 200 });
  return res.body.token;
}

const publish = (as: string, id: string, body: Record<string, unknown>) => client.request('POST', `/api/sops/${id}/versions`, { as, body });
const withToken = (token: string, method: string, path: string, body?: unknown) =>
  client.request(method, path, { headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body }) });

/** Files a complaint on the public form and finds it in the inbox of `token`'s holder. */
async function fileAndFind(token: string): Promise<{ id: string; ticket: string; version: number }> {
  const filed = await client.request('POST', '/api/public/complaints', {
    body: { sop: ID, data: { nama: 'Made Wirawan', telepon: '081234567890', isi: 'KTP-el saya belum jadi' } },
  });
  expect(filed.status).toBe(201);
  const inbox = await withToken(token, 'GET', '/api/cases?pageSize=100');
  expect(inbox.status).toBe(200);
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket);
  expect(item).toBeDefined();
  return { id: item.id, ticket: filed.body.ticket, version: item.version ?? 1 };
}

describe('a new regency published from the browser', () => {
  it('refuses bad ids, invalid YAML and people who may not create a regency, with what and where, and publishes nothing', async () => {
    const bad: [string, string, RegExp][] = [
      ['baru', 'id', /reserved by the web app/],
      ['k'.repeat(41), 'id', /at most 40 characters/],
      ['kab--contoh', 'id', /single dashes/],
    ];
    for (const [id, field, message] of bad) {
      const res = await publish('admin', id, { yaml: newSop(), basedOnVersion: 0 });
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
      expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    }
    const notAnId = await publish('admin', 'Kab_Contoh', { yaml: newSop() });
    expect(notAnId.status).toBe(400);

    const invalid = await publish('admin', ID, { yaml: newSop({ badLane: true }), basedOnVersion: 0 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', line: expect.any(Number), message: expect.stringContaining('loket-9') })]),
    );

    for (const as of ['metro.penyusun', 'admin.metro', 'metro.petugas', 'reviewer']) {
      const res = await publish(as, ID, { yaml: newSop(), basedOnVersion: 0 });
      expect({ as, status: res.status }).toEqual({ as, status: 403 });
    }
    const stale = await publish('admin', ID, { yaml: newSop(), basedOnVersion: 2 });
    expect(stale.status).toBe(409);
    expect((await client.request('GET', `/api/sops/${ID}`)).status).toBe(404);
  });

  it('is published by the platform administrator as version 1 and listed beside the seeds', async () => {
    const res = await publish('admin', ID, { yaml: newSop(), changeNote: 'Kabupaten Contoh bergabung', basedOnVersion: 0 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: ID, version: 1, created: true, publishedBy: 'admin', regency: 'Kabupaten Contoh', timeZone: 'Asia/Makassar' });
    const list = await client.request('GET', '/api/sops');
    const ids = list.body.sops.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([...seedIds(), ID]));
    const audit = await client.request('GET', '/api/admin/audit?action=sop.publish', { as: 'admin' });
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'admin', regency: ID, target: `${ID}@1` })]));
  });

  it('leaves later versions to the regency’s authors: the platform administrator gets 403 saying who publishes', async () => {
    const again = await publish('admin', ID, { yaml: newSop({ extraLane: true }), basedOnVersion: 1 });
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/later versions are published by its SOP authors \(such as kab-contoh\.penyusun/);
    expect((await publish('admin', 'metro', { yaml: newSop(), basedOnVersion: 0 })).status).toBe(403);
    expect((await client.request('GET', `/api/sops/${ID}`)).body.version).toBe(1);
  });

  it('gets its accounts from the platform administrator, lanes checked against its SOP in the database', async () => {
    const make = (body: Record<string, unknown>) =>
      client.request('POST', '/api/admin/users', { as: 'admin', body: { regency: ID, password: PASSWORD, ...body } });
    expect((await make({ username: `admin.${ID}`, displayName: 'Administrator Kabupaten Contoh', permissions: ['admin'] })).status).toBe(201);
    expect((await make({ username: `${ID}.penyusun`, displayName: 'Penyusun SOP Kabupaten Contoh', permissions: ['author'] })).status).toBe(201);
    expect((await make({ username: `${ID}.petugas`, displayName: 'Petugas Kabupaten Contoh', lanes: ['petugas'] })).status).toBe(201);
    const noLane = await make({ username: `${ID}.kasi`, displayName: 'Kasi', lanes: ['kasi'] });
    expect(noLane.status).toBe(400);
    expect(noLane.body.errors).toEqual([
      {
        field: 'lanes[0]',
        message: `"kasi" is not a lane of Kabupaten Contoh's SOP; its lanes: petugas`,
        messageId: `"kasi" bukan lajur SOP Kabupaten Contoh; lajurnya: petugas`,
      },
    ]);
  });

  it('runs cases: a public complaint reaches its officer, who settles it', async () => {
    const petugas = await tokenOf(`${ID}.petugas`, PASSWORD);
    const filed = await fileAndFind(petugas);
    const detail = await withToken(petugas, 'GET', `/api/cases/${filed.id}`);
    expect(detail.body).toMatchObject({ step: { id: 'tindak-lanjut' }, status: 'open' });
    const done = await withToken(petugas, 'POST', `/api/cases/${filed.id}/events`, { type: 'COMPLETE', version: detail.body.version });
    expect(done.status).toBe(200);
    const status = await client.request('GET', `/api/public/complaints/${filed.ticket}`);
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).not.toContain('Made Wirawan');
  });

  it('is changed afterwards by its own author', async () => {
    const penyusun = await tokenOf(`${ID}.penyusun`, PASSWORD);
    const v2 = await withToken(penyusun, 'POST', `/api/sops/${ID}/versions`, {
      yaml: newSop({ extraLane: true }),
      changeNote: 'Kasi Pelayanan ditambahkan',
      basedOnVersion: 1,
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, publishedBy: `${ID}.penyusun`, status: 'proposed' });
    // it takes effect once the regency's signer (its Kepala Dinas, an account its administrator gives the signer permission) approves it
    const admin = await tokenOf(`admin.${ID}`, PASSWORD);
    const kadis = await withToken(admin, 'POST', '/api/admin/users', {
      username: `${ID}.kadis`,
      displayName: 'Kepala Dinas',
      regency: ID,
      permissions: ['signer'],
      password: PASSWORD,
    });
    expect(kadis.status).toBe(201);
    const signer = await tokenOf(`${ID}.kadis`, PASSWORD);
    expect((await withToken(signer, 'POST', `/api/sops/${ID}/versions/2/approve`, { effectiveDate: '2026-03-10' })).status).toBe(201);
    // an author of another regency may not
    expect((await publish('metro.penyusun', ID, { yaml: newSop(), basedOnVersion: 2 })).status).toBe(403);
  });

  it('a 2,000-step SOP (about 660 KB) is checked, compiled and published while the API answers everyone else', async () => {
    const yaml = generateLargeSop({ steps: 2000 });
    let done = false;
    const publishing = publish('admin', 'kab-besar', { yaml, changeNote: 'Kabupaten Besar bergabung', basedOnVersion: 0 }).finally(() => (done = true));
    const pending = () => !done;
    await new Promise((r) => setTimeout(r, 200));
    let answeredMeanwhile = 0;
    while (pending()) {
      if ((await client.request('GET', '/api/health')).status === 200 && pending()) answeredMeanwhile++;
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await publishing;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'kab-besar', version: 1, steps: 2000, sopOrder: 'yaml' });
    expect(answeredMeanwhile).toBeGreaterThan(0);
    // the editor gets the model in the YAML's order, as the checker read it
    const head = await client.request('GET', '/api/sops/kab-besar/head', { as: 'admin' });
    expect(head.body.sopOrder).toBe('yaml');
    expect(Object.keys(head.body.sop.steps[0])).toEqual([
      'id',
      'number',
      'kind',
      'lane',
      'label',
      'activity',
      'kelengkapan',
      'waktu',
      'output',
      'keterangan',
      'next',
    ]);
  }, 120_000);

  it('survives a restart with no file in sops/: listed, its accounts managed, its cases filed, and no demo accounts appear for it', async () => {
    await api.stop();
    await start();
    const list = await client.request('GET', '/api/sops');
    expect(list.body.sops).toEqual(expect.arrayContaining([expect.objectContaining({ id: ID, version: 2, regency: 'Kabupaten Contoh' })]));
    expect(list.body.rejected).toEqual([]);

    const admin = await tokenOf(`admin.${ID}`, PASSWORD);
    const kasi = await withToken(admin, 'POST', '/api/admin/users', {
      username: `${ID}.kasi`,
      displayName: 'Kasi Pelayanan',
      regency: ID,
      lanes: ['kasi'],
      password: PASSWORD,
    });
    expect(kasi.status).toBe(201);
    const accounts = await withToken(admin, 'GET', '/api/admin/users?pageSize=200');
    expect(accounts.status).toBe(200);
    // exactly the accounts its administrators created: none with the published demo password
    expect(accounts.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      `admin.${ID}`,
      `${ID}.kadis`,
      `${ID}.kasi`,
      `${ID}.penyusun`,
      `${ID}.petugas`,
    ]);
    expect(accounts.body.items.every((u: { demo: boolean }) => !u.demo)).toBe(true);
    const demoLogin = await client.request('POST', '/api/auth/login', { body: { username: `${ID}.petugas`, password: 'demo-sop-2026' } });
    expect(demoLogin.status).toBe(401);
    // the seeds' demo accounts are still there
    expect((await client.request('GET', '/api/sops/metro', { as: 'metro.petugas' })).status).toBe(200);

    await fileAndFind(await tokenOf(`${ID}.petugas`, PASSWORD));
  });
});
