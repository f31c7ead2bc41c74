import { createSopCalendar } from '@sop/case-engine';
import { defaultStart } from './simulation';
import { loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const buleleng = loadSeed('buleleng');
const calendar = createSopCalendar(buleleng);

describe('the simulation’s default start', () => {
  it('is 09:00 office time on the next working day', () => {
    // Friday 13 March 2026 → Monday 16 March, 09:00 WITA
    expect(defaultStart(calendar, new Date('2026-03-13T03:00:00Z')).toISOString()).toBe('2026-03-16T01:00:00.000Z');
  });

  it('goes on into a year without an official holiday list', () => {
    // Thursday 31 December 2026 → (Friday 1 January 2027 is Tahun Baru) → Monday 4 January, 09:00 WITA
    expect(defaultStart(calendar, new Date('2026-12-31T03:00:00Z')).toISOString()).toBe('2027-01-04T01:00:00.000Z');
    expect(defaultStart(calendar, new Date('2031-06-10T03:00:00Z')).getUTCFullYear()).toBe(2031);
  });
});
