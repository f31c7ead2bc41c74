import { ApiClient, createTestDatabase, DEMO_PASSWORD, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Claiming a case within its lane (issue 11): an officer of the lane says they work it; colleagues
 * of the lane see so and cannot move it until it is released or taken over with a reason; a move to
 * the next step ends the claim. Buleleng's receiving lane (staf-kerjasama) gets a second officer.
 */
let db: TestDatabase | undefined;
let api: ApiProcess | undefined;
let client: ApiClient;

beforeAll(async () => {
  const database = await createTestDatabase();
  db = database;
  const started = await startApi(database);
  api = started;
  client = new ApiClient(started.url);
  const created = await client.request('POST', '/api/admin/users', {
    as: 'admin.buleleng',
    body: { username: 'buleleng.staf-dua', displayName: 'Staf Dua', regency: 'buleleng', lanes: ['staf-kerjasama'], password: DEMO_PASSWORD },
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function newCase(): Promise<{ id: string; ticket: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
  const item = (await client.request('GET', '/api/cases', { as: 'buleleng.staf-kerjasama' })).body.items.find(
    (i: { ticket: string }) => i.ticket === filed.body.ticket,
  );
  return { id: item.id, ticket: filed.body.ticket };
}
const claim = (id: string, as: string, body: Record<string, unknown> = {}) => client.request('POST', `/api/cases/${id}/claim`, { as, body });
const detail = (id: string, as: string) => client.request('GET', `/api/cases/${id}`, { as });

describe('claiming a case within its lane', () => {
  it('shows the claim to the lane, and keeps a colleague from moving the case meanwhile', async () => {
    const { id, ticket } = await newCase();
    const claimed = await claim(id, 'buleleng.staf-kerjasama');
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('Staf Kerjasama (Kabupaten Buleleng)');
    expect((await detail(id, 'buleleng.staf-kerjasama')).body.assignee).toMatchObject({ mine: true });
    const seen = await detail(id, 'buleleng.staf-dua');
    expect(seen.body.assignee).toMatchObject({ name: 'Staf Kerjasama (Kabupaten Buleleng)', mine: false });
    const inbox = await client.request('GET', '/api/cases', { as: 'buleleng.staf-dua' });
    expect(inbox.body.items.find((i: { ticket: string }) => i.ticket === ticket).assignee).toEqual({
      name: 'Staf Kerjasama (Kabupaten Buleleng)',
      mine: false,
    });
    const mine = await client.request('GET', '/api/cases?mine=true', { as: 'buleleng.staf-kerjasama' });
    expect(mine.body.items.map((i: { ticket: string }) => i.ticket)).toEqual([ticket]);

    const moved = await client.request('POST', `/api/cases/${id}/events`, { as: 'buleleng.staf-dua', body: { type: 'COMPLETE', version: seen.body.version } });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toMatch(/Staf Kerjasama \(Kabupaten Buleleng\) is working on this case/);
    const again = await claim(id, 'buleleng.staf-dua');
    expect(again.status).toBe(409);
  });

  it('takes a claim over only with a reason, recorded in the audit log', async () => {
    const { id, ticket } = await newCase();
    expect((await claim(id, 'buleleng.staf-kerjasama')).status).toBe(200);
    const noReason = await claim(id, 'buleleng.staf-dua', { takeOver: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'note' });
    const taken = await claim(id, 'buleleng.staf-dua', { takeOver: true, note: 'Rekan sedang cuti' });
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toBe('Staf Dua');
    const audit = await client.request('GET', '/api/admin/audit?action=case.takeover', { as: 'admin.buleleng' });
    expect(audit.status).toBe(200);
    expect(audit.body.items.find((e: { target: string }) => e.target === ticket)).toMatchObject({
      actor: 'buleleng.staf-dua',
      details: { from: 'Staf Kerjasama (Kabupaten Buleleng)', note: 'Rekan sedang cuti' },
    });
  });

  it('ends with a release or a move; only officers of the lane claim, and only the holder releases', async () => {
    const { id } = await newCase();
    expect((await claim(id, 'buleleng.kasi-kerjasama')).status).toBe(403);
    expect((await claim(id, 'buleleng.staf-kerjasama')).status).toBe(200);
    expect((await client.request('POST', `/api/cases/${id}/release`, { as: 'buleleng.staf-dua' })).status).toBe(409);
    expect((await client.request('POST', `/api/cases/${id}/release`, { as: 'buleleng.staf-kerjasama' })).status).toBe(200);
    expect((await detail(id, 'buleleng.staf-dua')).body.assignee).toBeNull();
    // claimed again, then handed on: the next lane finds it unclaimed
    expect((await claim(id, 'buleleng.staf-dua')).status).toBe(200);
    const seen = await detail(id, 'buleleng.staf-dua');
    expect(
      (await client.request('POST', `/api/cases/${id}/events`, { as: 'buleleng.staf-dua', body: { type: 'COMPLETE', version: seen.body.version } })).status,
    ).toBe(200);
    expect((await detail(id, 'buleleng.kasi-kerjasama')).body).toMatchObject({ assignee: null, canAct: true });
  });
});

describe('handing a case to a colleague of the lane', () => {
  const handOver = (id: string, as: string, body: unknown) => client.request('POST', `/api/cases/${id}/handover`, { as, body });

  it('lists the colleagues of the lane, and makes the named one the owner, who finds it under "mine"; audited', async () => {
    const { id, ticket } = await newCase();
    const colleagues = await client.request('GET', `/api/cases/${id}/colleagues`, { as: 'buleleng.staf-kerjasama' });
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.items).toEqual([
      { username: 'buleleng.staf-dua', name: 'Staf Dua', me: false, owner: false },
      { username: 'buleleng.staf-kerjasama', name: 'Staf Kerjasama (Kabupaten Buleleng)', me: true, owner: false },
    ]);
    const handed = await handOver(id, 'buleleng.staf-kerjasama', { to: 'buleleng.staf-dua', note: 'Warga kenal Bu Dua' });
    expect(handed.status).toBe(200);
    expect(handed.body.assignee).toBe('Staf Dua');
    expect((await detail(id, 'buleleng.staf-dua')).body.assignee).toMatchObject({ name: 'Staf Dua', mine: true });
    const mine = await client.request('GET', '/api/cases?mine=true', { as: 'buleleng.staf-dua' });
    expect(mine.body.items.map((i: { ticket: string }) => i.ticket)).toContain(ticket);
    // the one who handed it on no longer moves it
    const seen = await detail(id, 'buleleng.staf-kerjasama');
    const moved = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'buleleng.staf-kerjasama',
      body: { type: 'COMPLETE', version: seen.body.version },
    });
    expect(moved.status).toBe(409);
    const audit = await client.request('GET', '/api/admin/audit?action=case.handover', { as: 'admin.buleleng' });
    expect(audit.body.items.find((e: { target: string }) => e.target === ticket)).toMatchObject({
      actor: 'buleleng.staf-kerjasama',
      details: { from: 'Staf Kerjasama (Kabupaten Buleleng)', to: 'Staf Dua', toUser: 'buleleng.staf-dua', note: 'Warga kenal Bu Dua' },
    });
  });

  it('hands only to an officer of the lane, only by an officer of the lane, and not past a colleague who holds it', async () => {
    const { id } = await newCase();
    const outsider = await handOver(id, 'buleleng.staf-kerjasama', { to: 'buleleng.kasi-kerjasama' });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors[0]).toMatchObject({ field: 'to' });
    expect(outsider.body.errors[0].message).toMatch(/not an active officer of lane "staf-kerjasama"/);
    expect((await handOver(id, 'buleleng.staf-kerjasama', { to: 'metro.petugas' })).status).toBe(400);
    expect((await handOver(id, 'buleleng.staf-kerjasama', { to: 'buleleng.staf-kerjasama' })).status).toBe(400);
    expect((await handOver(id, 'buleleng.kasi-kerjasama', { to: 'buleleng.staf-dua' })).status).toBe(403);
    expect((await client.request('GET', `/api/cases/${id}/colleagues`, { as: 'buleleng.kasi-kerjasama' })).status).toBe(403);
    expect((await claim(id, 'buleleng.staf-dua')).status).toBe(200);
    expect((await handOver(id, 'buleleng.staf-kerjasama', { to: 'buleleng.staf-dua' })).status).toBe(409);
    // the holder hands it back
    const back = await handOver(id, 'buleleng.staf-dua', { to: 'buleleng.staf-kerjasama' });
    expect(back.status).toBe(200);
    expect((await detail(id, 'buleleng.staf-kerjasama')).body.assignee).toMatchObject({ mine: true });
  });

  it('refuses hostile bodies with 400 naming the field', async () => {
    const { id } = await newCase();
    for (const body of [
      {},
      { to: '' },
      { to: 42 },
      { to: 'x'.repeat(101) },
      { to: 'buleleng.staf-dua', note: 'n'.repeat(501) },
      { to: ['buleleng.staf-dua'] },
    ]) {
      const r = await handOver(id, 'buleleng.staf-kerjasama', body);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.errors)).toMatch(/"field":"(to|note)"/);
    }
    expect((await handOver('not-a-uuid', 'buleleng.staf-kerjasama', { to: 'buleleng.staf-dua' })).status).toBe(400);
    expect((await handOver('00000000-0000-4000-8000-000000000000', 'buleleng.staf-kerjasama', { to: 'buleleng.staf-dua' })).status).toBe(404);
  });
});
