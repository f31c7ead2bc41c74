import { ApiClient, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The office's own reply templates (issue 11): a regency's administrator and SOP author manage them,
 * every officer of the regency reads them for the reply picker, other regencies are refused, bad
 * input is a 400 naming the field and changes nothing, a title is unique within its regency.
 */

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: '2026-03-10T09:00:00+07:00' });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api.stop();
  await db.drop();
});

const READY = { title: 'Dokumen siap diambil', body: 'Dokumen untuk pengaduan {tiket} sudah dapat diambil di {kantor}.' };

describe('reply templates of one regency', () => {
  let id: string;

  it('the administrator adds one; every officer of the regency reads it, and may not edit', async () => {
    const created = await client.request('POST', '/api/reply-templates/metro', { as: 'admin.metro', body: READY });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ regency: 'metro', title: READY.title, body: READY.body, createdBy: 'admin.metro' });
    id = created.body.id;

    const read = await client.request('GET', '/api/reply-templates/metro', { as: 'metro.petugas' });
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect(read.body.items.map((t: { title: string }) => t.title)).toEqual([READY.title]);

    const byOfficer = await client.request('POST', '/api/reply-templates/metro', { as: 'metro.petugas', body: { title: 'Lain', body: 'Teks' } });
    expect(byOfficer.status).toBe(403);
  });

  it('the SOP author edits it and adds another; the list is in title order', async () => {
    const changed = await client.request('PUT', `/api/reply-templates/metro/${id}`, {
      as: 'metro.penyusun',
      body: { title: '  Dokumen   siap ', body: 'Dokumen {tiket} siap.' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Dokumen siap', body: 'Dokumen {tiket} siap.', updatedBy: 'metro.penyusun' });
    const added = await client.request('POST', '/api/reply-templates/metro', {
      as: 'metro.penyusun',
      body: { title: 'Berkas kurang', body: 'Mohon lengkapi berkas.' },
    });
    expect(added.status).toBe(201);
    const list = await client.request('GET', '/api/reply-templates/metro', { as: 'metro.penyusun' });
    expect(list.body.canEdit).toBe(true);
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['Berkas kurang', 'Dokumen siap']);
  });

  it('another regency is refused with 403, reading or writing, and learns nothing', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/reply-templates/metro', undefined],
      ['POST', '/api/reply-templates/metro', READY],
      ['PUT', `/api/reply-templates/metro/${id}`, READY],
      ['DELETE', `/api/reply-templates/metro/${id}`, undefined],
    ] as const) {
      const r = await client.request(method, path, { as: 'admin.brebes', ...(body ? { body } : {}) });
      expect({ method, status: r.status }).toEqual({ method, status: 403 });
    }
    // the template of metro is not reachable through brebes' path either
    const through = await client.request('PUT', `/api/reply-templates/brebes/${id}`, { as: 'admin.brebes', body: READY });
    expect(through.status).toBe(404);
    const still = await client.request('GET', '/api/reply-templates/metro', { as: 'admin.metro' });
    expect(still.body.items.find((t: { id: string }) => t.id === id)).toMatchObject({ title: 'Dokumen siap' });
  });

  it('the platform administrator manages any regency', async () => {
    const r = await client.request('POST', '/api/reply-templates/brebes', { as: 'admin', body: READY });
    expect(r.status).toBe(201);
    expect((await client.request('GET', '/api/reply-templates/brebes', { as: 'brebes.penyusun' })).body.items).toHaveLength(1);
  });

  it('a title taken in the regency is a 409, whatever its case; the same title in another regency is fine', async () => {
    const again = await client.request('POST', '/api/reply-templates/metro', { as: 'admin.metro', body: { title: 'DOKUMEN SIAP', body: 'Lain.' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('Dokumen siap'.toUpperCase());
    expect(again.body.messageId).toBe('metro sudah memiliki templat berjudul "DOKUMEN SIAP": pilih judul lain atau ubah templat itu');
    const rename = await client.request('PUT', `/api/reply-templates/metro/${id}`, { as: 'admin.metro', body: { title: 'berkas kurang', body: 'x' } });
    expect(rename.status).toBe(409);
    const elsewhere = await client.request('POST', '/api/reply-templates/brebes', { as: 'admin.brebes', body: { title: 'Berkas kurang', body: 'Lain.' } });
    expect(elsewhere.status).toBe(201);
    const list = await client.request('GET', '/api/reply-templates/metro', { as: 'admin.metro' });
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['Berkas kurang', 'Dokumen siap']);
  });

  it.each([
    ['no title', { body: 'Teks' }, 'title', /^belum ada: judul templat wajib diisi sebagai teks$/],
    ['an empty body', { title: 'Kosong', body: '   ' }, 'body', /^isi templat wajib diisi: masih kosong$/],
    ['a title too long', { title: 'x'.repeat(121), body: 'Teks' }, 'title', /^judul templat paling panjang 120 karakter \(tertulis 121\)$/],
    ['a body too long', { title: 'Panjang', body: 'x'.repeat(2001) }, 'body', /^isi templat paling panjang 2000 karakter/],
    ['a NUL character', { title: 'Nul', body: 'a\u0000b' }, 'body', /^isian body memuat karakter NUL \(\\u0000\) di posisi ke-2: hapus karakter itu$/],
    ['a lone surrogate', { title: 'Sur\ud800', body: 'Teks' }, 'title', /^isian title memuat karakter yang rusak \(surrogate tunggal \\ud800\) di posisi ke-4/],
    ['a number for a title', { title: 5, body: 'Teks' }, 'title', /^judul templat wajib diisi sebagai teks$/],
  ])('%s is a 400 naming the field, in both languages, and nothing is saved', async (_what, body, field, worded) => {
    const r = await client.request('POST', '/api/reply-templates/metro', { as: 'admin.metro', body });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field, messageId: expect.stringMatching(worded) })]);
    const list = await client.request('GET', '/api/reply-templates/metro', { as: 'admin.metro' });
    expect(list.body.items).toHaveLength(2);
  });

  it('a bad id is a 400, an unknown regency a 404 (or 403 when it is not the user’s)', async () => {
    expect((await client.request('PUT', '/api/reply-templates/metro/not-an-id', { as: 'admin.metro', body: READY })).status).toBe(400);
    expect((await client.request('GET', '/api/reply-templates/Metro!', { as: 'admin' })).status).toBe(400);
    expect((await client.request('GET', '/api/reply-templates/atlantis', { as: 'admin' })).status).toBe(404);
    expect((await client.request('GET', '/api/reply-templates/atlantis', { as: 'admin.metro' })).status).toBe(403);
  });

  it('deleting one removes it; the change is in the audit log', async () => {
    const del = await client.request('DELETE', `/api/reply-templates/metro/${id}`, { as: 'admin.metro' });
    expect(del.status).toBe(204);
    expect((await client.request('DELETE', `/api/reply-templates/metro/${id}`, { as: 'admin.metro' })).status).toBe(404);
    const list = await client.request('GET', '/api/reply-templates/metro', { as: 'metro.petugas' });
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['Berkas kurang']);
    const audit = await client.request('GET', '/api/admin/audit?regency=metro', { as: 'admin.metro' });
    const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['template.create', 'template.update', 'template.delete']));
  });
});
