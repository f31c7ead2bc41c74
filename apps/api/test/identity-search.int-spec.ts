import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Issue 11, operators: search by NIK or phone through a blind index (docs/adr/0023), the duplicate
 * warning, and what an officer's registration records (the caller's words, when it was received, a
 * NIK accepted against a rule with a reason).
 */

// A Tuesday morning (a working day)
const CLOCK_START = '2026-03-10T09:00:00+07:00';
const NIK = '1471016107850001';
const PHONE = '+62 813 7654 3210';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

const start = async () => {
  api = await startApi(db, { SOP_CLOCK_START: new Date(CLOCK_START).toISOString() });
  client = new ApiClient(api.url);
};

beforeAll(async () => {
  db = await createTestDatabase();
  await start();
});

afterAll(async () => {
  await api.stop();
  await db.drop();
});

async function file(sop: string, data: Record<string, string>): Promise<{ id: string; ticket: string; body: Record<string, unknown> }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data } });
  expect(filed.status).toBe(201);
  const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}&pageSize=1`, {
    as: `${sop}.${sop === 'pekanbaru' ? 'fo-operator' : 'petugas'}`,
  });
  return { id: found.body.items[0]?.id as string, ticket: filed.body.ticket as string, body: filed.body };
}

const search = (as: string, body: unknown) => client.request('POST', '/api/cases/search', { as, body });
const tickets = (res: { body: { items: { ticket: string }[] } }) => res.body.items.map((i) => i.ticket).sort();

describe('search by NIK or phone, and the duplicate warning', () => {
  let first: { id: string; ticket: string; body: Record<string, unknown> };
  let second: { id: string; ticket: string; body: Record<string, unknown> };
  let other: { id: string; ticket: string };
  let metro: { id: string; ticket: string };

  beforeAll(async () => {
    first = await file('pekanbaru', { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': NIK, 'nomor-telpon': PHONE });
    // the same person from another phone form (0…), with another NIK written on the form
    second = await file('pekanbaru', { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': '1471015505900002', 'nomor-telpon': '0813-7654-3210' });
    other = await file('pekanbaru', { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': '1471011202880003', 'nomor-telpon': '0811 2222 3333' });
    metro = await file('metro', { ...SAMPLE_COMPLAINTS.metro, telepon: '0813 7654 3210' });
  });

  it('finds the complaints of one phone number however it is written, and of one NIK, in the regency only', async () => {
    for (const phone of ['081376543210', '+62 813-7654-3210', '6281376543210']) {
      const res = await search('pekanbaru.fo-operator', { phone });
      expect(res.status).toBe(200);
      expect(tickets(res)).toEqual([first.ticket, second.ticket].sort());
      expect(res.body.items[0].matchedBy).toEqual(['phone']);
    }
    const byNik = await search('pekanbaru.fo-operator', { nik: '1471.0161.0785.0001' });
    expect(tickets(byNik)).toEqual([first.ticket]);
    const both = await search('pekanbaru.fo-operator', { nik: NIK, phone: PHONE });
    expect(both.body.items.find((i: { ticket: string }) => i.ticket === first.ticket).matchedBy).toEqual(['nik', 'phone']);
    expect(tickets(both)).not.toContain(other.ticket);
    // Metro's case with the same phone is Metro's
    expect(tickets(await search('metro.petugas', { phone: PHONE }))).toEqual([metro.ticket]);
    // the database holds no NIK in the index columns, only keyed hashes
    const stored = await client.request('GET', `/api/cases/${first.id}`, { as: 'pekanbaru.fo-operator' });
    expect(JSON.stringify(stored.body)).not.toContain('nik_hash');
  });

  it('refuses an identity search to a lane that may not see identity (403), and audits every search without the value', async () => {
    const refused = await search('pekanbaru.kepala-dinas', { nik: NIK });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('fo-operator');
    const audit = await client.request('GET', '/api/admin/audit?action=identity.search', { as: 'admin.pekanbaru' });
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(5);
    expect(audit.body.items[0]).toMatchObject({ actor: 'pekanbaru.fo-operator', regency: 'pekanbaru', details: { by: ['nik', 'phone'], found: 2 } });
    const everything = JSON.stringify(audit.body) + api.logs.join('\n');
    for (const value of [NIK, '1471.0161.0785.0001', '81376543210', '813-7654-3210']) expect(everything).not.toContain(value);
  });

  it('refuses hostile searches with 400, saying which field and why', async () => {
    const cases: [unknown, string][] = [
      [{}, 'nik'],
      [{ nik: 'abc' }, 'nik'],
      [{ nik: "1' OR '1'='1" }, 'nik'],
      [{ nik: '1'.repeat(41) }, 'nik'],
      [{ phone: '12' }, 'phone'],
      [{ phone: ['0812'] }, 'phone'],
      [{ nik: NIK, page: 0 }, 'page'],
      [{ nik: NIK, pageSize: 1000 }, 'pageSize'],
      [{ nik: NIK, status: 'all' }, 'status'],
      [{ nik: NIK, sql: 'drop' }, 'sql'],
    ];
    for (const [body, field] of cases) {
      const res = await search('pekanbaru.fo-operator', body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body.message)).toContain(field);
    }
    for (const [body] of cases) expect((await client.request('POST', '/api/cases/duplicates', { as: 'pekanbaru.fo-operator', body })).status).toBe(400);
    expect((await client.request('GET', '/api/cases/not-a-uuid/duplicates', { as: 'pekanbaru.fo-operator' })).status).toBe(400);
  });

  it('warns at registration and on the case page of a recent filing by the same NIK or phone; links only for lanes that may see identity', async () => {
    const check = await client.request('POST', '/api/cases/duplicates', { as: 'pekanbaru.fo-operator', body: { phone: '0813 7654 3210' } });
    expect(check.status).toBe(200);
    expect(check.body.windowDays).toBe(30);
    expect(tickets(check)).toEqual([first.ticket, second.ticket].sort());
    expect((await client.request('POST', '/api/cases/duplicates', { as: 'pekanbaru.kepala-dinas', body: { phone: PHONE } })).status).toBe(403);

    const seen = await client.request('GET', `/api/cases/${first.id}/duplicates`, { as: 'pekanbaru.fo-operator' });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ windowDays: 30, total: 1 });
    expect(seen.body.items.map((i: { ticket: string }) => i.ticket)).toEqual([second.ticket]);
    const counted = await client.request('GET', `/api/cases/${first.id}/duplicates`, { as: 'pekanbaru.kepala-dinas' });
    expect(counted.body).toEqual({ windowDays: 30, total: 1, items: null });
    expect((await client.request('GET', `/api/cases/${other.id}/duplicates`, { as: 'pekanbaru.fo-operator' })).body.total).toBe(0);
    expect((await client.request('GET', `/api/cases/${first.id}/duplicates`, { as: 'metro.petugas' })).status).toBe(403);
    // the public form's answer never says the person filed before
    expect(JSON.stringify(second.body)).not.toContain(first.ticket);
    expect(Object.keys(second.body)).not.toContain('duplicates');
  });

  it('indexes complaints filed before the index at start, and again after that (idempotent)', async () => {
    await api.stop();
    await db.sql('UPDATE cases SET nik_hash = NULL, phone_hash = NULL, blind_key = NULL');
    await start();
    let found: string[] = [];
    for (let i = 0; i < 40 && found.length < 2; i++) {
      found = tickets(await search('pekanbaru.fo-operator', { phone: PHONE }));
      if (found.length < 2) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toEqual([first.ticket, second.ticket].sort());
    await api.stop();
    const rows = await db.sql<{ n: string }>("SELECT count(*) AS n FROM cases WHERE kind = 'complaint' AND blind_key IS NULL");
    expect(Number(rows[0].n)).toBe(0);
    await start();
    expect(tickets(await search('pekanbaru.fo-operator', { nik: NIK }))).toEqual([first.ticket]);
  });
});

describe("an officer's registration: the caller's words, when it was received, a NIK accepted with a reason", () => {
  const base = { sop: 'pekanbaru', channel: 'call-centre' };
  const register = (body: Record<string, unknown>, as = 'pekanbaru.fo-operator') => client.request('POST', '/api/cases', { as, body: { ...base, ...body } });

  it('records what the caller said and when the complaint came in; the SOP time counts from then', async () => {
    const now = new Date(CLOCK_START).getTime();
    const words = 'Pak, KTP saya belum jadi, nomor saya 0813 7654 3210, tolong dibantu';
    const at = new Date(now - 3 * 3600_000);
    const late = await register({ data: SAMPLE_COMPLAINTS.pekanbaru, callerWords: words, receivedAt: at.toISOString() });
    expect(late.status).toBe(201);
    const plain = await register({ data: SAMPLE_COMPLAINTS.pekanbaru });
    expect(plain.status).toBe(201);
    const detail = await client.request('GET', `/api/cases/${late.body.id}`, { as: 'pekanbaru.fo-operator' });
    expect(new Date(detail.body.receivedAt).getTime()).toBe(at.getTime());
    expect(detail.body.callerWords).toBe(words);
    expect(new Date(detail.body.kartuKendali[0].receivedAt).getTime()).toBe(at.getTime());
    // the same SOP, the same step: the deadline of the one received 3 hours earlier comes earlier
    expect(late.body.step).toBe(plain.body.step);
    if (plain.body.dueAt) expect(new Date(late.body.dueAt).getTime()).toBeLessThan(new Date(plain.body.dueAt).getTime());
    // a lane that may not see identity reads the caller's words with the numbers struck out
    const other = await client.request('GET', `/api/cases/${late.body.id}`, { as: 'pekanbaru.kepala-dinas' });
    expect(other.body.callerWords).not.toContain('7654');
    expect(other.body.callerWords).toContain('KTP saya belum jadi');
    // sealed at rest
    await api.stop();
    const rows = await db.sql<{ caller_words: string }>('SELECT caller_words FROM cases WHERE id = $1', [late.body.id]);
    expect(rows[0].caller_words.startsWith('enc:v1:')).toBe(true);
    await start();
  });

  it('refuses a received-at time later than now, more than 14 days back, or not a time; and the public form sending any of it', async () => {
    const now = new Date(CLOCK_START).getTime();
    for (const receivedAt of [new Date(now + 3600_000).toISOString(), new Date(now - 15 * 86_400_000).toISOString(), '2026-03-10', 'kemarin', '']) {
      const res = await register({ data: SAMPLE_COMPLAINTS.pekanbaru, receivedAt });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('receivedAt');
    }
    for (const extra of [
      { callerWords: 'x' },
      { receivedAt: new Date(now).toISOString() },
      { nikOverride: { field: 'nik-no-kk', reason: 'sesuai KTP-el pelapor' } },
    ]) {
      const res = await client.request('POST', '/api/public/complaints', { body: { sop: 'pekanbaru', data: SAMPLE_COMPLAINTS.pekanbaru, ...extra } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(Object.keys(extra)[0]);
    }
    for (const callerWords of [42, 'x'.repeat(4001)]) expect((await register({ data: SAMPLE_COMPLAINTS.pekanbaru, callerWords })).status).toBe(400);
  });

  it('says in Bahasa Indonesia which NIK rule failed, and accepts it only with a reason, recorded and audited', async () => {
    const wrong = { ...SAMPLE_COMPLAINTS.pekanbaru, 'nik-no-kk': '1471016113850001' }; // month 13: neither a NIK's nor a KK's date
    const refused = await register({ data: wrong });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'data.nik-no-kk', messageId: expect.stringContaining('Digit ke-7 sampai ke-12') });
    for (const nikOverride of [{ field: 'nik-no-kk', reason: 'ok' }, { field: 'nama', reason: 'sesuai KTP-el pelapor' }, { field: 'nik-no-kk' }, 'yes']) {
      expect((await register({ data: wrong, nikOverride })).status).toBe(400);
    }
    // a valid NIK needs no override; a number of another length cannot be accepted
    expect((await register({ data: SAMPLE_COMPLAINTS.pekanbaru, nikOverride: { field: 'nik-no-kk', reason: 'sesuai KTP-el pelapor' } })).status).toBe(400);
    expect(
      (await register({ data: { ...wrong, 'nik-no-kk': '14710161138500' }, nikOverride: { field: 'nik-no-kk', reason: 'sesuai KTP-el pelapor' } })).status,
    ).toBe(400);
    const accepted = await register({
      data: { ...wrong, 'nik-no-kk': '1471 0161 1385 0001' },
      nikOverride: { field: 'nik-no-kk', reason: 'Sesuai KTP-el yang ditunjukkan pelapor' },
    });
    expect(accepted.status).toBe(201);
    const detail = await client.request('GET', `/api/cases/${accepted.body.id}`, { as: 'pekanbaru.fo-operator' });
    expect(detail.body.kartuKendali[0].note).toContain('Sesuai KTP-el yang ditunjukkan pelapor');
    const audit = await client.request('GET', '/api/admin/audit?action=intake.nik-override', { as: 'admin.pekanbaru' });
    expect(audit.body.items[0]).toMatchObject({
      target: accepted.body.ticket,
      details: { field: 'nik-no-kk', rule: 'nik-or-kk.date', reason: 'Sesuai KTP-el yang ditunjukkan pelapor' },
    });
    // and it is found by that NIK
    expect(tickets(await search('pekanbaru.fo-operator', { nik: '1471016113850001' }))).toEqual([accepted.body.ticket]);
  });
});
