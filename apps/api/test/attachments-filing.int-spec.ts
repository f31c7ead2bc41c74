import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { jpeg, pdf, upload } from './attachments-harness';

/**
 * Attachments claimed by the case writes (docs/adr/0013-attachments.md): NEEDS THE WIRING of the
 * claim into CasesService.intake / CasesRepository.insert and into events (the `attachments` of an
 * event) — until then these fail. The fixture with-attachment.yaml is published twice, as "contoh"
 * and "contoh-dua" (another SOP with the same fields).
 */

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;
let ownDataDir: string | null = null;
const env = () => ({ SOPS_DIR: sopsDir, ATTACHMENT_IP_LIMIT: '1000000', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}) });

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/with-attachment.yaml', 'contoh-dua': 'valid/with-attachment.yaml' });
  db = await createTestDatabase();
  if (!db.env.DATA_DIR) ownDataDir = mkdtempSync(join(tmpdir(), 'sop-attachments-'));
  api = await startApi(db, env());
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
});

const stage = async (field: 'ktp' | 'surat', sop = 'contoh', body = field === 'ktp' ? jpeg() : pdf()) => {
  const res = await upload(client, `/api/public/attachments?sop=${sop}&field=${field}`, {
    body,
    filename: field === 'ktp' ? 'ktp.jpg' : 'surat.pdf',
    contentType: field === 'ktp' ? 'image/jpeg' : 'application/pdf',
  });
  expect(res.status).toBe(201);
  return res.body.token as string;
};
const file = (data: Record<string, string>, sop = 'contoh') =>
  client.request('POST', '/api/public/complaints', { body: { sop, data: { nama: 'Wayan Sudarma', isi: 'KTP saya hilang', ...data } } });
const caseOf = async (ticket: string) =>
  (await client.request('GET', `/api/cases?ticket=${ticket}`, { as: 'contoh.petugas' })).body.items[0] as { id: string; version: number };
const filesOf = (id: string, as = 'contoh.petugas') => client.request('GET', `/api/cases/${id}/attachments`, { as });

describe('a complaint filed with its files', () => {
  it('claims them: the intake lane lists them under their fields and downloads them as sent', async () => {
    const photo = jpeg(120_000, 'KTP-NI-LUH');
    const ktp = await stage('ktp', 'contoh', photo);
    const surat = await stage('surat');
    const filed = await file({ ktp, surat });
    expect(filed.status).toBe(201);
    const { id } = await caseOf(filed.body.ticket);
    const list = await filesOf(id);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { field: string; kartuSeq: number | null; byOfficer: boolean }) => [a.field, a.kartuSeq, a.byOfficer])).toEqual([
      ['ktp', null, false],
      ['surat', null, false],
    ]);
    const got = await fetch(client.url + list.body.items[0].download, { headers: { authorization: `Bearer ${await client.token('contoh.petugas')}` } });
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    // never on the public ticket page
    const seen = JSON.stringify((await client.request('GET', `/api/public/complaints/${filed.body.ticket}`)).body);
    for (const secret of [ktp, surat, 'ktp.jpg', 'surat.pdf']) expect(seen).not.toContain(secret);
  });

  it('refuses a file already filed with another complaint, and files nothing', async () => {
    const ktp = await stage('ktp');
    expect((await file({ ktp })).status).toBe(201);
    const again = await file({ ktp });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ field: 'data.ktp', message: expect.stringContaining('"Foto KTP": the file is already attached to a complaint') }),
    ]);
  });

  it('refuses a file uploaded for another field or another SOP, and a token no upload gave', async () => {
    const surat = await stage('surat');
    const other = await stage('ktp', 'contoh-dua');
    const cases: Array<[Record<string, string>, string]> = [
      [{ ktp: surat }, 'the file was uploaded for another field'],
      [{ ktp: other }, 'the file was uploaded for another SOP'],
      [{ ktp: 'att_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 'no uploaded file has this token: upload the file again'],
    ];
    for (const [data, message] of cases) {
      const res = await file(data);
      expect({ status: res.status, errors: res.body.errors }).toEqual({
        status: 400,
        errors: [expect.objectContaining({ field: 'data.ktp', message: expect.stringContaining(message), messageId: expect.any(String) })],
      });
    }
  });

  it('keeps a file claimable when the complaint was refused for another field', async () => {
    const ktp = await stage('ktp');
    const refused = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data: { nama: 'Wayan', ktp } } });
    expect(refused.status).toBe(400);
    const filed = await file({ ktp });
    expect(filed.status).toBe(201);
    expect((await filesOf((await caseOf(filed.body.ticket)).id)).body.items).toHaveLength(1);
  });

  it('refuses a file uploaded more than 24 hours ago', async () => {
    const ktp = await stage('ktp');
    await api.stop();
    await db.sql("UPDATE attachments SET created_at = now() - interval '24 hours 30 minutes' WHERE token = $1", [ktp]);
    api = await startApi(db, env());
    client = new ApiClient(api.url);
    const res = await file({ ktp });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('"Foto KTP": the file was uploaded more than 24 hours ago and has expired: upload it again');
  });

  it("claims them when an officer registers the complaint on a citizen's behalf", async () => {
    const ktp = await stage('ktp');
    const reg = await client.request('POST', '/api/cases', {
      as: 'contoh.petugas',
      body: { sop: 'contoh', channel: 'telepon', data: { nama: 'Made', isi: 'Akta', ktp } },
    });
    expect(reg.status).toBe(201);
    expect((await filesOf(reg.body.id)).body.items).toEqual([expect.objectContaining({ field: 'ktp', name: 'ktp.jpg' })]);
  });
});

describe("an officer's files on an event", () => {
  it('are claimed by the event and listed with its kartu kendali line', async () => {
    const filed = await file({ ktp: await stage('ktp') });
    const { id, version } = await caseOf(filed.body.ticket);
    const up = await upload(
      client,
      '/api/attachments',
      { body: pdf(), filename: 'berita-acara.pdf', contentType: 'application/pdf' },
      { as: 'contoh.petugas' },
    );
    expect(up.status).toBe(201);
    const moved = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.petugas',
      body: { type: 'CHOOSE', outcome: 'selesai', version, attachments: [up.body.token] },
    });
    expect(moved.status).toBe(200);
    const list = (await filesOf(id)).body.items;
    expect(list).toEqual([
      expect.objectContaining({ field: 'ktp', kartuSeq: null }),
      expect.objectContaining({ field: null, kartuSeq: 2, name: 'berita-acara.pdf', byOfficer: true }),
    ]);
  });

  it("refuses another officer's upload, a form file and a token used twice", async () => {
    const filed = await file({ ktp: await stage('ktp') });
    const { id, version } = await caseOf(filed.body.ticket);
    const kasis = await upload(client, '/api/attachments', { body: pdf() }, { as: 'contoh.kasi' });
    const form = await stage('surat');
    for (const attachments of [[kasis.body.token], [form], ['not-a-token']]) {
      const res = await client.request('POST', `/api/cases/${id}/events`, {
        as: 'contoh.petugas',
        body: { type: 'CHOOSE', outcome: 'selesai', version, attachments },
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toMatch(/attachments/);
    }
  });
});
