import { afterSweeps, ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi as start, type ApiProcess, type TestDatabase } from './api-harness';

const running: ApiProcess[] = [];
async function startApi(...args: Parameters<typeof start>): Promise<ApiProcess> {
  const api = await start(...args);
  running.push(api);
  return api;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
});

/** Polls until `check` holds (the sweeper runs every 250 ms in tests). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('deadlines across a restart', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('fire once after the server restarts past them: escalating where the SOP says so, flagging otherwise', async () => {
    // Monday 23 November 2026, 09:00 WIB
    const first = await startApi(db, { SOP_CLOCK_START: '2026-11-23T02:00:00Z' });
    let client = new ApiClient(first.url);
    const ids: Record<string, string> = {};
    for (const name of ['escalating', 'flagged']) {
      const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
      const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
      ids[name] = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
    }
    // the first case climbs to the Kasi, whose 1 hari ends Tuesday 16:00 WIB
    await client.request('POST', `/api/cases/${ids.escalating}/events`, { as: 'metro.petugas', body: { type: 'CHOOSE', outcome: 'diterima', version: 1 } });
    const atKasi = await client.request('POST', `/api/cases/${ids.escalating}/events`, { as: 'metro.petugas', body: { type: 'ESCALATE', version: 2 } });
    expect(atKasi.body).toMatchObject({ step: 'kasi-periksa', dueAt: '2026-11-24T09:00:00.000Z' });
    const waiting = await client.request('GET', `/api/cases/${ids.flagged}`, { as: 'metro.petugas' });
    expect(waiting.body).toMatchObject({ step: { id: 'petugas-periksa' }, dueAt: '2026-11-24T09:00:00.000Z', overdue: false });
    expect(waiting.body.timeLeftMinutes).toBe(6 * 60 + 450); // Monday 09:00-16:00 less the lunch hour, and all of Tuesday
    await first.stop();

    // Wednesday 25 November, 09:00 WIB: both deadlines have passed while the server was down
    const second = await startApi(db, { SOP_CLOCK_START: '2026-11-25T02:00:00Z' });
    client = new ApiClient(second.url);
    const escalated = await eventually(
      () => client.request('GET', `/api/cases/${ids.escalating}`, { as: 'metro.kabid' }),
      (r) => r.body.step?.id === 'kabid-periksa',
    );
    expect(escalated.body).toMatchObject({ step: { id: 'kabid-periksa' }, overdue: true, canAct: true });
    expect(escalated.body.dueAt).toBe('2026-11-26T09:00:00.000Z');
    const flagged = await eventually(
      () => client.request('GET', `/api/cases/${ids.flagged}`, { as: 'metro.petugas' }),
      (r) => r.body.overdue === true,
    );
    expect(flagged.body).toMatchObject({ step: { id: 'petugas-periksa' }, overdue: true, canAct: true });
    expect(flagged.body.timeLeftMinutes).toBeLessThan(0);
    await afterSweeps([second]); // two more sweeps: nothing may fire twice
    const kabidInbox = await client.request('GET', '/api/cases?overdue=true', { as: 'metro.kabid' });
    expect(kabidInbox.body.items.map((i: { id: string }) => i.id)).toContain(ids.escalating);
    for (const id of Object.values(ids)) {
      const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.penyusun' });
      const expiries = detail.body.kartuKendali.filter((k: { event: string }) => k.event === 'EXPIRE');
      expect(expiries).toHaveLength(1);
      expect(expiries[0]).toMatchObject({ officer: 'system:deadline', overLimit: true, limit: '1 hari' });
    }
    await second.stop();
    // counted in the database: one EXPIRE line on each case's kartu kendali
    const lines = await db.sql<{ case_id: string; lines: number }>(
      `SELECT case_id, count(*)::int AS lines FROM kartu_kendali WHERE event = 'EXPIRE' AND case_id = ANY($1) GROUP BY case_id ORDER BY case_id`,
      [Object.values(ids)],
    );
    expect(lines).toEqual(
      Object.values(ids)
        .sort()
        .map((id) => ({ case_id: id, lines: 1 })),
    );
  });
});

describe('periodic procedures', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("open Brebes' daily and monthly recap and Buleleng's monthly review on schedule, carrying the period's logbook, once", async () => {
    // Friday 27 November 2026: a Buleleng complaint; no monthly review yet (not the month's last working day)
    const first = await startApi(db, { SOP_CLOCK_START: '2026-11-27T02:00:00Z' });
    let client = new ApiClient(first.url);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    const brebesFriday = await eventually(
      () => client.request('GET', '/api/cases?pageSize=100', { as: 'brebes.admin' }),
      (r) => r.body.items.some((i: { kind: string }) => i.kind === 'periodic'),
    );
    const friday = brebesFriday.body.items.filter((i: { kind: string }) => i.kind === 'periodic');
    expect(friday).toHaveLength(1); // the daily recap of 27 November only
    await first.stop();

    // Monday 30 November, 10:00 WIB / 11:00 WITA: the last working day of the month
    const second = await startApi(db, { SOP_CLOCK_START: '2026-11-30T03:00:00Z' });
    client = new ApiClient(second.url);
    const reviews = await eventually(
      () => client.request('GET', '/api/cases?pageSize=100', { as: 'buleleng.kasi-kerjasama' }),
      (r) => r.body.items.some((i: { kind: string }) => i.kind === 'periodic'),
    );
    const review = reviews.body.items.filter((i: { kind: string }) => i.kind === 'periodic');
    expect(review).toHaveLength(1);
    const detail = await client.request('GET', `/api/cases/${review[0].id}`, { as: 'buleleng.kasi-kerjasama' });
    expect(detail.body.periodic).toMatchObject({ period: '2026-11' });
    expect(detail.body.logbook.map((l: { ticket: string }) => l.ticket)).toEqual([filed.body.ticket]);
    expect(detail.body.logbookTotal).toBe(1);
    expect(JSON.stringify(detail.body.logbook)).not.toContain('Ni Made Ayu');
    const brebes = await eventually(
      () => client.request('GET', '/api/cases?pageSize=100', { as: 'brebes.admin' }),
      (r) => r.body.items.filter((i: { kind: string }) => i.kind === 'periodic').length >= 3,
    );
    const runs = brebes.body.items.filter((i: { kind: string }) => i.kind === 'periodic');
    expect(runs).toHaveLength(3); // 27 Nov daily, 30 Nov daily, November monthly
    await afterSweeps([second]); // two more passes of the work loop: no run opens twice
    const again = await client.request('GET', '/api/cases?pageSize=100', { as: 'brebes.admin' });
    expect(again.body.items.filter((i: { kind: string }) => i.kind === 'periodic')).toHaveLength(3);

    // the review runs through its own flow to its end
    let current = detail.body;
    for (let guard = 0; current.status === 'open' && guard < 10; guard++) {
      const user = `buleleng.${current.step.lane}`;
      const view = await client.request('GET', `/api/cases/${current.id}`, { as: user });
      const event = view.body.allowedEvents[0];
      const sent = await client.request('POST', `/api/cases/${current.id}/events`, {
        as: user,
        body: { type: event.type, ...(event.outcome ? { outcome: event.outcome } : {}), version: view.body.version },
      });
      expect(sent.status).toBe(200);
      current = (await client.request('GET', `/api/cases/${current.id}`, { as: user })).body;
    }
    expect(current.status).toBe('done');
    await second.stop();
    // counted in the database: each period's run opened once
    const opened = await db.sql<{ sop_id: string; periodic_id: string; period: string; runs: number }>(
      `SELECT sop_id, periodic_id, period, count(*)::int AS runs FROM cases WHERE kind = 'periodic' AND sop_id IN ('brebes', 'buleleng') GROUP BY 1, 2, 3`,
    );
    expect(opened.filter((r) => r.runs !== 1)).toEqual([]);
    expect(opened.filter((r) => r.sop_id === 'brebes')).toHaveLength(3);
    expect(opened.filter((r) => r.sop_id === 'buleleng')).toHaveLength(1);
  });
});

describe('a deadline that cannot be fired', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is set aside and shown by health, and never holds up the deadlines behind it', async () => {
    // Monday 23 November 2026, 09:00 WIB
    const first = await startApi(db, { SOP_CLOCK_START: '2026-11-23T02:00:00Z' });
    const client = new ApiClient(first.url);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
      const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
      ids.push(inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id);
    }
    await first.stop();
    // the oldest deadline belongs to a case at a step its SOP version does not have: firing it throws
    await db.sql(`UPDATE cases SET step = 'langkah-yang-hilang', due_at = due_at - interval '1 hour' WHERE id = $1`, [ids[0]]);

    // Wednesday 25 November, 09:00 WIB: all three deadlines have passed
    const second = await startApi(db, { SOP_CLOCK_START: '2026-11-25T02:00:00Z' });
    const after = new ApiClient(second.url);
    for (const id of ids.slice(1)) {
      const flagged = await eventually(
        () => after.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' }),
        (r) => r.body.overdue === true,
      );
      expect(flagged.body.overdue).toBe(true);
    }
    const health = await eventually(
      () => after.request('GET', '/api/health'),
      (r) => r.body.deadlines?.failing === 1,
    );
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      deadlines: { status: 'degraded', failing: 1, examples: [{ case: ids[0], attempts: 1, error: expect.stringContaining('langkah-yang-hilang') }] },
    });
    // set aside, not retried every pass: two more sweeps later it has still been tried once
    await afterSweeps([second]);
    const later = await after.request('GET', '/api/health');
    expect(later.body.deadlines).toMatchObject({ failing: 1, examples: [{ case: ids[0], attempts: 1 }] });
    await second.stop();
    // counted in the database: the two deadlines behind it fired once each, the broken one not at all
    const lines = await db.sql<{ case_id: string; lines: number }>(
      `SELECT case_id, count(*)::int AS lines FROM kartu_kendali WHERE event = 'EXPIRE' AND case_id = ANY($1) GROUP BY case_id`,
      [ids],
    );
    expect(Object.fromEntries(lines.map((l) => [l.case_id, l.lines]))).toEqual({ [ids[1]]: 1, [ids[2]]: 1 });
  });
});
