import { ConfigError } from '../config';
import { webConcurrency } from './web-concurrency';

describe('webConcurrency (WEB_CONCURRENCY)', () => {
  const pg = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sop' };

  it('is 1 (no workers) when unset or empty', () => {
    expect(webConcurrency({})).toBe(1);
    expect(webConcurrency({ WEB_CONCURRENCY: ' ' })).toBe(1);
  });

  it('takes a whole number of workers with PostgreSQL', () => {
    expect(webConcurrency({ ...pg, WEB_CONCURRENCY: '2' })).toBe(2);
    expect(webConcurrency({ ...pg, WEB_CONCURRENCY: '1' })).toBe(1);
  });

  it.each(['0', '-1', '1.5', 'two', '65'])('refuses %s, naming the variable and the range', (value) => {
    expect(() => webConcurrency({ ...pg, WEB_CONCURRENCY: value })).toThrow(ConfigError);
    expect(() => webConcurrency({ ...pg, WEB_CONCURRENCY: value })).toThrow(/WEB_CONCURRENCY must be a whole number .* from 1 to 64/);
  });

  it('refuses several workers on the embedded database, which one process holds', () => {
    expect(() => webConcurrency({ WEB_CONCURRENCY: '2' })).toThrow(/needs PostgreSQL \(DATABASE_URL\)/);
    expect(webConcurrency({ WEB_CONCURRENCY: '1' })).toBe(1);
  });
});
