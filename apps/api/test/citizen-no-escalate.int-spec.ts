import { rmSync } from 'node:fs';
import { citizenTaskArchivingYaml } from '../../../libs/sop-model/src/__fixtures__/seeds';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * A complainant does not escalate (docs/adr/0010-the-citizen-acts.md). The fixture citizen-confirms.yaml
 * is published as "contoh" with its citizen step modelled as an SOP did "archived when the citizen does
 * not answer": `onTimeout: { action: escalate }` and `escalation: { to: arsip, label: Diarsipkan }`.
 * The ticket page offers the complainant their answers (confirm, object), never "Diarsipkan"; an
 * ESCALATE sent with the access code is refused with a 422 worded in both languages; the office may
 * still escalate the step.
 */

const CLOCK_START = '2026-11-23T02:00:00Z'; // Monday 09:00 WIB
const data = { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' };

let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: { yaml: citizenTaskArchivingYaml() } });
  const database = await createTestDatabase();
  db = database;
  const started = await startApi(database, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  api = started;
  client = new ApiClient(started.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

const ticketView = (ticket: string) => client.request('GET', `/api/public/complaints/${ticket}`);
const answer = (ticket: string, code: string, body: unknown) =>
  client.request('POST', `/api/public/complaints/${ticket}/events`, { body, headers: { 'x-access-code': code } });

/** A complaint filed on the public form and answered by the office: it waits for the citizen. */
async function answeredComplaint(): Promise<{ ticket: string; accessCode: string; id: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
  expect(filed.status).toBe(201);
  const { ticket, accessCode } = filed.body;
  const inbox = await client.request('GET', '/api/cases', { as: 'contoh.petugas' });
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket);
  const done = await client.request('POST', `/api/cases/${item.id}/events`, {
    as: 'contoh.petugas',
    body: { type: 'COMPLETE', version: item.version, reply: 'Data KK Anda sudah diperbarui.' },
  });
  expect(done.status).toBe(200);
  return { ticket, accessCode, id: item.id };
}

describe("a citizen step with an escalation jump (the office's, or the time's)", () => {
  it('the SOP is published: the office may escalate the step, its time passing escalates it', async () => {
    const sop = await client.request('GET', '/api/sops/contoh');
    expect(sop.status).toBe(200);
    expect(sop.body.sop.steps.find((s: { id: string }) => s.id === 'konfirmasi')).toMatchObject({
      onTimeout: { action: 'escalate' },
      escalation: { to: 'arsip', label: 'Diarsipkan' },
    });
  });

  it('offers the complainant only their answers, not the escalation', async () => {
    const { ticket } = await answeredComplaint();
    const seen = await ticketView(ticket);
    expect(seen.status).toBe(200);
    expect(seen.body.citizenStep.step).toMatchObject({ id: 'konfirmasi' });
    expect(seen.body.citizenStep.answers).toEqual([
      { type: 'COMPLETE', outcome: null, label: null, finishes: true },
      { type: 'REJECT', outcome: null, label: 'Tidak puas (keberatan)', finishes: false },
    ]);
    // the time passing is what archives it, and the page says so
    expect(seen.body.citizenStep.onTimeout).toMatchObject({ action: 'escalate' });
    expect(JSON.stringify(seen.body.citizenStep.answers)).not.toContain('Diarsipkan');
  });

  it('refuses ESCALATE from the complainant with a 422 in both languages, and the case stays where it is', async () => {
    const { ticket, accessCode } = await answeredComplaint();
    const { version } = (await ticketView(ticket)).body;
    const res = await answer(ticket, accessCode, { type: 'ESCALATE', version });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'case.event-not-accepted' });
    expect(res.body.message).toMatch(/does not accept ESCALATE; it accepts COMPLETE, REJECT: a complainant does not escalate/);
    expect(res.body.messageId).toMatch(/tidak dapat meneruskan \(eskalasi\) langkah Anda sendiri/);
    expect(res.body.allowedEvents.map((e: { type: string }) => e.type)).not.toContain('ESCALATE');
    const after = (await ticketView(ticket)).body;
    expect(after).toMatchObject({ status: 'open', version, citizenStep: { step: { id: 'konfirmasi' } } });
  });

  it("the complainant's own answers still go through: REJECT (an objection) and COMPLETE", async () => {
    const objected = await answeredComplaint();
    const before = (await ticketView(objected.ticket)).body;
    const reject = await answer(objected.ticket, objected.accessCode, { type: 'REJECT', version: before.version });
    expect(reject.status).toBe(200);
    expect(reject.body).toMatchObject({ status: 'open', step: 'kasi-tinjau' });

    const confirmed = await answeredComplaint();
    const { version } = (await ticketView(confirmed.ticket)).body;
    const complete = await answer(confirmed.ticket, confirmed.accessCode, { type: 'COMPLETE', version });
    expect(complete.status).toBe(200);
    expect(complete.body).toMatchObject({ status: 'done', step: 'selesai' });
  });

  it('the office may still escalate the citizen step (archive it) itself', async () => {
    const { ticket, id } = await answeredComplaint();
    const seen = await client.request('GET', `/api/cases/${id}`, { as: 'contoh.petugas' });
    expect(seen.body.allowedEvents.map((e: { type: string }) => e.type)).toContain('ESCALATE');
    const archived = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'contoh.petugas',
      body: { type: 'ESCALATE', version: seen.body.version, note: 'Pelapor tidak dapat dihubungi.' },
    });
    expect(archived.status).toBe(200);
    expect((await ticketView(ticket)).body).toMatchObject({ status: 'done', endStep: { id: 'arsip' } });
  });
});
