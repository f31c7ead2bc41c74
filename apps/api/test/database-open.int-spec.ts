import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, ROOT, type TestDatabase } from './api-harness';

/**
 * Database.open on the `pg` pool it owns (docs/adr/0028-persistence-pg.md), through the built code:
 * TypeORM runs the migrations on connections of its own, and the pool's first statement after them
 * answers. On the embedded database a connection opened right after the migrations' one closed was
 * refused by PGlite's socket server ("Connection terminated unexpectedly"), and so was a connection
 * the pool opened right after retiring one. The database starts half migrated by TypeORM's own runner, as a
 * database written before; the `typeorm` CLI then finds nothing pending. Run on PGlite by default
 * and on PostgreSQL with DATABASE_URL.
 */

type Probe = Record<string, any>;

/** Runs test/database-open-probe.js on the database and returns what each step answered. */
function probe(db: TestDatabase): Promise<Probe> {
  const target = db.url ?? `embedded:${db.env.DATA_DIR}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'database-open-probe.js'), target], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`the probe exited with ${code}: ${err || out}`));
      }
    });
  });
}

describe('Database.open on a database half migrated by TypeORM', () => {
  let db: TestDatabase | undefined;
  let kind: TestDatabase['kind'];
  let steps: Probe;

  beforeAll(async () => {
    db = await createTestDatabase();
    kind = db.kind;
    steps = await probe(db);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('runs the migrations TypeORM had not, and the first statement and prepared statement after them answer', () => {
    expect(steps['typeorm ran the older half']).toEqual(steps.older);
    const newer = (steps.all as string[]).filter((name) => !steps.older.includes(name));
    expect(newer.length).toBeGreaterThan(0);
    expect(steps['ready line']).toEqual([{ kind, migrated: newer }]);
    expect(steps['first statement']).toEqual([{ n: steps.all.length }]);
    expect(steps['first prepared statement']).toEqual([{ v: 'a' }]);
    expect(steps['pool after start']).toMatchObject({ max: kind === 'embedded' ? 1 : 4, total: 1, waiting: 0 });
  });

  it("writes TypeORM's table: the typeorm CLI finds nothing pending, and a second start runs nothing", () => {
    expect(steps['typeorm sees pending migrations']).toBe(false);
    expect(steps['migrations table']).toEqual((steps.all as string[]).map((name) => ({ timestamp: name.slice(-13), name })));
    expect(steps['second open']).toEqual({ ready: [[]], rows: [{ one: 1 }] });
  });

  it("a database error is the driver's, keeps its statement as `query`, and leaves the connection in the pool", () => {
    expect(steps['refused']).toEqual({ type: 'DatabaseError', code: '42P01', query: 'SELECT * FROM no_such_table WHERE id = $1' });
    expect(steps['same connection after the error']).toEqual({ same: true, total: 1 });
  });

  it('a plain UPDATE … RETURNING answers its rows, a DELETE without RETURNING none', () => {
    expect(steps['update returning']).toEqual([{ k: 'a', n: 2 }]);
    expect(steps['delete']).toEqual([]);
  });

  it('a statement right after the pool retired its connection answers (the embedded server lets the old one go first)', () => {
    expect(steps['statements right after a retired connection']).toEqual([0, 1, 2, 3, 4]);
  });
});
