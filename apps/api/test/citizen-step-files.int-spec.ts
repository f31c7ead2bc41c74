import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { html, pdf, png, upload } from './attachments-harness';

/**
 * A complainant's files at their own step (ADR 0013, addendum): the fixture citizen-confirms.yaml
 * published as "contoh"; once the office answers, the complaint waits for the complainant, who may
 * send a document with their answer: uploaded first with the ticket and its access code, then named
 * in the answer, and seen by the office on the kartu kendali line of that answer.
 */

const CLOCK_START = '2026-11-23T02:00:00Z'; // Monday 09:00 WIB
const data = { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' };

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;
let sopsDir: string;

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/citizen-confirms.yaml' });
  db = await createTestDatabase();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api.stop();
  await db.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

async function filed(): Promise<{ ticket: string; accessCode: string; id: string; version: number }> {
  const res = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
  expect(res.status).toBe(201);
  const inbox = await client.request('GET', `/api/cases?ticket=${res.body.ticket}`, { as: 'contoh.petugas' });
  const item = inbox.body.items[0];
  return { ticket: res.body.ticket, accessCode: res.body.accessCode, id: item.id, version: item.version };
}

/** A complaint the office answered: it waits for the complainant at "konfirmasi". */
async function waitingForComplainant() {
  const c = await filed();
  const done = await client.request('POST', `/api/cases/${c.id}/events`, {
    as: 'contoh.petugas',
    body: { type: 'COMPLETE', version: c.version, reply: 'Data KK Anda sudah diperbarui.' },
  });
  expect(done.status).toBe(200);
  return { ...c, version: done.body.version as number };
}

const send = (ticket: string, code: string | undefined, file = { body: pdf(), filename: 'kk-baru.pdf', contentType: 'application/pdf' }) =>
  upload(client, `/api/public/complaints/${ticket}/attachments`, file, { headers: code === undefined ? {} : { 'x-access-code': code } });
const answer = (ticket: string, code: string, body: unknown) =>
  client.request('POST', `/api/public/complaints/${ticket}/events`, { body, headers: { 'x-access-code': code } });

describe("a complainant's files at their step", () => {
  it('are uploaded with the access code, sent with the answer, and seen by the office on that kartu line', async () => {
    const c = await waitingForComplainant();
    const up = await send(c.ticket, c.accessCode);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ token: expect.stringMatching(/^att_/), name: 'kk-baru.pdf', type: 'application/pdf', field: null });
    const second = await send(c.ticket, c.accessCode, { body: png(), filename: 'foto.png', contentType: 'image/png' });
    const answered = await answer(c.ticket, c.accessCode, {
      type: 'CHOOSE',
      outcome: 'tidak-puas',
      note: 'KK yang benar terlampir',
      attachments: [up.body.token, second.body.token],
      version: c.version,
    });
    expect(answered.status).toBe(200);
    const files = await client.request('GET', `/api/cases/${c.id}/attachments`, { as: 'contoh.petugas' });
    expect(files.status).toBe(200);
    expect(files.body.items).toEqual([
      expect.objectContaining({ name: 'kk-baru.pdf', field: null, kartuSeq: answered.body.version, byOfficer: false }),
      expect.objectContaining({ name: 'foto.png', field: null, kartuSeq: answered.body.version, byOfficer: false }),
    ]);
    // the complainant's words are theirs in the report, not an officer's note
    const report = await client.request('GET', '/api/reports?month=2026-11', { as: 'contoh.petugas' });
    const notes = report.body.problems.flatMap((p: { notes: { text: string; byComplainant: boolean }[] }) => p.notes);
    expect(notes).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'KK yang benar terlampir', byComplainant: true })]));
    expect(notes.filter((n: { byComplainant: boolean }) => !n.byComplainant).map((n: { text: string }) => n.text)).not.toContain('KK yang benar terlampir');
    const csv = await client.request('GET', '/api/reports?month=2026-11&format=csv&table=problems', { as: 'contoh.petugas' });
    const [header, ...rows] = String(csv.body)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(header.split(',').slice(-2)).toEqual(['Catatan petugas (penyebab / solusi)', 'Tanggapan pelapor']);
    expect(rows.join('\n')).toMatch(/: KK yang benar terlampir"?$/m);
    // a token is claimed once: back at the complainant's step (the Kasi reviewed the objection), the same file is refused
    const atKasi = await client.request('GET', `/api/cases/${c.id}`, { as: 'contoh.kasi' });
    const reviewed = await client.request('POST', `/api/cases/${c.id}/events`, { as: 'contoh.kasi', body: { type: 'COMPLETE', version: atKasi.body.version } });
    expect(reviewed.status).toBe(200);
    const reuse = await answer(c.ticket, c.accessCode, { type: 'CHOOSE', outcome: 'puas', attachments: [up.body.token], version: reviewed.body.version });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errors).toEqual([expect.objectContaining({ field: 'attachments[0]', messageId: 'berkas sudah terlampir: unggah berkasnya lagi' })]);
  });

  it('are refused without the right access code, keeping nothing, with the same words whether the ticket exists or not', async () => {
    const c = await waitingForComplainant();
    const none = await send(c.ticket, undefined);
    expect(none.status).toBe(401);
    const wrong = await send(c.ticket, 'AAAA-BBBB-CCCC');
    expect(wrong.status).toBe(403);
    const unknown = await send('CTH-ZZZZZZ', c.accessCode);
    expect(unknown.status).toBe(403);
    expect(unknown.body.message).toBe(wrong.body.message);
    await api.stop();
    const staged = await db.sql<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE for_case = $1', [c.id]);
    expect(staged[0].n).toBe(0);
    api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START });
    client = new ApiClient(api.url);
  });

  it('are refused when the complaint does not wait for the complainant, or for another complaint, or of a kind not accepted', async () => {
    const atOffice = await filed();
    const early = await send(atOffice.ticket, atOffice.accessCode);
    expect(early.status).toBe(422);
    expect(early.body.messageId).toMatch(/tidak menunggu Anda/);
    const c = await waitingForComplainant();
    const page = await send(c.ticket, c.accessCode, { body: html(), filename: 'surat.pdf', contentType: 'application/pdf' });
    expect(page.status).toBe(415);
    // a file of another complaint's complainant is not this one's
    const other = await waitingForComplainant();
    const theirs = await send(other.ticket, other.accessCode);
    expect(theirs.status).toBe(201);
    const stolen = await answer(c.ticket, c.accessCode, { type: 'CHOOSE', outcome: 'puas', attachments: [theirs.body.token], version: c.version });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].message).toMatch(/no file uploaded for this complaint/);
    // not a list, or too many: said at the field
    const notList = await answer(c.ticket, c.accessCode, { type: 'CHOOSE', outcome: 'puas', attachments: 'att_x', version: c.version });
    expect(notList.status).toBe(400);
    expect(notList.body.errors).toEqual([expect.objectContaining({ field: 'attachments', message: 'attachments must be a list of file tokens' })]);
    const eleven = Array.from({ length: 11 }, (_, i) => `att_${String(i).padStart(32, 'a')}`);
    const tooMany = await answer(c.ticket, c.accessCode, { type: 'CHOOSE', outcome: 'puas', attachments: eleven, version: c.version });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.errors)).toContain('attachments has at most 10 files');
    // nothing moved
    const view = await client.request('GET', `/api/public/complaints/${c.ticket}`);
    expect(view.body.citizenStep).not.toBeNull();
  });

  it('count against the wrong-code limit only when the code is wrong, not when the file is refused', async () => {
    const c = await waitingForComplainant();
    const strict = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: CLOCK_START, TICKET_MISS_LIMIT: '2' });
    try {
      const to = new ApiClient(strict.url);
      const sendTo = (code: string, body = html()) =>
        upload(
          to,
          `/api/public/complaints/${c.ticket}/attachments`,
          { body, filename: 'surat.pdf', contentType: 'application/pdf' },
          { headers: { 'x-access-code': code } },
        );
      // three files of a kind not accepted, with the right code: each refused for what it is
      for (let i = 0; i < 3; i++) expect((await sendTo(c.accessCode)).status).toBe(415);
      // two wrong codes, then the address waits
      expect((await sendTo('AAAA-BBBB-CCCC')).status).toBe(403);
      expect((await sendTo('AAAA-BBBB-CCCD')).status).toBe(403);
      const limited = await sendTo('AAAA-BBBB-CCCE');
      expect(limited.status).toBe(429);
      expect(limited.body.messageId).toMatch(/kode akses salah/);
    } finally {
      await strict.stop();
    }
  });
});
