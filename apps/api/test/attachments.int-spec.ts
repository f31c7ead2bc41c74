import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { filesUnder, html, jpeg, pdf, png, upload } from './attachments-harness';

/**
 * Attachments (docs/adr/0013-attachments.md), the uploads' side: the fixture with-attachment.yaml
 * published as "contoh" (Foto KTP: JPEG, PNG or PDF up to 1 MB, required; Surat pengantar: PDF up to
 * 0.1 MB). Files are checked by their content and size as they stream in, sealed at rest, listed and
 * downloaded only by the lanes that may see the identity (contoh.petugas, the intake lane; not
 * contoh.kasi), and removed when no complaint claims them within 24 h. Claiming by the case writes
 * is tested in attachments-filing.int-spec.ts; here a claim is made in the database directly.
 */

const MB = 1024 * 1024;
const TOKEN = /^att_[A-Za-z0-9_-]{32}$/;

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;
let dataDir: string;
let ownDataDir: string | null = null;
const env = () => ({ SOPS_DIR: sopsDir, ATTACHMENT_IP_LIMIT: '1000000', ATTACHMENT_EVENT_MAX_MB: '1', ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}) });

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/with-attachment.yaml' });
  db = await createTestDatabase();
  if (!db.env.DATA_DIR) ownDataDir = mkdtempSync(join(tmpdir(), 'sop-attachments-'));
  dataDir = db.env.DATA_DIR ?? ownDataDir!;
  api = await startApi(db, env());
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
});

/** Runs SQL with the API stopped (the embedded database has one process), then starts it again. */
async function withApiStopped<T>(work: () => Promise<T>, extraEnv: Record<string, string> = {}): Promise<T> {
  await api.stop();
  try {
    return await work();
  } finally {
    api = await startApi(db, { ...env(), ...extraEnv });
    client = new ApiClient(api.url);
  }
}

const publicUpload = (field: string, file: Parameters<typeof upload>[2], sop = 'contoh') =>
  upload(client, `/api/public/attachments?sop=${sop}&field=${field}`, file);
const stored = () => filesUnder(join(dataDir, 'attachments'));

describe('a citizen uploads a file for a file field', () => {
  it('answers a token, the kind read from the content, the size and a safe name; the file is sealed at rest', async () => {
    const before = await stored();
    const photo = jpeg(200_000, 'KTP-MARKER-5171');
    const res = await publicUpload('ktp', { body: photo, filename: 'ktp saya.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      token: expect.stringMatching(TOKEN),
      name: 'ktp saya.jpg',
      size: 200_000,
      type: 'image/jpeg',
      field: 'ktp',
      expiresAt: expect.any(String),
    });
    expect(new Date(res.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const added = (await stored()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/); // a random id, never the name sent
    const onDisk = readFileSync(join(dataDir, 'attachments', added[0]));
    expect(onDisk.subarray(0, 5).toString()).toBe('SOPA1');
    expect(onDisk.includes(Buffer.from('KTP-MARKER-5171'))).toBe(false);
    expect(onDisk.includes(photo.subarray(1000, 1064))).toBe(false);
  });

  it('goes by the content, not the name or the type the browser sent: a PNG named .pdf is a PNG', async () => {
    const res = await publicUpload('ktp', { body: png(), filename: 'surat.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'image/png', name: 'surat.pdf.png' });
  });

  it('takes a phone camera photo sent without a type', async () => {
    const res = await publicUpload('ktp', { body: jpeg(), filename: 'IMG_20261204_101500.jpg', contentType: 'application/octet-stream' });
    expect(res.status).toBe(201);
    expect(res.body.type).toBe('image/jpeg');
  });

  it('refuses a kind the field does not take, naming the field, what it takes and what was sent (415)', async () => {
    const before = await stored();
    const asLetter = await publicUpload('surat', { body: png(), filename: 'surat.pdf', contentType: 'application/pdf' });
    expect(asLetter.status).toBe(415);
    expect(asLetter.body).toMatchObject({
      statusCode: 415,
      message: expect.stringContaining('"Surat pengantar" takes PDF files; this is a PNG file'),
      messageId: '"Surat pengantar" hanya menerima berkas PDF; yang dikirim berkas PNG',
      accept: ['application/pdf'],
      detected: 'image/png',
    });
    const page = await publicUpload('ktp', { body: html(), filename: 'ktp.jpg', contentType: 'image/jpeg' });
    expect(page.status).toBe(415);
    expect(page.body.message).toContain(
      '"Foto KTP" takes JPEG, PNG or PDF files; this is a file of a kind it does not take (its name says "ktp.jpg", sent as image/jpeg)',
    );
    expect(page.body.messageId).toBe('"Foto KTP" hanya menerima berkas JPEG, PNG atau PDF; yang dikirim berkas yang jenisnya tidak diterima');
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the limit while it streams, and keeps nothing of it (413)', async () => {
    const before = await stored();
    // a little over: counted as it streams, refused at the first byte past the limit
    const big = await publicUpload('ktp', { body: jpeg(MB + 20_000), filename: 'ktp-besar.jpg' });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({
      statusCode: 413,
      message:
        '"Foto KTP" takes files of at most 1 MB; the file sent is more than 1 MB: send a smaller file (a photo at a lower resolution, or a scan in fewer pages)',
      messageId: '"Foto KTP" menerima berkas paling besar 1 MB; berkas yang dikirim lebih dari 1 MB: kirim berkas yang lebih kecil',
      maxSizeMb: 1,
    });
    const letter = await publicUpload('surat', { body: pdf(150_000), filename: 'surat.pdf', contentType: 'application/pdf' });
    expect(letter.status).toBe(413);
    expect(letter.body.message).toContain('"Surat pengantar" takes files of at most 0.1 MB');
    expect(letter.body.messageId).toContain('paling besar 0,1 MB');
    // a body that says up front it is far too large is refused without being parsed
    const huge = await publicUpload('ktp', { body: jpeg(8 * MB), filename: 'huge.jpg' });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toContain('the file sent is about 8 MB');
    expect(await stored()).toEqual(before);
  });

  it('takes a file of exactly the limit', async () => {
    const res = await publicUpload('ktp', { body: jpeg(1 * MB) });
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(MB);
  });

  it.each([
    ['../../etc/passwd', 'passwd.jpg'],
    ['..\\..\\data-key', 'data-key.jpg'],
    ['ktp\u0000.php', 'ktp.php.jpg'],
    ['foto\u202egpj.exe', 'fotogpj.exe.jpg'],
    ['/', 'lampiran.jpg'],
    ['Surat Keterangan Pindah – Ni Luh.JPG', 'Surat Keterangan Pindah – Ni Luh.JPG'],
  ])('stores the name %j as %j', async (name, expected) => {
    const before = await stored();
    const res = await publicUpload('ktp', [{ name: 'file', filenameStar: name, contentType: 'image/jpeg', body: jpeg() }]);
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(expected);
    expect((await stored()).filter((f) => !before.includes(f))).toEqual([expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{32}$/)]);
  });

  it('says what is wrong with a request that is not an upload of one file (400)', async () => {
    const cases: Array<[Parameters<typeof upload>[2], string]> = [
      [[{ name: 'file', filename: 'kosong.jpg', contentType: 'image/jpeg', body: Buffer.alloc(0) }], 'the file sent for "Foto KTP" is empty (0 bytes)'],
      [[{ name: 'berkas', filename: 'ktp.jpg', contentType: 'image/jpeg', body: jpeg() }], 'send the file in a part named "file"'],
      [
        [
          { name: 'file', filename: 'a.jpg', body: jpeg() },
          { name: 'file', filename: 'b.jpg', body: jpeg() },
        ],
        'send one file per upload',
      ],
      [[{ name: 'catatan', body: 'tanpa berkas' }], 'no file was sent'],
      // what a browser sends when no file was chosen
      [
        [{ name: 'file', filename: '', contentType: 'application/octet-stream', body: '' }],
        'the file sent for "Foto KTP" is empty (0 bytes): choose the file again',
      ],
      // a raw NUL in a part header is no multipart at all (a browser percent-encodes it, as above): the name is what to change
      [
        [{ name: 'file', filename: 'ktp\u0000.php', contentType: 'image/jpeg', body: jpeg() }],
        'the file name holds a character a part header cannot carry (a NUL byte or another control character): rename the file',
      ],
    ];
    for (const [parts, message] of cases) {
      const res = await publicUpload('ktp', parts);
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: expect.stringContaining(message) });
    }
    const json = await client.request('POST', '/api/public/attachments?sop=contoh&field=ktp', { body: { file: 'aGVsbG8=' } });
    expect(json.status).toBe(400);
    expect(json.body.message).toContain('send the file as multipart/form-data');
  });

  it('names the SOP or field that is not there, and lists the file fields (400)', async () => {
    const unknownSop = await publicUpload('ktp', { body: jpeg() }, 'tidak-ada');
    expect(unknownSop.status).toBe(400);
    expect(unknownSop.body.errors).toEqual([
      { field: 'sop', message: expect.stringContaining('sop: "tidak-ada" is not a published SOP'), messageId: 'SOP tidak dikenal' },
    ]);
    const textField = await publicUpload('nama', { body: jpeg() });
    expect(textField.status).toBe(400);
    expect(textField.body.errors[0]).toMatchObject({
      field: 'field',
      message: 'field: "nama" is not a file field of the form of contoh (its file fields: ktp, surat)',
    });
    const noFileFields = await publicUpload('isi-pengaduan', { body: jpeg() }, 'buleleng');
    expect(noFileFields.body.errors[0].message).toContain('its form has no file field');
  });

  it('also takes the SOP and field as parts before the file', async () => {
    const res = await upload(client, '/api/public/attachments', [
      { name: 'sop', body: 'contoh' },
      { name: 'field', body: 'surat' },
      { name: 'file', filename: 'surat.pdf', contentType: 'application/pdf', body: pdf() },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ field: 'surat', type: 'application/pdf' });
  });
});

describe("an officer's file for an event", () => {
  it('needs a signed-in officer', async () => {
    const res = await upload(client, '/api/attachments', { body: jpeg() });
    expect(res.status).toBe(401);
  });

  it('takes JPEG, PNG or PDF up to ATTACHMENT_EVENT_MAX_MB', async () => {
    const ok = await upload(client, '/api/attachments', { body: pdf(), filename: 'berita-acara.pdf', contentType: 'application/pdf' }, { as: 'contoh.kasi' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ token: expect.stringMatching(TOKEN), name: 'berita-acara.pdf', type: 'application/pdf', field: null });
    const big = await upload(client, '/api/attachments', { body: pdf(1.2 * MB) }, { as: 'contoh.kasi' });
    expect(big.status).toBe(413);
    expect(big.body.message).toContain('"file" takes files of at most 1 MB');
    const page = await upload(client, '/api/attachments', { body: html(), filename: 'x.pdf', contentType: 'application/pdf' }, { as: 'contoh.kasi' });
    expect(page.status).toBe(415);
  });
});

describe('reading the files of a case', () => {
  let caseId: string;
  let ticket: string;
  let ktpToken: string;
  let staleToken: string;
  let staleKey: string;
  const photo = jpeg(300_000, 'KTP-WAYAN-SUDARMA');

  beforeAll(async () => {
    const up = await publicUpload('ktp', { body: photo, filename: 'KTP Wayan.jpg' });
    ktpToken = up.body.token;
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'contoh', data: { nama: 'Wayan Sudarma', isi: 'KTP saya hilang', ktp: ktpToken } },
    });
    expect(filed.status).toBe(201);
    ticket = filed.body.ticket;
    const inbox = await client.request('GET', `/api/cases?ticket=${ticket}`, { as: 'contoh.petugas' });
    caseId = inbox.body.items[0].id;
    const stale = await publicUpload('surat', { body: pdf(), filename: 'lama.pdf', contentType: 'application/pdf' });
    staleToken = stale.body.token;
    // until the case writes claim files themselves (attachments-filing.int-spec.ts), claim it here; and age another upload past 25 h
    staleKey = await withApiStopped(async () => {
      await db.sql('UPDATE attachments SET case_id = $1, claimed_at = now() WHERE token = $2 AND case_id IS NULL', [caseId, ktpToken]);
      const rows = await db.sql<{ storage_key: string }>(
        "UPDATE attachments SET created_at = now() - interval '26 hours' WHERE token = $1 RETURNING storage_key",
        [staleToken],
      );
      return rows[0].storage_key;
    });
  });

  it('lists them to the intake lane, with the field they were filed under', async () => {
    const res = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.petugas' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        field: 'ktp',
        fieldLabel: 'Foto KTP',
        kartuSeq: null,
        name: 'KTP Wayan.jpg',
        type: 'image/jpeg',
        size: 300_000,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        uploadedAt: expect.any(String),
        byOfficer: false,
        download: `/api/cases/${caseId}/attachments/${res.body.items[0].id}`,
      },
    ]);
  });

  it('gives the file as it was sent, as a download that the browser does not sniff; the download is in the audit log', async () => {
    const list = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.petugas' });
    const res = await fetch(client.url + list.body.items[0].download, { headers: { authorization: `Bearer ${await client.token('contoh.petugas')}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="KTP Wayan.jpg"; filename*=UTF-8''KTP%20Wayan.jpg`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const audit = await client.request('GET', '/api/admin/audit?action=attachment.download', { as: 'admin.contoh' });
    expect(audit.status).toBe(200);
    expect(audit.body.items ?? audit.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'attachment.download', actor: 'contoh.petugas', target: ticket })]),
    );
  });

  it('refuses the lanes that may not see the identity, other regencies and everyone signed out', async () => {
    const kasi = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.kasi' });
    expect(kasi.status).toBe(403);
    expect(kasi.body.message).toContain('only lanes petugas may see them');
    const list = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.petugas' });
    const one = list.body.items[0].download;
    expect((await client.request('GET', one, { as: 'contoh.kasi' })).status).toBe(403);
    expect((await client.request('GET', one, { as: 'metro.petugas' })).status).toBe(403);
    expect((await client.request('GET', one)).status).toBe(401);
    expect((await client.request('GET', `/api/cases/${caseId}/attachments/00000000-0000-4000-8000-000000000000`, { as: 'contoh.petugas' })).status).toBe(404);
    expect((await client.request('GET', `/api/cases/${caseId}/attachments/..%2F..%2Fdata-key`, { as: 'contoh.petugas' })).status).toBe(400);
  });

  it('never shows them on the public ticket page, and the masked form shows a placeholder', async () => {
    const seen = await client.request('GET', `/api/public/complaints/${ticket}`);
    expect(seen.status).toBe(200);
    const text = JSON.stringify(seen.body);
    for (const secret of [ktpToken, 'KTP Wayan', 'attachments', 'lampiran']) expect(text).not.toContain(secret);
    const detail = await client.request('GET', `/api/cases/${caseId}`, { as: 'contoh.kasi' });
    expect(JSON.stringify(detail.body)).not.toContain(ktpToken);
    expect(JSON.stringify(detail.body)).toContain('[lampiran]');
  });

  it('removes an upload no complaint claimed within 24 hours, its file too; a claimed one stays', async () => {
    const path = join(dataDir, 'attachments', staleKey.slice(0, 2), staleKey);
    for (let i = 0; i < 100 && (await stored()).some((f) => f.endsWith(staleKey)); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await stored()).some((f) => f.endsWith(staleKey))).toBe(false);
    expect(path).toContain(staleKey);
    const list = await client.request('GET', `/api/cases/${caseId}/attachments`, { as: 'contoh.petugas' });
    expect(list.body.items).toHaveLength(1);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data: { nama: 'Wayan', isi: 'KTP', ktp: staleToken } } });
    // the token's shape is right; whether it can still be claimed is the case write's check (attachments-filing.int-spec.ts)
    expect([201, 400]).toContain(filed.status);
  });
});

describe('uploads per address', () => {
  it('are limited like complaints: past ATTACHMENT_IP_LIMIT, 429 with Retry-After and a message in Indonesian', async () => {
    await withApiStopped(async () => undefined, { ATTACHMENT_IP_LIMIT: '2' });
    expect((await publicUpload('ktp', { body: jpeg() })).status).toBe(201);
    expect((await publicUpload('ktp', { body: html() })).status).toBe(415); // refused ones count too
    const third = await publicUpload('ktp', { body: jpeg() });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(third.body.messageId).toMatch(/^terlalu banyak berkas diunggah dari alamat Anda: coba lagi dalam/);
  });
});
