import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';

/**
 * The SP4N-LAPOR! exchange (docs/integrations-open311-lapor.md): batches of reports exported from
 * LAPOR! become cases on the SOP's LAPOR! channel, all or nothing, once per tracking id; their status
 * goes back in the same shape. The SOP is the fixture two-ways-in.yaml as "contoh" (its LAPOR!
 * channel is on the online path, whose desk is contoh.admin; the walk-in desk is contoh.fo).
 */

const CLOCK_START = '2026-03-10T09:00:00+07:00'; // a Tuesday morning
const DESK = 'contoh.admin';
const ADMIN = 'admin.contoh';
const HEADER = 'tracking_id,title,content,category,disposition,status\r\n';

let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/two-ways-in.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const importBatch = (content: string, format: 'csv' | 'json' = 'csv', as = DESK, sop = 'contoh') =>
  client.request('POST', `/api/lapor/${sop}/imports`, { as, body: { format, content } });
const inboxTotal = async () => (await client.request('GET', '/api/cases?pageSize=100', { as: DESK })).body.total as number;
const updates = (query: string, as = DESK) => client.request('GET', `/api/lapor/contoh/updates?${query}`, { as });

describe('importing a batch from SP4N-LAPOR!', () => {
  const batch = `${HEADER}4412001,KTP-el belum jadi,"Sudah tiga bulan, belum ada kabar",Administrasi Kependudukan,Dinas Dukcapil Kota Contoh,Terdisposisi\r\n4412002,Akta salah tulis,Nama ayah salah,Administrasi Kependudukan,Dinas Dukcapil Kota Contoh,Terverifikasi\r\n`;
  let tickets: string[];

  it("opens a case per report on the LAPOR! channel, at the online desk, keeping LAPOR!'s tracking id", async () => {
    const res = await importBatch(batch);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sop: 'contoh', channel: 'lapor', imported: 2, skipped: 0 });
    tickets = res.body.rows.map((r: { ticket: string }) => r.ticket);
    expect(res.body.rows).toEqual([
      { row: 1, trackingId: '4412001', result: 'imported', ticket: expect.stringMatching(/^CON-/) },
      { row: 2, trackingId: '4412002', result: 'imported', ticket: expect.stringMatching(/^CON-/) },
    ]);
    const inbox = await client.request('GET', '/api/cases?channel=lapor', { as: DESK });
    expect(inbox.body.items.map((i: { ticket: string }) => i.ticket).sort()).toEqual([...tickets].sort());
    expect(inbox.body.items[0]).toMatchObject({ channel: 'lapor', lane: 'admin', step: { id: 'admin-verifikasi' }, category: 'Administrasi Kependudukan' });
    const detail = await client.request('GET', `/api/cases/${inbox.body.items.find((i: { ticket: string }) => i.ticket === tickets[0]).id}`, { as: DESK });
    expect(detail.body.form.fields.find((f: { id: string }) => f.id === 'isi').value).toBe('KTP-el belum jadi\n\nSudah tiga bulan, belum ada kabar');
    expect(detail.body.kartuKendali[0]).toMatchObject({ event: 'START', note: 'Diimpor dari SP4N-LAPOR! oleh Admin Pengaduan Online (Kota Contoh)' });
    // the walk-in desk never sees them
    const walkIn = await client.request('GET', '/api/cases', { as: 'contoh.fo' });
    expect(walkIn.body.items).toEqual([]);
  });

  it('changes nothing when the same batch comes again: each report is skipped with its ticket', async () => {
    const before = await inboxTotal();
    const again = await importBatch(batch);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });
    expect(again.body.rows).toEqual([
      {
        row: 1,
        trackingId: '4412001',
        result: 'skipped',
        ticket: tickets[0],
        reason: 'already imported: nothing changed',
        reasonId: 'sudah pernah diimpor: tidak ada yang diubah',
      },
      {
        row: 2,
        trackingId: '4412002',
        result: 'skipped',
        ticket: tickets[1],
        reason: 'already imported: nothing changed',
        reasonId: 'sudah pernah diimpor: tidak ada yang diubah',
      },
    ]);
    expect(await inboxTotal()).toBe(before);
  });

  it('refuses a mixed batch whole, listing the bad rows, and writes none of the good ones', async () => {
    const before = await inboxTotal();
    const mixed = `${HEADER}4412003,Baik,Isi yang baik,,,\r\n4412004,,Tanpa judul,,,\r\n4412005,Juga baik,Isi,,,\r\n44 12006,Judul,Isi,,,\r\n`;
    const res = await importBatch(mixed);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('the batch was not imported (nothing was written): 2 rows have problems; correct them and send the whole batch again');
    expect(res.body.messageId).toBe('kiriman tidak diimpor (tidak ada yang ditulis): 2 baris bermasalah; perbaiki lalu kirim ulang seluruh kiriman');
    expect(res.body.errors).toEqual([
      { row: 2, field: 'rows[2].title', message: 'title is missing', messageId: 'judul wajib diisi' },
      {
        row: 4,
        field: 'rows[4].tracking_id',
        message: '"44 12006" is not a LAPOR! tracking id: letters and digits (also . _ / -), at most 64',
        messageId: '"44 12006" bukan nomor tracking LAPOR!: hanya huruf dan angka (juga . _ / -), paling banyak 64 karakter',
      },
    ]);
    expect(await inboxTotal()).toBe(before);
    // corrected, the same batch goes in
    const fixed = await importBatch(mixed.replace('4412004,,', '4412004,Dengan judul,').replace('44 12006', '4412006'));
    expect(fixed.body).toMatchObject({ imported: 4, skipped: 0 });
  });

  it("takes LAPOR!'s JSON too; skips reports closed in LAPOR! and a tracking id repeated in the batch", async () => {
    const reports = [
      { 'Tracking ID': '4412101', Judul: 'Antrian', 'Isi Laporan': 'Antrian lama', Kategori: 'Pelayanan', Disposisi: 'Dukcapil', Status: 'Terdisposisi' },
      { 'Tracking ID': '4412102', Judul: 'Sudah beres', 'Isi Laporan': 'Terima kasih', Status: 'Selesai' },
      { 'Tracking ID': '4412101', Judul: 'Antrian', 'Isi Laporan': 'Antrian lama' },
    ];
    const res = await importBatch(JSON.stringify(reports), 'json');
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { result: string; reason?: string; reasonId?: string }) => [r.result, r.reason ?? null, r.reasonId ?? null])).toEqual([
      ['imported', null, null],
      ['skipped', 'closed in LAPOR! (status "Selesai"): not opened as a case', 'sudah ditutup di LAPOR! (status "Selesai"): tidak dibuka sebagai pengaduan'],
      ['skipped', 'the tracking id is repeated in this batch (row 1)', 'nomor tracking ini sudah ada di baris 1 kiriman ini'],
    ]);
  });

  it('is for the administrator and the desk that receives LAPOR! reports, and is audited', async () => {
    expect((await importBatch(`${HEADER}4412201,a,b,,,\r\n`, 'csv', 'contoh.fo')).status).toBe(403);
    expect((await importBatch(`${HEADER}4412201,a,b,,,\r\n`, 'csv', 'contoh.kasi')).status).toBe(403);
    expect((await importBatch(`${HEADER}4412201,a,b,,,\r\n`, 'csv', 'admin.metro')).status).toBe(403);
    expect((await client.request('POST', '/api/lapor/contoh/imports', { body: { format: 'csv', content: HEADER } })).status).toBe(401);
    const byAdmin = await importBatch(`${HEADER}4412201,a,b,,,\r\n`, 'csv', ADMIN);
    expect(byAdmin.body).toMatchObject({ imported: 1 });
    const audit = await client.request('GET', '/api/admin/audit?action=lapor.import', { as: ADMIN });
    expect(audit.body.items[0]).toMatchObject({
      action: 'lapor.import',
      actor: ADMIN,
      regency: 'contoh',
      details: { format: 'csv', reports: 1, imported: 1, skipped: 0 },
    });
  });

  it('an SOP without a LAPOR! channel says how to add one', async () => {
    const res = await importBatch(`${HEADER}1,a,b,,,\r\n`, 'csv', 'admin.metro', 'metro');
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/has no SP4N-LAPOR! channel.*kind: lapor/);
  });
});

describe('status updates back to LAPOR!', () => {
  it('lists what changed since a date in the LAPOR! shape, and follows an officer reply', async () => {
    const since = encodeURIComponent('2026-03-01T00:00:00+07:00');
    const first = await updates(`since=${since}`);
    expect(first.status).toBe(200);
    const one = first.body.items.find((u: { tracking_id: string }) => u.tracking_id === '4412001');
    expect(one).toEqual({
      tracking_id: '4412001',
      title: 'KTP-el belum jadi',
      category: 'Administrasi Kependudukan',
      disposition: 'Dinas Dukcapil Kota Contoh',
      status: 'Belum Ditindaklanjuti',
      status_notes: expect.stringMatching(/^Sedang diproses/),
      ticket: expect.stringMatching(/^CON-/),
      updated_at: expect.any(String),
    });
    const found = await client.request('GET', `/api/cases?ticket=${one.ticket}`, { as: DESK });
    const moved = await client.request('POST', `/api/cases/${found.body.items[0].id}/events`, {
      as: DESK,
      body: { type: 'COMPLETE', version: 1, reply: 'Pengaduan diteruskan ke Kasi untuk ditindaklanjuti.' },
    });
    expect(moved.status).toBe(200);
    const later = await updates(`since=${encodeURIComponent(one.updated_at)}`);
    const changed = later.body.items.map((u: { tracking_id: string }) => u.tracking_id);
    // the report the office acted on is there again; its batch mate, untouched since, is not
    expect(changed).toContain('4412001');
    expect(changed).not.toContain('4412002');
    expect(later.body.items.find((u: { tracking_id: string }) => u.tracking_id === '4412001')).toMatchObject({
      status: 'Sedang Diproses',
      status_notes: expect.stringMatching(/Tanggapan terakhir: Pengaduan diteruskan ke Kasi/),
    });
    // pages follow each other without repeats
    const page1 = await updates(`since=${since}&limit=3`);
    const page2 = await updates(`since=${since}&limit=3&after=${encodeURIComponent(page1.body.next)}`);
    const ids = [...page1.body.items, ...page2.body.items].map((u: { tracking_id: string }) => u.tracking_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(Math.min(6, first.body.items.length));
  });

  it('as CSV: the field names, then one line per report', async () => {
    const res = await client.request('GET', `/api/lapor/contoh/updates?since=${encodeURIComponent('2026-03-01T00:00:00Z')}&format=csv`, { as: DESK });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('tracking_id,title,category,disposition,status,status_notes,ticket,updated_at');
    expect(lines.some((l) => l.startsWith('4412001,KTP-el belum jadi,Administrasi Kependudukan,Dinas Dukcapil Kota Contoh,Sedang Diproses,'))).toBe(true);
  });

  it('is refused to lanes that do not receive LAPOR! reports', async () => {
    expect((await updates('since=2026-03-01', 'contoh.kasi')).status).toBe(403);
  });
});

describe('hostile and malformed input is refused whole, writing nothing', () => {
  const expect400 = (res: Reply, field: string | RegExp, message: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: typeof field === 'string' ? field : expect.stringMatching(field), message: expect.stringMatching(message) }),
      ]),
    );
  };

  it('NUL, lone surrogates, control characters, broken CSV, wrong formats, huge bodies', async () => {
    const before = await inboxTotal();
    const raw = (body: string) => client.request('POST', '/api/lapor/contoh/imports', { as: DESK, rawBody: body });
    expect400(await raw(JSON.stringify({ format: 'csv', content: `${HEADER}1,a\u0000,b,,,\r\n` })), 'content', /NUL/);
    expect400(await raw(`{"format":"csv","content":"${HEADER.replace(/\r\n/g, '\\r\\n')}1,a\\ud800,b,,,"}`), 'content', /lone surrogate/);
    expect400(await importBatch(`${HEADER}1,a\u0007b,c,,,\r\n`), 'rows[1].title', /control characters/);
    expect400(await importBatch(`${HEADER}1,"a,b,,,\r\n`), 'content', /line 2: a quoted field is not closed/);
    expect400(await importBatch('[', 'json'), 'content', /not valid JSON/);
    expect400(await client.request('POST', '/api/lapor/contoh/imports', { as: DESK, body: { format: 'xml', content: '<a/>' } }), 'format', /csv or json/);
    expect400(await client.request('POST', '/api/lapor/contoh/imports', { as: DESK, body: { format: 'csv' } }), 'content', /content is missing/);
    const deep = JSON.stringify(Array.from({ length: 1 }, () => ({}))).replace('{}', `${'['.repeat(100)}${']'.repeat(100)}`);
    expect400(await importBatch(deep, 'json'), 'rows[1].report', /must be an object/);
    const many = JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ tracking_id: String(i + 1), title: 't', content: 'c' })));
    expect400(await importBatch(many, 'json'), 'content', /more than 5000 reports/);
    const rows = Array.from({ length: 5001 }, (_, i) => `${i + 1},t,c,,,`).join('\r\n');
    expect400(await importBatch(`${HEADER}${rows}\r\n`), 'content', /more than 5000 reports/);
    expect((await importBatch(`${HEADER}1,t,${'x'.repeat(1_100_000)},,,\r\n`)).status).toBe(413);
    expect400(await updates('since=yesterday'), 'since', /ISO 8601/);
    expect400(await updates('since=2026-03-01&after=x'), 'after', /cursor/);
    expect400(await updates('since=2026-03-01&format=csv&limit=5'), 'limit', /not paged|every update/);
    expect((await client.request('POST', '/api/lapor/Bad%20Id/imports', { as: DESK, body: { format: 'csv', content: HEADER } })).status).toBe(400);
    expect(await inboxTotal()).toBe(before);
  });
});
