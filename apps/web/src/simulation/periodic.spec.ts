import { createCalendar } from '@sop/business-time';
import { createSopCalendar } from '@sop/case-engine';
import { simulationMessagesEn, simulationMessagesId } from './messages';
import { nextRunDue } from './periodic';
import { loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const sopOf = loadSeed;

describe('the next periodic run on the virtual clock', () => {
  const buleleng = sopOf('buleleng');
  const calendar = createSopCalendar(buleleng);
  const monthly = buleleng.periodic!.find((p) => p.id === 'laporan-bulanan')!;

  it('opens at 00:00 office time of the month’s last working day (Friday 27 February 2026, WITA)', () => {
    const due = nextRunDue(monthly, calendar, new Date('2026-02-03T01:00:00Z'), null);
    expect(due && { period: due.period, opensAt: due.opensAt.toISOString() }).toEqual({ period: '2026-02', opensAt: '2026-02-26T16:00:00.000Z' });
  });

  it('is due at once when the clock is already on the run day and the period has not run', () => {
    const now = new Date('2026-02-27T03:00:00Z');
    expect(nextRunDue(monthly, calendar, now, null)?.opensAt).toEqual(now);
  });

  it('skips a period that has run: the next one is the following month’s', () => {
    const due = nextRunDue(monthly, calendar, new Date('2026-02-27T03:00:00Z'), '2026-02');
    expect(due?.period).toBe('2026-03');
    expect(due!.opensAt.getTime()).toBeGreaterThan(new Date('2026-03-01T00:00:00+08:00').getTime());
  });

  it('finds the next run beyond the official holiday lists on the provisional calendar', () => {
    // Friday 29 January 2027 is the last working day of January, 00:00 WITA
    expect(nextRunDue(monthly, calendar, new Date('2026-12-31T03:00:00Z'), '2026-12')).toMatchObject({
      period: '2027-01',
      opensAt: new Date('2027-01-28T16:00:00.000Z'),
    });
  });

  it('finds a yearly evaluation at the year’s last working day, and a quarter’s at its first', () => {
    const yearly = { ...monthly, id: 'evaluasi-tahunan', schedule: { every: 'year' as const } };
    // Thursday 31 December 2026, 00:00 WITA
    expect(nextRunDue(yearly, calendar, new Date('2026-03-02T03:00:00Z'), null)).toMatchObject({
      period: '2026',
      opensAt: new Date('2026-12-30T16:00:00.000Z'),
    });
    const quarterly = { ...monthly, id: 'evaluasi-triwulan', schedule: { every: 'quarter' as const, at: 'start' as const } };
    // the second quarter opens on its first working day: Wednesday 1 April 2026
    expect(nextRunDue(quarterly, calendar, new Date('2026-03-02T03:00:00Z'), '2026-Q1')).toMatchObject({
      period: '2026-Q2',
      opensAt: new Date('2026-03-31T16:00:00.000Z'),
    });
  });

  it('finds none on a calendar that refuses years without a list', () => {
    const strict = createCalendar({ timeZone: 'Asia/Makassar', missingYears: 'error' });
    expect(nextRunDue(monthly, strict, new Date('2026-12-31T03:00:00Z'), '2026-12')).toBeNull();
  });

  it('has every message in both languages', () => {
    expect(Object.keys(simulationMessagesEn).sort()).toEqual(Object.keys(simulationMessagesId).sort());
  });
});
