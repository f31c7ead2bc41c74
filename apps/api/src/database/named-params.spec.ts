import { NamedParams, prefixed } from './named-params';

describe('NamedParams', () => {
  it('numbers names by first use, reuses a name, and lays out the values in that order', () => {
    const p = new NamedParams<'id' | 'now' | 'step'>();
    const sql = `UPDATE cases SET updated_at = ${p.ref('now')}, step = ${p.ref('step')} WHERE id = ${p.ref('id')} AND step <> ${p.ref('step')}`;
    expect(sql).toBe('UPDATE cases SET updated_at = $1, step = $2 WHERE id = $3 AND step <> $2');
    expect(p.values({ id: 'c1', now: 'T', step: 's2' })).toEqual(['T', 's2', 'c1']);
    expect(p.order).toEqual(['now', 'step', 'id']);
  });

  it('writes a list of placeholders', () => {
    const p = new NamedParams<'a' | 'b' | 'c'>();
    expect(p.ref('b')).toBe('$1');
    expect(p.refs(['a', 'b', 'c'])).toBe('$2, $1, $3');
  });

  it('prefixes keys', () => {
    expect(prefixed('state_', { step: 'x', lane: 'y' })).toEqual({ state_step: 'x', state_lane: 'y' });
  });
});
