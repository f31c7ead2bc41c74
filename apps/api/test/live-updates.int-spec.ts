import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * Live updates (docs/adr/0022-live-case-updates.md): server-sent events at /api/cases/stream. On
 * PostgreSQL two API processes share the database and a change written through one reaches a
 * stream opened on the other (LISTEN/NOTIFY); on the embedded database (one process) the same
 * process's stream gets it.
 */
interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** An SSE client over fetch (the header carries the bearer token, as the web app sends it). */
class Stream {
  readonly events: SseEvent[] = [];
  comments = 0;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  status = 0;

  static async open(url: string, token: string, lastEventId?: string): Promise<Stream> {
    const s = new Stream();
    const res = await fetch(`${url}/api/cases/stream`, {
      headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: s.abort.signal,
    });
    s.status = res.status;
    if (res.status === 200 && res.body) void s.read(res.body);
    return s;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const e: SseEvent = { event: 'message', data: '' };
          let fields = 0;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              this.comments++;
              continue;
            }
            if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data = line.slice(6);
            else continue;
            fields++;
          }
          if (fields) this.events.push(e);
          this.waiters.forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    }
  }

  /** Waits until an event matching `test` arrived (up to 10 s). */
  async waitFor(test: (e: SseEvent) => boolean, what: string): Promise<SseEvent> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within 10 s; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
      this.waiters = [];
    }
  }

  caseEvents(id: string): { id: string; version: number }[] {
    return this.events
      .filter((e) => e.event === 'case')
      .map((e) => JSON.parse(e.data) as { id: string; version: number })
      .filter((c) => c.id === id);
  }

  close(): void {
    this.abort.abort();
  }
}

let db: TestDatabase | undefined;
const apis: ApiProcess[] = [];
let a: ApiClient;
let b: ApiClient;
const streams: Stream[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { LIVE_HEARTBEAT_MS: '300', LIVE_STREAMS_PER_USER: '3' };
  const first = await startApi(db, env);
  apis.push(first);
  // a second process where the database allows it (PostgreSQL); the embedded database is one process
  const second = db.kind === 'postgres' ? await startApi(db, env) : first;
  if (second !== first) apis.push(second);
  a = new ApiClient(first.url);
  b = new ApiClient(second.url);
});

afterAll(async () => {
  streams.forEach((s) => s.close());
  await Promise.all(apis.map((p) => p.stop()));
  await db?.drop();
});

async function stream(on: ApiClient, as: string, lastEventId?: string): Promise<Stream> {
  const s = await Stream.open(on.url, await on.token(as), lastEventId);
  streams.push(s);
  return s;
}

async function file(sop: string): Promise<{ id: string; ticket: string }> {
  const filed = await a.request('POST', '/api/public/complaints', { body: { sop, data: SAMPLE_COMPLAINTS[sop] } });
  expect(filed.status).toBe(201);
  const lane = sop === 'buleleng' ? 'buleleng.staf-kerjasama' : 'metro.petugas';
  const item = (await a.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: lane })).body.items[0];
  return { id: item.id, ticket: filed.body.ticket };
}

describe('live updates of cases', () => {
  it('a change written through one API process reaches a stream on the other, with ids and versions only, for the lanes that see it', async () => {
    const staf = await stream(b, 'buleleng.staf-kerjasama');
    const kasi = await stream(b, 'buleleng.kasi-kerjasama');
    const metro = await stream(b, 'metro.petugas');
    expect([staf.status, kasi.status, metro.status]).toEqual([200, 200, 200]);
    await staf.waitFor((e) => e.event === 'ready', 'ready event');

    // a citizen files through A: the receiving lane's stream on B hears of the new case
    const { id } = await file('buleleng');
    const filed = await staf.waitFor((e) => e.event === 'case' && (JSON.parse(e.data) as { id: string }).id === id, 'event of the new case');
    expect(JSON.parse(filed.data)).toEqual({ id, version: 1 });
    expect(filed.id).toMatch(/^[a-z0-9]+:\d+$/);

    // an officer claims and moves it through A: the next lane (kasi) hears of it on B
    expect((await a.request('POST', `/api/cases/${id}/claim`, { as: 'buleleng.staf-kerjasama', body: {} })).status).toBe(200);
    const moved = await a.request('POST', `/api/cases/${id}/events`, { as: 'buleleng.staf-kerjasama', body: { type: 'COMPLETE', version: 1 } });
    expect(moved.status).toBe(200);
    await kasi.waitFor((e) => e.event === 'case' && (JSON.parse(e.data) as { version: number }).version === 2, 'event of the moved case');
    await staf.waitFor((e) => e.event === 'case' && (JSON.parse(e.data) as { version: number }).version === 2, 'event of the case leaving the lane');
    expect(kasi.caseEvents(id)).toEqual([{ id, version: 2 }]); // it was not in kasi's lane before the move

    // another regency hears nothing of it; its own case arrives
    const other = await file('metro');
    await metro.waitFor((e) => e.event === 'case', 'event of the metro case');
    expect(metro.events.filter((e) => e.event === 'case').map((e) => (JSON.parse(e.data) as { id: string }).id)).toEqual([other.id]);
    // no identity anywhere in what was streamed
    const all = JSON.stringify([...staf.events, ...kasi.events, ...metro.events]);
    expect(all).not.toMatch(/Rahayu|0812|Staf Kerjasama|staf-kerjasama/);
  });

  it('a reconnecting stream gets what it missed after its Last-Event-ID, or a resync; heartbeats keep it open', async () => {
    const first = await stream(b, 'buleleng.staf-kerjasama');
    const ready = await first.waitFor((e) => e.event === 'ready', 'ready event');
    await first.waitFor(() => first.comments > 0, 'heartbeat').catch(() => undefined);
    expect(first.comments).toBeGreaterThan(0);
    first.close();
    const { id } = await file('buleleng');
    // process B hears of it while no stream of this user is open
    await new Promise((r) => setTimeout(r, 500));
    const again = await stream(b, 'buleleng.staf-kerjasama', ready.id);
    const missed = await again.waitFor((e) => e.event === 'case', 'the missed change');
    expect(JSON.parse(missed.data)).toEqual({ id, version: 1 });
    const stranger = await stream(b, 'buleleng.staf-kerjasama', 'zzzz:1');
    await stranger.waitFor((e) => e.event === 'resync', 'resync for an id this process did not give');
    stranger.close();
    again.close();
  });

  it('refuses a stream without a login, a malformed Last-Event-ID, and more streams than allowed per user', async () => {
    expect((await fetch(`${b.url}/api/cases/stream`)).status).toBe(401);
    for (const bad of ['abc', '1:2:3', 'x'.repeat(60) + ':1', 'a:-1']) {
      const r = await Stream.open(b.url, await b.token('buleleng.kepala-dinas'), bad);
      expect(r.status).toBe(400);
    }
    const open = [await stream(b, 'buleleng.kepala-dinas'), await stream(b, 'buleleng.kepala-dinas'), await stream(b, 'buleleng.kepala-dinas')];
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await fetch(`${b.url}/api/cases/stream`, { headers: { authorization: `Bearer ${await b.token('buleleng.kepala-dinas')}` } });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('30');
    expect(((await fourth.json()) as { message: string }).message).toMatch(/at most 3/);
    open[0].close();
    await new Promise((r) => setTimeout(r, 300));
    const fifth = await stream(b, 'buleleng.kepala-dinas');
    expect(fifth.status).toBe(200);
  });
});
