import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The citizen acts (docs/adr/0010-the-citizen-acts.md), with the fixture citizen-confirms.yaml
 * published as "contoh": after the office answers, the complainant says puas (the case closes) or
 * tidak puas (an objection re-opens it at the Kasi), from the ticket page with the access code given
 * once at filing; the office may record the answer on their behalf; 10 hari kerja of silence count
 * as puas. Demo accounts: contoh.petugas, contoh.kasi.
 */

const CLOCK_START = '2026-11-23T02:00:00Z'; // Monday 09:00 WIB
const data = { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' };

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;
/** Access codes handed out, by ticket: checked against what the database keeps while the API is stopped. */
const handedOut = new Map<string, string>();

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/citizen-confirms.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const ticketView = (ticket: string) => client.request('GET', `/api/public/complaints/${ticket}`);
const answer = (ticket: string, code: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  client.request('POST', `/api/public/complaints/${ticket}/events`, {
    body,
    headers: { ...(code === undefined ? {} : { 'x-access-code': code }), ...headers },
  });

async function inboxItem(as: string, ticket: string) {
  const inbox = await client.request('GET', '/api/cases', { as });
  expect(inbox.status).toBe(200);
  return inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
}

/** A complaint filed on the public form and answered by the office: it waits for the citizen. */
async function answeredComplaint(): Promise<{ ticket: string; accessCode: string; id: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
  expect(filed.status).toBe(201);
  const { ticket, accessCode } = filed.body;
  handedOut.set(ticket, accessCode);
  const item = await inboxItem('contoh.petugas', ticket);
  const done = await client.request('POST', `/api/cases/${item.id}/events`, {
    as: 'contoh.petugas',
    body: { type: 'COMPLETE', version: item.version, reply: 'Data KK Anda sudah diperbarui.' },
  });
  expect(done.status).toBe(200);
  return { ticket, accessCode, id: item.id };
}

describe('the citizen works the steps of their lane', () => {
  it('gives the access code once, at filing, and keeps only its hash', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
    expect(filed.body.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(filed.body.message).toContain(filed.body.accessCode);
    const seen = await ticketView(filed.body.ticket);
    expect(JSON.stringify(seen.body)).not.toContain(filed.body.accessCode);
    handedOut.set(filed.body.ticket, filed.body.accessCode);
  });

  it('shows the complainant what they are asked, and the office sees the case waiting for them', async () => {
    const { ticket, id } = await answeredComplaint();
    const seen = await ticketView(ticket);
    expect(seen.body.citizenStep).toMatchObject({
      step: { id: 'konfirmasi', number: '3' },
      answers: [
        { type: 'CHOOSE', outcome: 'puas', label: 'Puas', finishes: true },
        { type: 'CHOOSE', outcome: 'tidak-puas', label: 'Tidak puas (keberatan)', finishes: false },
      ],
      onTimeout: { action: 'choose', outcome: 'puas', outcomeLabel: 'Puas', finishes: true },
      accessCode: true,
    });
    expect(seen.body.citizenStep.dueAt).toBe('2026-12-07T09:00:00.000Z');
    // the lane that handed it over sees it, as waiting for the complainant; not overdue
    const item = await inboxItem('contoh.petugas', ticket);
    expect(item).toMatchObject({ id, waitingOnCitizen: true, overdue: false });
  });

  it('closes the case when the complainant answers puas with their code', async () => {
    const { ticket, accessCode, id } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const res = await answer(ticket, accessCode.toLowerCase(), { type: 'CHOOSE', outcome: 'puas', version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ticket, status: 'done', outcome: 'puas' });
    const seen = await ticketView(ticket);
    expect(seen.body).toMatchObject({ status: 'done', citizenStep: null, endStep: { id: 'selesai' } });
    const kartu = (await client.request('GET', `/api/cases/${id}`, { as: 'contoh.petugas' })).body.kartuKendali;
    expect(kartu.at(-1)).toMatchObject({ event: 'CHOOSE', outcome: 'puas', officer: 'ticket-page:Pelapor', onBehalfOfCitizen: false, overLimit: false });
  });

  it("re-opens the case at the Kasi on an objection, with the complainant's words for the office", async () => {
    const { ticket, accessCode, id } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const res = await answer(ticket, accessCode, { type: 'CHOOSE', outcome: 'tidak-puas', note: 'Nama ibu di KK masih salah.', version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', step: 'kasi-tinjau' });
    expect(await inboxItem('contoh.kasi', ticket)).toMatchObject({ waitingOnCitizen: false });
    const seen = await client.request('GET', `/api/cases/${id}`, { as: 'contoh.kasi' });
    expect(seen.body.kartuKendali.at(-1)).toMatchObject({ outcome: 'tidak-puas', note: 'Nama ibu di KK masih salah.' });
    // the public page never shows the note
    expect(JSON.stringify((await ticketView(ticket)).body)).not.toContain('Nama ibu');
  });

  it('is 401 without a code and 403 with a wrong code or an unknown ticket, saying nothing about the ticket', async () => {
    const { ticket, accessCode } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const none = await answer(ticket, undefined, { type: 'CHOOSE', outcome: 'puas', version });
    expect(none.status).toBe(401);
    expect(none.body.messageId).toMatch(/kode akses/);
    const wrongCode = await answer(ticket, 'AAAA-AAAA-AAAA', { type: 'CHOOSE', outcome: 'puas', version });
    const unknownTicket = await answer('CON-000000', accessCode, { type: 'CHOOSE', outcome: 'puas', version });
    const notATicket = await answer('not-a-ticket', accessCode, { type: 'CHOOSE', outcome: 'puas', version });
    for (const res of [wrongCode, unknownTicket, notATicket]) {
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(wrongCode.body.message);
    }
    expect((await ticketView(ticket)).body.status).toBe('open');
  });

  it('refuses what the step does not offer, a stale version, and answers while the office has the case', async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
    const early = await answer(filed.body.ticket, filed.body.accessCode, { type: 'COMPLETE', version: 1 });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/not waiting for you: it is with the office, at step 2/);

    const { ticket, accessCode } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const escalate = await answer(ticket, accessCode, { type: 'ESCALATE', version });
    expect(escalate.status).toBe(422);
    expect(escalate.body.message).toMatch(/does not accept ESCALATE; it accepts CHOOSE "puas", CHOOSE "tidak-puas"/);
    const unknown = await answer(ticket, accessCode, { type: 'CHOOSE', outcome: 'sangat-puas', version });
    expect(unknown.status).toBe(422);
    const bad = await answer(ticket, accessCode, { type: 'CHOOSE', version });
    expect(bad.status).toBe(400);
    const stale = await answer(ticket, accessCode, { type: 'CHOOSE', outcome: 'puas', version: version - 1 });
    expect(stale.status).toBe(409);
    expect((await ticketView(ticket)).body.status).toBe('open');
  });

  it('a retried answer with the same Idempotency-Key changes nothing twice', async () => {
    const { ticket, accessCode } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const body = { type: 'CHOOSE', outcome: 'tidak-puas', version };
    const [a, b] = await Promise.all([
      answer(ticket, accessCode, body, { 'idempotency-key': 'k-1' }),
      answer(ticket, accessCode, body, { 'idempotency-key': 'k-1' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 200].sort());
    expect(a.body).toEqual(b.body);
    const item = await inboxItem('contoh.kasi', ticket);
    const kartu = (await client.request('GET', `/api/cases/${item.id}`, { as: 'contoh.kasi' })).body.kartuKendali;
    expect(kartu.map((k: { event: string }) => k.event)).toEqual(['START', 'COMPLETE', 'CHOOSE']);
  });

  it("lets the lane that handed it over record the complainant's answer on their behalf, signed as such", async () => {
    const { ticket, id } = await answeredComplaint();
    const seen = await client.request('GET', `/api/cases/${id}`, { as: 'contoh.petugas' });
    expect(seen.body).toMatchObject({ waitingOnCitizen: true, actsForCitizen: true, canAct: true });
    const noNote = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.petugas',
      body: { type: 'CHOOSE', outcome: 'puas', version: seen.body.version },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0]).toMatchObject({ field: 'note', messageId: expect.stringContaining('tulis di catatan bagaimana jawaban itu sampai') });
    const recorded = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.petugas',
      body: { type: 'CHOOSE', outcome: 'puas', version: seen.body.version, note: 'Pelapor menelepon: sudah puas.' },
    });
    expect(recorded.status).toBe(200);
    const after = await client.request('GET', `/api/cases/${id}`, { as: 'contoh.petugas' });
    expect(after.body.status).toBe('done');
    expect(after.body.kartuKendali.at(-1)).toMatchObject({ onBehalfOfCitizen: true, note: 'Pelapor menelepon: sudah puas.' });
    expect((await ticketView(ticket)).body.status).toBe('done');
  });

  it("registration on a citizen's behalf gives the operator the code to pass on", async () => {
    const registered = await client.request('POST', '/api/cases', { as: 'contoh.petugas', body: { sop: 'contoh', channel: 'telepon', data } });
    expect(registered.status).toBe(201);
    expect(registered.body.accessCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    handedOut.set(registered.body.ticket, registered.body.accessCode);
  });
});

describe('the citizen does not answer', () => {
  it('takes the outcome the SOP names when 10 hari kerja pass, without the case counting as late', async () => {
    const { ticket, id } = await answeredComplaint();
    await api.stop();
    // the database keeps a hash of each code handed out, never the code
    const stored = await db.sql<{ ticket: string; access_code_hash: string | null }>('SELECT ticket, access_code_hash FROM cases WHERE ticket = ANY($1)', [
      [...handedOut.keys()],
    ]);
    expect(stored).toHaveLength(handedOut.size);
    for (const row of stored) {
      expect(row.access_code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(handedOut.get(row.ticket)!.replace(/-/g, ''));
    }
    // Tuesday 8 December 2026, after the close of the 10th working day after Monday 23 November
    api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: '2026-12-08T09:30:00Z' });
    client = new ApiClient(api.url);
    const deadline = Date.now() + 20_000;
    let status = '';
    while (Date.now() < deadline && status !== 'done') {
      status = (await ticketView(ticket)).body.status;
      if (status !== 'done') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('done');
    const seen = await client.request('GET', `/api/cases/${id}`, { as: 'contoh.petugas' });
    expect(seen.body).toMatchObject({ overdue: false, endStep: { id: 'selesai' } });
    expect(seen.body.kartuKendali.at(-1)).toMatchObject({
      event: 'EXPIRE',
      outcome: 'puas',
      outcomeLabel: 'Puas',
      officer: 'system:deadline',
      overLimit: false,
    });
  });
});
