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
