import { randomBytes } from 'node:crypto';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, startApiExpectingFailure, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Confidential form fields are encrypted at rest (AES-256-GCM, UU 27/2022): the database holds no
 * complainant's name, address or phone number in plain text; the lanes allowed to see them still do.
 */

const CLOCK = { SOP_CLOCK_START: '2026-03-10T09:00:00+07:00' };
const KEY = randomBytes(32).toString('hex');
let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let caseId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { ...CLOCK, DATA_KEY: KEY });
  client = new ApiClient(api.url);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function stored(id: string): Promise<string> {
  const rows = await db.sql<{ form: string }>('SELECT form_data::text AS form FROM cases WHERE id = $1', [id]);
  return rows[0].form;
}

it('stores a complaint’s confidential fields sealed, and shows them to the intake lane as filed', async () => {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'buleleng.staf-kerjasama' });
  caseId = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
  const revealed = await client.request('POST', `/api/cases/${caseId}/reveal`, { as: 'buleleng.staf-kerjasama' });
  expect(revealed.body.fields).toMatchObject({ 'nama-lengkap': 'Ni Made Ayu', 'no-hp': '+6281234567890', alamat: 'Jl. Gajah Mada 10, Singaraja' });
  await api.stop();
  const form = await stored(caseId);
  for (const identity of ['Ni Made Ayu', '81234567890', 'Gajah Mada']) expect(form).not.toContain(identity);
  expect(form).toContain('enc:v1:');
  expect(form).toContain('Antrian terlalu lama'); // the complaint itself is not a confidential field
});

it('seals the forms filed before encryption when the server starts', async () => {
  // the form as an earlier version stored it: every value in plain text
  await db.sql('UPDATE cases SET form_data = $2::jsonb WHERE id = $1', [caseId, JSON.stringify({ ...SAMPLE_COMPLAINTS.buleleng, 'no-hp': '+6281234567890' })]);
  expect(await stored(caseId)).toContain('Ni Made Ayu');
  api = await startApi(db, { ...CLOCK, DATA_KEY: KEY });
  client = new ApiClient(api.url);
  const until = Date.now() + 15_000;
  while (!api.logs.some((l) => l.includes('confidential form values of earlier complaints encrypted')) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  const revealed = await client.request('POST', `/api/cases/${caseId}/reveal`, { as: 'buleleng.staf-kerjasama' });
  expect(revealed.body.fields['nama-lengkap']).toBe('Ni Made Ayu');
  await api.stop();
  expect(await stored(caseId)).not.toContain('Ni Made Ayu');
});

it('refuses to start with another key than the one that sealed the data, and with a malformed one', async () => {
  const other = await startApiExpectingFailure(db, { ...CLOCK, DATA_KEY: randomBytes(32).toString('hex') });
  expect(other.code).toBe(1);
  expect(other.logs).toContain('sealed with another DATA_KEY');
  const malformed = await startApiExpectingFailure(db, { ...CLOCK, DATA_KEY: 'geheim' });
  expect(malformed.code).toBe(1);
  expect(malformed.logs).toContain('DATA_KEY must be 64 hexadecimal characters');
  api = await startApi(db, { ...CLOCK, DATA_KEY: KEY });
  client = new ApiClient(api.url);
  expect((await client.request('GET', '/api/health')).body.database.status).toBe('ok');
});
