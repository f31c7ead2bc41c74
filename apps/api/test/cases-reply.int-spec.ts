import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The office's reply to the complainant: sent with an event next to the internal note, kept on that
 * kartu kendali line, and shown on the public ticket view with identity struck out; the note never is.
 */
let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const REDACTED = '[identitas disamarkan]';
/** Buleleng's lanes in the order its steps hand a complaint on (the last one finishes it). */
const BULELENG_LANES = ['buleleng.staf-kerjasama', 'buleleng.kasi-kerjasama', 'buleleng.bidang-terkait', 'buleleng.kasi-kerjasama', 'buleleng.staf-kerjasama'];

async function fileBuleleng(data: Record<string, string> = SAMPLE_COMPLAINTS.buleleng): Promise<{ id: string; ticket: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data } });
  expect(filed.status).toBe(201);
  const found = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' });
  expect(found.body.items).toHaveLength(1);
  return { id: found.body.items[0].id, ticket: filed.body.ticket };
}

const detail = (id: string, as = 'buleleng.staf-kerjasama') => client.request('GET', `/api/cases/${id}`, { as });
const ticketView = (ticket: string) => client.request('GET', `/api/public/complaints/${ticket}`);

async function complete(id: string, as: string, extra: Record<string, unknown> = {}, key?: string) {
  const { body } = await detail(id, as);
  return client.request('POST', `/api/cases/${id}/events`, {
    as,
    body: { type: 'COMPLETE', version: body.version, ...extra },
    headers: key ? { 'Idempotency-Key': key } : {},
  });
}

describe("the office's reply to the complainant", () => {
  it('is kept on its kartu kendali line and shown on the ticket view with identity struck out; the internal note is not shown', async () => {
    const { id, ticket } = await fileBuleleng({ ...SAMPLE_COMPLAINTS.buleleng, 'alamat-email': 'ayu@mail.co.id' });
    const note = 'Internal: sudah ditelepon, pelapor minta dipercepat';
    const reply = '  Terima kasih Ni Made Ayu. Pengaduan Anda kami teruskan ke Kasi Kerjasama; kami hubungi lagi di 081234567890 atau ayu@mail.co.id.  ';
    const moved = await complete(id, BULELENG_LANES[0], { note, reply });
    expect(moved.status).toBe(200);
    // stored trimmed, as written, for the office
    const written = reply.trim();
    expect(moved.body.entry).toMatchObject({ note, reply: written });
    const lines = (await detail(id)).body.kartuKendali;
    expect(lines.map((k: { reply: string | null }) => k.reply)).toEqual([null, written]);
    expect(lines[1].note).toBe(note);

    const view = await ticketView(ticket);
    expect(view.status).toBe(200);
    const shown = `Terima kasih ${REDACTED}. Pengaduan Anda kami teruskan ke Kasi Kerjasama; kami hubungi lagi di ${REDACTED} atau ${REDACTED}.`;
    expect(view.body.timeline.map((e: { reply: string | null }) => e.reply)).toEqual([null, shown]);
    expect(view.body.latestReply).toEqual({ at: view.body.timeline[1].at, text: shown });
    const everything = JSON.stringify(view.body);
    for (const hidden of [note, 'sudah ditelepon', 'Ni Made Ayu', '081234567890', 'ayu@mail.co.id', 'Staf Kerjasama (Kabupaten Buleleng)']) {
      expect(everything).not.toContain(hidden);
    }
  });

  it("keeps the office's own contact details and strikes out the complainant's, however spelled", async () => {
    const { id, ticket } = await fileBuleleng({ ...SAMPLE_COMPLAINTS.buleleng, 'alamat-email': 'ayu@mail.co.id' });
    const office = 'Untuk informasi lebih lanjut hubungi kami di (0362) 21234 atau dukcapil@bulelengkab.go.id.';
    const reply = `Bu Ayu, kami sudah menelepon ０８１２–３４５６–７８９０ dan menulis ke ayu [at] mail [dot] co [dot] id. ${office}`;
    expect((await complete(id, BULELENG_LANES[0], { reply })).status).toBe(200);
    const view = (await ticketView(ticket)).body;
    expect(view.latestReply.text).toBe(`Bu ${REDACTED}, kami sudah menelepon ${REDACTED} dan menulis ke ${REDACTED}. ${office}`);
    // and for a lane that may not see the identity, the same
    expect((await detail(id, 'buleleng.kasi-kerjasama')).body.kartuKendali[1].reply).toBe(view.latestReply.text);
  });

  it('shows every reply in the timeline and the latest one on top; lines without a reply have none', async () => {
    const { id, ticket } = await fileBuleleng();
    expect((await ticketView(ticket)).body.latestReply).toBeNull();
    const replies: Record<number, string> = {
      0: 'Pengaduan Anda sedang kami pelajari.',
      4: 'Antrian kini dibagi per layanan; silakan datang kembali. Terima kasih.',
    };
    for (const [i, lane] of BULELENG_LANES.entries()) {
      // the console asks for the outcome for the complainant where the event finishes the case
      expect((await detail(id, lane)).body.allowedEvents.map((e: { finishes: boolean }) => e.finishes)).toEqual([i === BULELENG_LANES.length - 1]);
      const res = await complete(id, lane, replies[i] ? { reply: replies[i], note: `catatan internal ${i}` } : { note: `catatan internal ${i}` });
      expect(res.status).toBe(200);
    }
    const view = (await ticketView(ticket)).body;
    expect(view.status).toBe('done');
    expect(view.timeline.map((e: { reply: string | null }) => e.reply)).toEqual([null, replies[0], null, null, null, replies[4]]);
    expect(view.latestReply).toEqual({ at: view.timeline[5].at, text: replies[4] });
    expect(JSON.stringify(view)).not.toContain('catatan internal');
    // the operator sees both on their lines too
    const lines = (await detail(id)).body.kartuKendali;
    expect(lines.map((k: { reply: string | null }) => k.reply)).toEqual([null, replies[0], null, null, null, replies[4]]);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n\t '],
    ['too long', 'a'.repeat(2001)],
    ['not text', 42],
  ])('refuses a reply that is %s with a 400 naming reply, and writes nothing', async (_what, bad) => {
    const { id, ticket } = await fileBuleleng();
    const res = await complete(id, BULELENG_LANES[0], { note: 'tidak boleh tersimpan', reply: bad });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reply', message: expect.stringContaining('reply') })]);
    const after = (await detail(id)).body;
    expect(after.version).toBe(1);
    expect(after.kartuKendali).toHaveLength(1);
    expect((await ticketView(ticket)).body.timeline).toHaveLength(1);
  });

  it('takes 2000 characters after trimming the spaces around them', async () => {
    const { id } = await fileBuleleng();
    const res = await complete(id, BULELENG_LANES[0], { reply: `  ${'b'.repeat(2000)}  ` });
    expect(res.status).toBe(200);
    expect((await detail(id)).body.kartuKendali[1].reply).toBe('b'.repeat(2000));
  });

  it('a retried request with the same Idempotency-Key answers the same and stores the reply once', async () => {
    const { id, ticket } = await fileBuleleng();
    const body = { type: 'COMPLETE', version: 1, note: 'internal', reply: 'Pengaduan Anda kami terima.' };
    const send = () => client.request('POST', `/api/cases/${id}/events`, { as: BULELENG_LANES[0], body, headers: { 'Idempotency-Key': `reply-${id}` } });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.body.entry.reply).toBe('Pengaduan Anda kami terima.');
    const lines = (await detail(id)).body.kartuKendali;
    expect(lines).toHaveLength(2);
    const view = (await ticketView(ticket)).body;
    expect(view.timeline.filter((e: { reply: string | null }) => e.reply)).toHaveLength(1);
  });

  it('an existing database gains the column on upgrade: its earlier lines have no reply, and new ones can', async () => {
    const { id, ticket } = await fileBuleleng();
    expect((await complete(id, BULELENG_LANES[0], { note: 'sebelum pembaruan' })).status).toBe(200);
    // back to the schema before the reply (the embedded database opens in one process at a time)
    await api.stop();
    await db.sql('ALTER TABLE kartu_kendali DROP COLUMN reply');
    await db.sql("DELETE FROM migrations WHERE name = 'KartuReply1764000000000'");
    api = await startApi(db);
    client = new ApiClient(api.url);
    const before = (await ticketView(ticket)).body;
    expect(before.timeline.map((e: { reply: string | null }) => e.reply)).toEqual([null, null]);
    expect(before.latestReply).toBeNull();
    expect((await complete(id, BULELENG_LANES[1], { reply: 'Sudah kami periksa.' })).status).toBe(200);
    expect((await ticketView(ticket)).body.latestReply.text).toBe('Sudah kami periksa.');
  });
});

describe("the complainant's identity inside texts, for lanes that may not see it", () => {
  it('strikes it out of notes, replies and the complaint text for the Kasi, flags the text as masked, and leaves it to the intake lane to reveal', async () => {
    const data = { ...SAMPLE_COMPLAINTS.buleleng, 'isi-pengaduan': 'Antrian terlalu lama. NIK saya 5108014503900001, hubungi 081298765432.' };
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data } });
    expect(filed.status).toBe(201);
    const id = (await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'buleleng.staf-kerjasama' })).body.items[0].id;
    const note = 'Sudah ditelepon Ni Made Ayu di 0812-3456-7890, alamat Jl. Gajah Mada 10, Singaraja';
    expect((await complete(id, BULELENG_LANES[0], { note, reply: 'Diteruskan ke Kasi Kerjasama.' })).status).toBe(200);

    const kasi = (await detail(id, 'buleleng.kasi-kerjasama')).body;
    expect(kasi.form.canReveal).toBe(false);
    expect(kasi.kartuKendali[1].note).toBe(`Sudah ditelepon ${REDACTED} di ${REDACTED}, alamat ${REDACTED}`);
    const text = kasi.form.fields.find((f: { id: string }) => f.id === 'isi-pengaduan');
    expect(text).toMatchObject({ confidential: false, masked: true, value: `Antrian terlalu lama. NIK saya ${REDACTED}, hubungi ${REDACTED}.` });
    expect(kasi.form.fields.find((f: { id: string }) => f.id === 'sasaran-pengaduan')).toMatchObject({ masked: false, value: 'Pelayanan' });
    for (const secret of ['Ni Made Ayu', '0812-3456-7890', '5108014503900001', '081298765432', 'Gajah Mada'])
      expect(JSON.stringify(kasi)).not.toContain(secret);
    expect((await client.request('POST', `/api/cases/${id}/reveal`, { as: 'buleleng.kasi-kerjasama' })).status).toBe(403);

    // the intake lane sees its colleagues' notes as written, and reveals the complaint text (recorded)
    const staf = (await detail(id, 'buleleng.staf-kerjasama')).body;
    expect(staf.kartuKendali[1].note).toBe(note);
    const revealed = await client.request('POST', `/api/cases/${id}/reveal`, { as: 'buleleng.staf-kerjasama' });
    expect(revealed.status).toBe(200);
    expect(revealed.body.fields).toMatchObject({ 'nama-lengkap': 'Ni Made Ayu', 'isi-pengaduan': data['isi-pengaduan'] });
  });
});

describe("the reply's preview: what the complainant will read, before it is sent", () => {
  const preview = (id: string, body: unknown, as = 'buleleng.staf-kerjasama') => client.request('POST', `/api/cases/${id}/reply-preview`, { as, body });

  it("strikes the complainant's identity as the ticket page will, keeps the office's own contacts, and saves nothing", async () => {
    const { id, ticket } = await fileBuleleng({ ...SAMPLE_COMPLAINTS.buleleng, 'alamat-email': 'ayu@mail.co.id' });
    const reply = 'Yth. Ni Made Ayu, KTP-el Anda selesai. Kami hubungi di 081234567890 atau ayu@mail.co.id; kantor: (0362) 21741, dukcapil@bulelengkab.go.id.';
    const shown = await preview(id, { reply: `  ${reply}  ` });
    expect(shown.status).toBe(200);
    expect(shown.body.reply).toBe(
      `Yth. ${REDACTED}, KTP-el Anda selesai. Kami hubungi di ${REDACTED} atau ${REDACTED}; kantor: (0362) 21741, dukcapil@bulelengkab.go.id.`,
    );
    // the preview is what is then published: sent with the event, the ticket page shows the same words
    const before = (await detail(id)).body;
    expect(before.kartuKendali.map((k: { reply: string | null }) => k.reply)).toEqual([null]);
    expect((await complete(id, BULELENG_LANES[0], { reply })).status).toBe(200);
    const view = await ticketView(ticket);
    expect(JSON.stringify(view.body)).toContain(shown.body.reply);
  });

  it('refuses what could not be sent (empty, too long, not text) with the field named, and other regencies with 403', async () => {
    const { id } = await fileBuleleng();
    for (const body of [{}, { reply: '   ' }, { reply: 'x'.repeat(2001) }, { reply: 42 }, { reply: 'a\u0000b' }]) {
      const res = await preview(id, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('reply');
    }
    expect((await preview(id, { reply: 'Terima kasih.' }, 'metro.petugas')).status).toBe(403);
    expect((await client.request('POST', `/api/cases/${id}/reply-preview`, { body: { reply: 'Terima kasih.' } })).status).toBe(401);
    expect((await preview('00000000-0000-4000-8000-000000000000', { reply: 'Terima kasih.' })).status).toBe(404);
    expect((await preview('bukan-id', { reply: 'Terima kasih.' })).status).toBe(400);
  });
});
