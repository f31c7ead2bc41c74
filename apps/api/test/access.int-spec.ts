import { ApiClient, createTestDatabase, DEMO_PASSWORD, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedText } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Who may see and do what: log-in, the lanes and regencies of the demo accounts, the complainant's
 * confidential identity, registering complaints on a citizen's behalf, and publishing SOP versions.
 */

// A Tuesday morning in March 2026 (a working day in every regency, far from any month's end, so no
// periodic run lands in an inbox); the clock then runs in real time. Step deadlines are 10 minutes
// or more, longer than this file runs.
const CLOCK_START = Date.parse('2026-03-10T09:00:00+07:00');

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let startedAt = 0;

/** Starts the API with the process clock at CLOCK_START plus the time this file has run. */
async function start(clockAt: number): Promise<void> {
  api = await startApi(db, { SOP_CLOCK_START: new Date(clockAt).toISOString() });
  client = new ApiClient(api.url);
}

/**
 * Runs SQL on the test database: directly on PostgreSQL; on the embedded database the API holds the
 * only session, so it is stopped for the query and started again on the same data (clock continued).
 */
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (db.kind === 'postgres') return db.sql<T>(text, params);
  await api.stop();
  try {
    return await db.sql<T>(text, params);
  } finally {
    await start(CLOCK_START + (Date.now() - startedAt));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  startedAt = Date.now();
  await start(CLOCK_START);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const BULELENG: Record<string, string> = { ...SAMPLE_COMPLAINTS.buleleng, 'alamat-email': 'made.ayu@example.id' };
/** Buleleng's confidential fields as filed, and as stored (the phone number normalised). */
const BULELENG_IDENTITY: Record<string, string> = {
  'nama-lengkap': 'Ni Made Ayu',
  alamat: 'Jl. Gajah Mada 10, Singaraja',
  'alamat-email': 'made.ayu@example.id',
  'no-hp': '+6281234567890',
};

const login = (username: string, password: string) => client.request('POST', '/api/auth/login', { body: { username, password } });

async function filePublic(sop: string, data: Record<string, string>): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data } });
  expect(filed.status).toBe(201);
  return filed.body.ticket;
}

async function inbox(user: string): Promise<{ id: string; ticket: string; lane: string }[]> {
  const res = await client.request('GET', '/api/cases?pageSize=100', { as: user });
  expect(res.status).toBe(200);
  return res.body.items;
}

async function caseIdOf(user: string, ticket: string): Promise<string> {
  const item = (await inbox(user)).find((i) => i.ticket === ticket);
  if (!item) throw new Error(`${ticket} is not in the inbox of ${user}`);
  return item.id;
}

const detail = (id: string, as: string) => client.request('GET', `/api/cases/${id}`, { as });
const send = (id: string, as: string, body: Record<string, unknown>) => client.request('POST', `/api/cases/${id}/events`, { as, body });
const reveal = (id: string, as: string) => client.request('POST', `/api/cases/${id}/reveal`, { as });

async function me(user: string): Promise<{ displayName: string; regency: string; lanes: string[] }> {
  const res = await client.request('GET', '/api/auth/me', { as: user });
  expect(res.status).toBe(200);
  return res.body;
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

describe('logging in', () => {
  it('refuses a wrong password with 401 and says so', async () => {
    const res = await login('buleleng.staf-kerjasama', 'not-the-password');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('wrong username or password');
    expect(res.body).not.toHaveProperty('token');
  });

  it('refuses an unknown user with the same 401 message (usernames are not revealed)', async () => {
    const wrongPassword = await login('buleleng.staf-kerjasama', 'not-the-password');
    const unknown = await login('nobody.at-all', DEMO_PASSWORD);
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrongPassword.body.message);
  });

  it('answers 401 saying how to log in when the bearer token is missing', async () => {
    for (const path of ['/api/auth/me', '/api/cases']) {
      const res = await client.request('GET', path);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/log in/);
      expect(res.body.message).toMatch(/Authorization: Bearer/);
      expect(res.body.message).toMatch(/POST \/api\/auth\/login/);
    }
  });

  it('answers 401 saying to log in again for a garbage or forged token, and names the scheme when it is not Bearer', async () => {
    const garbage = await client.request('GET', '/api/auth/me', { headers: { authorization: 'Bearer not.a.token' } });
    expect(garbage.status).toBe(401);
    expect(garbage.body.message).toMatch(/invalid or expired: log in again/);
    // a real token with its signature changed
    const token = await client.token('buleleng.staf-kerjasama');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const tampered = await client.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${forged}` } });
    expect(tampered.status).toBe(401);
    expect(tampered.body.message).toMatch(/log in again/);
    const basic = await client.request('GET', '/api/auth/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(basic.body.message).toMatch(/Bearer <token>/);
  });

  it('gives a token with which GET /api/auth/me returns the regency and lanes, and no password hash', async () => {
    const res = await login('buleleng.staf-kerjasama', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBeGreaterThan(0);
    const who = await client.request('GET', '/api/auth/me', { headers: { authorization: `Bearer ${res.body.token}` } });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ username: 'buleleng.staf-kerjasama', regency: 'buleleng', lanes: ['staf-kerjasama'], permissions: [] });
    expect(who.body.displayName).toContain('Staf Kerjasama');
    expect(JSON.stringify(who.body)).not.toMatch(/password|hash|\$2[aby]\$/i);
    expect(await me('metro.petugas')).toMatchObject({ regency: 'metro', lanes: ['petugas'] });
    expect(await me('buleleng.penyusun')).toMatchObject({ regency: 'buleleng', lanes: [], permissions: ['author'] });
  });
});

describe('a Buleleng complaint filed on the public page', () => {
  let ticket: string;
  let id: string;

  beforeAll(async () => {
    ticket = await filePublic('buleleng', BULELENG);
  });

  it('waits first in the inbox of buleleng.staf-kerjasama, who can act on it', async () => {
    const items = await inbox('buleleng.staf-kerjasama');
    expect(items[0]).toMatchObject({ ticket, lane: 'staf-kerjasama', step: { id: 'menerima-keluhan' } });
    id = items[0].id;
    const seen = await detail(id, 'buleleng.staf-kerjasama');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ ticket, version: 1, canAct: true, step: { id: 'menerima-keluhan', lane: 'staf-kerjasama' } });
    expect(seen.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['COMPLETE']);
  });

  it('is readable by buleleng.kasi-kerjasama (same regency), whose event is 403 naming the lane the case waits in', async () => {
    expect((await inbox('buleleng.kasi-kerjasama')).map((i) => i.ticket)).not.toContain(ticket);
    const seen = await detail(id, 'buleleng.kasi-kerjasama');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ ticket, canAct: false, allowedEvents: [] });
    const refused = await send(id, 'buleleng.kasi-kerjasama', { type: 'COMPLETE', version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Staf Kerjasama');
    expect(refused.body.message).toContain('(staf-kerjasama)');
    expect(refused.body.message).toContain('you hold kasi-kerjasama');
    // nothing moved
    expect((await detail(id, 'buleleng.staf-kerjasama')).body).toMatchObject({ version: 1, step: { id: 'menerima-keluhan' } });
  });

  it('is closed to metro.petugas (another regency): 403 on GET, events, reveal and the Buleleng list; absent from their inbox', async () => {
    const get = await detail(id, 'metro.petugas');
    expect(get.status).toBe(403);
    expect(get.body.message).toMatch(/belongs to Kabupaten Buleleng; you work for another regency/);
    expect(JSON.stringify(get.body)).not.toContain('Ni Made Ayu');
    const event = await send(id, 'metro.petugas', { type: 'COMPLETE', version: 1 });
    expect(event.status).toBe(403);
    expect(event.body.message).toMatch(/another regency/);
    expect((await reveal(id, 'metro.petugas')).status).toBe(403);
    const list = await client.request('GET', '/api/cases?sop=buleleng', { as: 'metro.petugas' });
    expect(list.status).toBe(403);
    expect(list.body.message).toMatch(/you work for metro; you cannot list the cases of buleleng/);
    expect((await inbox('metro.petugas')).map((i) => i.ticket)).not.toContain(ticket);
    expect((await detail(id, 'buleleng.staf-kerjasama')).body.version).toBe(1);
  });

  it('is closed to the platform reviewer, who works for no regency', async () => {
    expect((await detail(id, 'reviewer')).status).toBe(403);
    expect((await send(id, 'reviewer', { type: 'COMPLETE', version: 1 })).status).toBe(403);
  });

  it('moves to buleleng.kasi-kerjasama once the staf completes step 1; then the staf is refused, naming the Kasi lane', async () => {
    const done = await send(id, 'buleleng.staf-kerjasama', { type: 'COMPLETE', version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ version: 2, step: 'kasi-mempelajari', lane: 'kasi-kerjasama' });
    expect((await inbox('buleleng.kasi-kerjasama')).map((i) => i.ticket)).toContain(ticket);
    expect((await inbox('buleleng.staf-kerjasama')).map((i) => i.ticket)).not.toContain(ticket);
    const refused = await send(id, 'buleleng.staf-kerjasama', { type: 'COMPLETE', version: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Kasi Kerjasama');
    expect(refused.body.message).toContain('(kasi-kerjasama)');
    expect((await detail(id, 'buleleng.kasi-kerjasama')).body.canAct).toBe(true);
  });
});

describe("the complainant's identity", () => {
  let buleleng: { ticket: string; id: string };
  let pekanbaru: { ticket: string; id: string };

  beforeAll(async () => {
    const t1 = await filePublic('buleleng', BULELENG);
    buleleng = { ticket: t1, id: await caseIdOf('buleleng.staf-kerjasama', t1) };
    const t2 = await filePublic('pekanbaru', SAMPLE_COMPLAINTS.pekanbaru);
    pekanbaru = { ticket: t2, id: await caseIdOf('pekanbaru.fo-operator', t2) };
  });

  it('is masked in the case detail for everyone, the intake lane included; other fields are shown as filed', async () => {
    for (const user of ['buleleng.staf-kerjasama', 'buleleng.kasi-kerjasama', 'buleleng.penyusun']) {
      const res = await detail(buleleng.id, user);
      expect(res.status).toBe(200);
      const fields = res.body.form.fields as { id: string; confidential: boolean; value: string | null }[];
      expect(fields.filter((f) => f.confidential).map((f) => f.id)).toEqual(Object.keys(BULELENG_IDENTITY));
      for (const f of fields) {
        if (f.confidential) {
          expect({ field: f.id, value: f.value }).toEqual({ field: f.id, value: expect.stringContaining('•') });
          expect(f.value).not.toBe(BULELENG[f.id]);
          expect(f.value).not.toBe(BULELENG_IDENTITY[f.id]);
        } else {
          expect(f.value).toBe(BULELENG[f.id]);
        }
      }
      const text = JSON.stringify(res.body);
      for (const secret of [...Object.values(BULELENG_IDENTITY), BULELENG['no-hp']]) expect(text).not.toContain(secret);
    }
    expect((await detail(buleleng.id, 'buleleng.staf-kerjasama')).body.form.canReveal).toBe(true);
    expect((await detail(buleleng.id, 'buleleng.kasi-kerjasama')).body.form.canReveal).toBe(false);
    const nik = await detail(pekanbaru.id, 'pekanbaru.fo-operator');
    const nikField = nik.body.form.fields.find((f: { id: string }) => f.id === 'nik-no-kk');
    expect(nikField.value).not.toBe(SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk']);
    expect(JSON.stringify(nik.body)).not.toContain(SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk']);
  });

  it('is revealed to the intake lane (the real values) and refused to a lane the SOP does not allow', async () => {
    const shown = await reveal(buleleng.id, 'buleleng.staf-kerjasama');
    expect(shown.status).toBe(200);
    expect(shown.body.fields).toEqual(BULELENG_IDENTITY);
    // a second look is a second reveal
    expect((await reveal(buleleng.id, 'buleleng.staf-kerjasama')).status).toBe(200);

    const kasi = await reveal(buleleng.id, 'buleleng.kasi-kerjasama');
    expect(kasi.status).toBe(403);
    expect(kasi.body.message).toMatch(/confidential: only lanes staf-kerjasama may see it/);
    expect(JSON.stringify(kasi.body)).not.toContain('Ni Made Ayu');

    // Pekanbaru names more lanes (revealTo): the Kepala Seksi sees the NIK, the Kepala Dinas does not
    const operator = await reveal(pekanbaru.id, 'pekanbaru.fo-operator');
    expect(operator.status).toBe(200);
    expect(operator.body.fields).toMatchObject({ nama: 'Rudi Hartono', 'nik-no-kk': SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk'] });
    const kasi2 = await reveal(pekanbaru.id, 'pekanbaru.kepala-seksi');
    expect(kasi2.status).toBe(200);
    expect(kasi2.body.fields['nik-no-kk']).toBe(SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk']);
    const kadis = await reveal(pekanbaru.id, 'pekanbaru.kepala-dinas');
    expect(kadis.status).toBe(403);
    expect(kadis.body.message).toContain('fo-operator');
  });

  it('records every successful reveal (who, which case, which fields), and no refused one', async () => {
    const rows = await sql<{ case_id: string; username: string; fields: string[] }>('SELECT case_id, username, fields FROM identity_reveals ORDER BY id');
    expect(rows).toEqual([
      { case_id: buleleng.id, username: 'buleleng.staf-kerjasama', fields: Object.keys(BULELENG_IDENTITY) },
      { case_id: buleleng.id, username: 'buleleng.staf-kerjasama', fields: Object.keys(BULELENG_IDENTITY) },
      { case_id: pekanbaru.id, username: 'pekanbaru.fo-operator', fields: ['nama', 'nomor-telpon', 'nik-no-kk'] },
      { case_id: pekanbaru.id, username: 'pekanbaru.kepala-seksi', fields: ['nama', 'nomor-telpon', 'nik-no-kk'] },
    ]);
  });

  it('never appears on the public ticket page, nor do the officers who handled the case', async () => {
    const staf = await me('buleleng.staf-kerjasama');
    const kasi = await me('buleleng.kasi-kerjasama');
    const note = 'Pelapor dihubungi oleh Komang Wirawan lewat telepon';
    expect((await send(buleleng.id, 'buleleng.staf-kerjasama', { type: 'COMPLETE', version: 1, note })).status).toBe(200);
    expect((await send(buleleng.id, 'buleleng.kasi-kerjasama', { type: 'COMPLETE', version: 2, note })).status).toBe(200);
    const page = await client.request('GET', `/api/public/complaints/${buleleng.ticket}`);
    expect(page.status).toBe(200);
    expect(page.body.timeline).toHaveLength(3);
    const text = JSON.stringify(page.body);
    for (const secret of [...Object.values(BULELENG_IDENTITY), BULELENG['no-hp'], 'Ni Made', 'Gajah Mada', 'example.id', '81234567890']) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(text).not.toContain(staf.displayName);
    expect(text).not.toContain(kasi.displayName);
    expect(text).not.toContain('Komang');
    expect(keysOf(page.body)).not.toEqual(expect.arrayContaining(['officer']));
    expect(keysOf(page.body).filter((k) => /officer|note|form|data|nama|nik|phone|email|alamat|telp/i.test(k))).toEqual([]);

    const pk = await client.request('GET', `/api/public/complaints/${pekanbaru.ticket}`);
    expect(pk.status).toBe(200);
    const pkText = JSON.stringify(pk.body);
    for (const secret of ['Rudi Hartono', SAMPLE_COMPLAINTS.pekanbaru['nik-no-kk'], '813 7654 3210', '+6281376543210', '81376543210']) {
      expect({ secret, found: pkText.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});

describe("registering a complaint on a citizen's behalf", () => {
  const data = { 'nama-lengkap': 'Ketut Arsana', 'sasaran-pengaduan': 'Sarana Prasarana', 'isi-pengaduan': 'Kursi ruang tunggu rusak' };
  const register = (as: string, body: Record<string, unknown>) => client.request('POST', '/api/cases', { as, body });
  const stafInboxTotal = async () => (await client.request('GET', '/api/cases', { as: 'buleleng.staf-kerjasama' })).body.total as number;

  it("is allowed to the intake lane of that regency; the kartu kendali's first entry names the operator", async () => {
    const staf = await me('buleleng.staf-kerjasama');
    const before = await stafInboxTotal();
    for (const channel of ['telepon', 'surat']) {
      const res = await register('buleleng.staf-kerjasama', { sop: 'buleleng', channel, data });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ version: 1, step: 'menerima-keluhan', lane: 'staf-kerjasama', ticket: expect.stringMatching(/^BUL-/) });
      const seen = await detail(res.body.id, 'buleleng.staf-kerjasama');
      expect(seen.body.channel).toBe(channel);
      expect(seen.body.kartuKendali).toHaveLength(1);
      expect(seen.body.kartuKendali[0]).toMatchObject({ seq: 1, event: 'START', officer: staf.displayName });
      expect(seen.body.kartuKendali[0].note).toContain(staf.displayName);
    }
    expect(await stafInboxTotal()).toBe(before + 2);
    // Metro's intake lane, by WhatsApp
    const petugas = await me('metro.petugas');
    const wa = await register('metro.petugas', { sop: 'metro', channel: 'whatsapp', data: SAMPLE_COMPLAINTS.metro });
    expect(wa.status).toBe(201);
    const waCase = await detail(wa.body.id, 'metro.petugas');
    expect(waCase.body).toMatchObject({ channel: 'whatsapp', step: { lane: 'petugas' } });
    expect(waCase.body.kartuKendali[0].officer).toBe(petugas.displayName);
  });

  it('is 403 for another lane, the SOP author, and the intake lane of another regency; nothing is filed', async () => {
    const before = await stafInboxTotal();
    const kasi = await register('buleleng.kasi-kerjasama', { sop: 'buleleng', channel: 'telepon', data });
    expect(kasi.status).toBe(403);
    expect(kasi.body.message).toMatch(/lane "staf-kerjasama", which you do not hold/);
    expect((await register('buleleng.penyusun', { sop: 'buleleng', channel: 'telepon', data })).status).toBe(403);
    const metro = await register('metro.petugas', { sop: 'buleleng', channel: 'telepon', data });
    expect(metro.status).toBe(403);
    expect(metro.body.message).toMatch(/you work for metro; this complaint is for Kabupaten Buleleng/);
    expect(await stafInboxTotal()).toBe(before);
  });

  it('is 400 without a channel, or with a channel the SOP does not have (the web form\'s own "web" included)', async () => {
    const before = await stafInboxTotal();
    const none = await register('buleleng.staf-kerjasama', { sop: 'buleleng', data });
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ field: 'channel', message: expect.stringContaining('telepon, website, email, sosial-media, surat') }]);
    const whatsapp = await register('buleleng.staf-kerjasama', { sop: 'buleleng', channel: 'whatsapp', data });
    expect(whatsapp.status).toBe(400);
    expect(whatsapp.body.errors).toEqual([
      { field: 'channel', message: expect.stringMatching(/"whatsapp" is not a channel of this SOP; use one of telepon, website, email, sosial-media, surat$/) },
    ]);
    const web = await register('buleleng.staf-kerjasama', { sop: 'buleleng', channel: 'web', data });
    expect(web.status).toBe(400);
    expect(web.body.errors[0].field).toBe('channel');
    expect(await stafInboxTotal()).toBe(before);
  });
});

describe('publishing a new SOP version', () => {
  const original = seedText('buleleng');
  const changed = original.replace('    waktu: 10 Menit\n', '    waktu: 30 Menit\n');
  const publish = (as: string | undefined, id: string, yaml: string, changeNote = 'uji') =>
    client.request('POST', `/api/sops/${id}/versions`, { as, body: { yaml, changeNote } });
  const versions = async () =>
    (await client.request('GET', '/api/sops/buleleng/versions')).body.versions as { version: number; changeNote: string; publishedBy: string | null }[];
  let before: { ticket: string; id: string };

  beforeAll(async () => {
    expect(changed).not.toBe(original);
    const ticket = await filePublic('buleleng', BULELENG);
    before = { ticket, id: await caseIdOf('buleleng.staf-kerjasama', ticket) };
  });

  it('is refused to operators, the reviewer, authors of another regency, and without a token', async () => {
    for (const user of ['buleleng.staf-kerjasama', 'buleleng.kepala-dinas', 'metro.penyusun', 'reviewer']) {
      const res = await publish(user, 'buleleng', changed);
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
      expect(res.body.message).toContain(`needs an SOP author of that regency; you are ${user}`);
    }
    expect((await publish(undefined, 'buleleng', changed)).status).toBe(401);
    expect((await versions()).map((v) => v.version)).toEqual([1]);
  });

  it("answers an invalid SOP from the regency's author with 422 and located issues, and publishes nothing", async () => {
    // a step in a lane the SOP does not declare
    const badLane = original.replace('    lane: kasi-kerjasama # inferred: the Kasi coordinates', '    lane: kasi-hilang # inferred: the Kasi coordinates');
    expect(badLane).not.toBe(original);
    const lines = badLane.split('\n');
    const line = lines.findIndex((l) => l.includes('lane: kasi-hilang')) + 1;
    const column = lines[line - 1].indexOf('kasi-hilang') + 1;
    const res = await publish('buleleng.penyusun', 'buleleng', badLane);
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/error\(s\): nothing was published/);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', line, column, message: expect.stringContaining('kasi-hilang') })]),
    );

    // YAML that does not parse
    const broken = await publish('buleleng.penyusun', 'buleleng', 'schemaVersion: 1\nidentity: [\n  regency: x\n');
    expect(broken.status).toBe(422);
    expect(broken.body.issues.length).toBeGreaterThan(0);
    for (const issue of broken.body.issues) {
      expect(issue).toMatchObject({ line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
      expect(issue.line).toBeGreaterThanOrEqual(1);
    }
    expect((await versions()).map((v) => v.version)).toEqual([1]);
    expect((await client.request('GET', '/api/sops/buleleng')).body.version).toBe(1);
  });

  it('publishes a valid change as version 2; a case filed before stays on version 1, a new one runs on version 2', async () => {
    const res = await publish('buleleng.penyusun', 'buleleng', changed, 'langkah 1: 30 menit');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'buleleng', version: 2, created: true, changeNote: 'langkah 1: 30 menit', publishedBy: 'buleleng.penyusun' });
    expect((await versions()).map((v) => v.version)).toEqual([2, 1]);
    // a proposal until the signer approves it (ADR 0025): from today (10 March in Buleleng)
    const approved = await client.request('POST', '/api/sops/buleleng/versions/2/approve', { as: 'buleleng.pengesah', body: { effectiveDate: '2026-03-10' } });
    expect(approved.status).toBe(201);

    const old = await detail(before.id, 'buleleng.staf-kerjasama');
    expect(old.body.sop.version).toBe(1);
    expect(old.body.step.waktu).toBe('10 Menit');

    const ticket = await filePublic('buleleng', BULELENG);
    const fresh = await detail(await caseIdOf('buleleng.staf-kerjasama', ticket), 'buleleng.staf-kerjasama');
    expect(fresh.body.sop.version).toBe(2);
    expect(fresh.body.step.waktu).toBe('30 Menit');

    // the old case goes on along version 1
    const moved = await send(before.id, 'buleleng.staf-kerjasama', { type: 'COMPLETE', version: 1 });
    expect(moved.status).toBe(200);
    expect((await detail(before.id, 'buleleng.kasi-kerjasama')).body.sop.version).toBe(1);
  });

  it('does not make a new version when the same YAML is sent again', async () => {
    const again = await publish('buleleng.penyusun', 'buleleng', changed);
    expect(again.body).toMatchObject({ version: 2, created: false });
    expect((await versions()).map((v) => v.version)).toEqual([2, 1]);
  });
});
