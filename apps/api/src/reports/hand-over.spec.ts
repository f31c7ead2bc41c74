import { execFileSync } from 'node:child_process';
import { KARTU_EVENT_TYPES } from '@sop/api-contract';
import { HAND_OVERS } from '../database/migrations/1766100000000-kartu-sop';
import { handOverSql, isHandOver, type HandOverLine } from './hand-over';

/** Every event, from no step, from a step to another, and back to the same step. */
const LINES: HandOverLine[] = KARTU_EVENT_TYPES.flatMap((event) => [
  { event, from_step: null, to_step: 'a' },
  { event, from_step: 'a', to_step: 'b' },
  { event, from_step: 'a', to_step: 'a' },
]);

/**
 * The numbers of LINES a WHERE clause keeps, on PGlite (in a child process: PGlite loads its
 * WebAssembly with a dynamic import, which jest's module sandbox does not allow).
 */
function linesWhere(where: string, alias: string): number[] {
  const script = `
    const { PGlite } = require('@electric-sql/pglite');
    (async () => {
      const db = await PGlite.create();
      await db.exec('CREATE TABLE kartu (n int, event text, from_step text, to_step text)');
      for (const [n, k] of ${JSON.stringify(LINES)}.entries()) {
        await db.query('INSERT INTO kartu VALUES ($1, $2, $3, $4)', [n, k.event, k.from_step, k.to_step]);
      }
      const { rows } = await db.query(${JSON.stringify(`SELECT n FROM kartu ${alias} WHERE ${where} ORDER BY n`)});
      process.stdout.write(JSON.stringify(rows.map((r) => r.n)));
      await db.close();
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as number[];
}

describe('the hand-over rule', () => {
  it('says the same in TypeScript and in SQL, for every event and step pair', () => {
    const inTs = LINES.flatMap((k, n) => (isHandOver(k) ? [n] : []));
    expect(linesWhere(handOverSql('k'), 'k')).toEqual(inTs);
    expect(linesWhere(handOverSql(''), '')).toEqual(inTs);
  });

  it('counts what an officer moved on, not a start, a side line or a deadline that only flagged', () => {
    expect(LINES.filter(isHandOver).map((k) => `${k.event} ${k.from_step}>${k.to_step}`)).toEqual([
      'COMPLETE a>b',
      'COMPLETE a>a',
      'CHOOSE a>b',
      'CHOOSE a>a',
      'ESCALATE a>b',
      'ESCALATE a>a',
      'REJECT a>b',
      'REJECT a>a',
      'EXPIRE a>b',
    ]);
  });

  it("is the predicate of the reports' partial indexes, word for word (else the planner cannot use them)", () => {
    expect(handOverSql('')).toBe(HAND_OVERS);
  });
});
