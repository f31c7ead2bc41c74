import { request } from 'node:http';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * GET /metrics (Prometheus text) moves with the work the API does: a filed complaint and an event
 * count in the HTTP latencies under their route patterns and in the events applied; a passed
 * deadline in the deadlines fired and their lag; a report in the report durations. Request ids are
 * echoed and carried by the log lines. Without METRICS_TOKEN only this machine reads the metrics;
 * with it, only a caller who sends it.
 */

const TUESDAY = '2026-11-10T09:00:00+08:00';
const AN_HOUR_LATER = '2026-11-10T10:00:00+08:00';
const TOKEN = 'metrics-token-for-the-test-0123456789';

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${api!.url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
});

describe('GET /metrics', () => {
  let ticket: string;

  it('counts a filed complaint and an event, by route pattern, and the report durations', async () => {
    api = await startApi(db, { SOP_CLOCK_START: new Date(TUESDAY).toISOString(), LOG_LEVEL: 'debug' });
    client = new ApiClient(api.url);
    const before = await scrape();
    expect(sample(before, 'sop_events_applied_total', 'event="COMPLETE"')).toBe(0);
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'buleleng', data: SAMPLE_COMPLAINTS.buleleng } });
    expect(filed.status).toBe(201);
    ticket = filed.body.ticket;
    const as = 'buleleng.staf-kerjasama';
    const id = (await client.request('GET', `/api/cases?ticket=${ticket}`, { as })).body.items[0].id;
    const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { type: 'COMPLETE', version: 1 } });
    expect(moved.status).toBe(200);
    expect((await client.request('GET', '/api/reports?month=2026-11', { as })).status).toBe(200);
    const after = await scrape();
    expect(sample(after, 'sop_events_applied_total', 'event="COMPLETE"')).toBe(1);
    expect(sample(after, 'http_request_duration_seconds_count', 'method="POST",route="/api/public/complaints",status="201"')).toBe(1);
    expect(sample(after, 'http_request_duration_seconds_count', 'method="POST",route="/api/cases/:id/events",status="200"')).toBe(1);
    expect(sample(after, 'sop_report_duration_seconds_count', 'report="regency"')).toBe(1);
    expect(sample(after, 'sop_db_pool_connections', 'state="max"')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('sop_sweep_duration_seconds_count');
    // route patterns, never raw URLs: no case id, no ticket
    expect(after).not.toContain(id);
    expect(after).not.toContain(ticket);
  }, 120_000);

  it('echoes a sane X-Request-Id and writes it in the log lines of that request; replaces one that is not', async () => {
    const sane = await client.request('GET', '/api/sops', { headers: { 'X-Request-Id': 'trace-4f2a.77' } });
    expect(sane.headers.get('x-request-id')).toBe('trace-4f2a.77');
    await new Promise((r) => setTimeout(r, 300));
    expect(api!.logs.some((l) => l.includes('"requestId":"trace-4f2a.77"') && l.includes('"route":"/api/sops"'))).toBe(true);
    const hostile = await client.request('GET', '/api/sops', { headers: { 'X-Request-Id': 'x"} {' + 'a'.repeat(200) } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const none = await client.request('GET', '/api/health');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the request id into what a route logs after a body that came slowly (a refused log-in)', async () => {
    // the body arrives in two pieces, a moment apart, as from a slow connection: it is read in later socket events
    const body = JSON.stringify({ username: 'buleleng.admin', password: 'not-the-password' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${api!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Request-Id': 'login-probe-9c1' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 150);
    });
    expect(status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    const line = api!.logs.find((l) => l.includes('"msg":"login refused"') && l.includes('"requestId":"login-probe-9c1"'));
    expect(line).toBeDefined();
  });

  it('counts the deadlines fired an hour after the step’s limit, with their lag; with METRICS_TOKEN only its bearer reads', async () => {
    await api!.stop();
    api = await startApi(db, { SOP_CLOCK_START: new Date(AN_HOUR_LATER).toISOString(), METRICS_TOKEN: TOKEN });
    client = new ApiClient(api.url);
    expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' } })).status).toBe(401);
    let text = '';
    for (let i = 0; i < 100; i++) {
      text = await scrape({ authorization: `Bearer ${TOKEN}` });
      if (sample(text, 'sop_deadlines_fired_total') >= 1 && sample(text, 'sop_sweep_duration_seconds_count') >= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // step 2's 5 minutes passed long before this start (and what its timeout leads to may pass too)
    const fired = sample(text, 'sop_deadlines_fired_total');
    expect(fired).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sop_deadline_lag_seconds_count')).toBe(fired);
    expect(sample(text, 'sop_deadline_lag_seconds_bucket', 'le="60"')).toBe(0);
    expect(sample(text, 'sop_sweep_duration_seconds_count')).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
