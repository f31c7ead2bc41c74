import { CasesRepository } from '../src/cases/cases.repository';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * A periodic run's logbook is bounded: it lists the first complaints of its period, oldest first,
 * and says how many the period has (a yearly run of a large regency has hundreds of thousands; the
 * reports' logbook pages through them all). Three complaints of Kota Metro, read with small bounds.
 */

let db: TestDatabase;
let api: ApiProcess | undefined;
const tickets: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: '2026-11-10T02:00:00Z' });
  const client = new ApiClient(api.url);
  for (let i = 0; i < 3; i++) {
    const filed = await client.request('POST', '/api/public/complaints', {
      body: { sop: 'metro', data: { ...SAMPLE_COMPLAINTS.metro, isi: `Pengaduan ${i}` } },
    });
    expect(filed.status).toBe(201);
    tickets.push(filed.body.ticket);
  }
  // the embedded database is read by one process at a time
  await api.stop();
  api = undefined;
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
});

describe("a periodic run's logbook", () => {
  const repository = () => new CasesRepository({ query: (sql: string, params?: unknown[]) => db.sql(sql, params) } as never, null as never);
  const november = [new Date('2026-10-31T17:00:00Z'), new Date('2026-11-30T17:00:00Z')] as const;

  it('lists the first complaints of the period, oldest first, and counts them all', async () => {
    const bounded = await repository().logbook('metro', ...november, 2);
    expect(bounded.lines.map((l) => l.ticket)).toEqual(tickets.slice(0, 2));
    expect(bounded.total).toBe(3);
    const whole = await repository().logbook('metro', ...november, 500);
    expect(whole.lines.map((l) => l.ticket)).toEqual(tickets);
    expect(whole.total).toBe(3);
    expect(await repository().logbook('brebes', ...november, 2)).toEqual({ lines: [], total: 0 });
  });
});
