import { createCalendar } from '@sop/business-time';
import { createSopCalendar, periodicRunsDue } from './index';
import { loadSeed } from '../../sop-model/src/__fixtures__/seeds';

function load(id: string) {
  const sop = loadSeed(id);
  return { sop: sop, calendar: createSopCalendar(sop) };
}

describe('periodic runs', () => {
  const brebes = load('brebes');
  const buleleng = load('buleleng');

  it("puts Brebes' daily recap on every working day, with the day's bounds in WIB", () => {
    const runs = periodicRunsDue(brebes.sop.periodic!, brebes.calendar, new Date('2026-11-24T03:00:00Z')); // Tuesday 10:00 WIB
    const daily = runs.find((r) => r.period === '2026-11-24')!;
    expect(daily.periodicId).toBe(brebes.sop.periodic!.find((p) => p.schedule.every === 'day')!.id);
    expect(daily.from.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(daily.to.toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('has no daily recap on a Sunday or a holiday', () => {
    expect(periodicRunsDue(brebes.sop.periodic!, brebes.calendar, new Date('2026-11-22T03:00:00Z')).filter((r) => r.period.length === 10)).toEqual([]);
    expect(periodicRunsDue(brebes.sop.periodic!, brebes.calendar, new Date('2026-12-25T03:00:00Z')).filter((r) => r.period.length === 10)).toEqual([]);
  });

  it("starts Buleleng's monthly review on the month's last working day in WITA, not before", () => {
    const before = periodicRunsDue(buleleng.sop.periodic!, buleleng.calendar, new Date('2026-11-27T02:00:00Z')); // Friday 27 Nov
    expect(before).toEqual([]);
    const lastDay = periodicRunsDue(buleleng.sop.periodic!, buleleng.calendar, new Date('2026-11-30T01:00:00Z')); // Monday 30 Nov 09:00 WITA
    expect(lastDay.map((r) => r.period)).toEqual(['2026-11']);
    expect(lastDay[0].from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(lastDay[0].to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('runs a quarterly, a half-yearly and a yearly evaluation on the last working day of its months, with their bounds in WITA', () => {
    const base = buleleng.sop.periodic![0];
    const procedures = (['quarter', 'half-year', 'year'] as const).map((every) => ({ ...base, id: `evaluasi-${every}`, schedule: { every } }));
    // Wednesday 30 December is not the last working day of 2026: Thursday 31 is
    expect(periodicRunsDue(procedures, buleleng.calendar, new Date('2026-12-30T01:00:00Z'))).toEqual([]);
    const lastDay = periodicRunsDue(procedures, buleleng.calendar, new Date('2026-12-31T01:00:00Z'));
    const yearStart = new Date('2025-12-31T16:00:00.000Z');
    expect(lastDay).toEqual([
      { periodicId: 'evaluasi-quarter', period: '2026-Q4', from: new Date('2026-09-30T16:00:00.000Z'), to: new Date('2026-12-31T16:00:00.000Z') },
      { periodicId: 'evaluasi-half-year', period: '2026-H2', from: new Date('2026-06-30T16:00:00.000Z'), to: new Date('2026-12-31T16:00:00.000Z') },
      { periodicId: 'evaluasi-year', period: '2026', from: yearStart, to: new Date('2026-12-31T16:00:00.000Z') },
    ]);
    // the first quarter, at its first working day (2 January 2026, Friday)
    const atStart = procedures.map((p) => ({ ...p, schedule: { ...p.schedule, at: 'start' as const } }));
    expect(
      periodicRunsDue(atStart, buleleng.calendar, new Date('2026-01-02T01:00:00Z')).map((r) => [r.period, r.from.toISOString(), r.to.toISOString()]),
    ).toEqual([
      ['2026-Q1', yearStart.toISOString(), '2026-03-31T16:00:00.000Z'],
      ['2026-H1', yearStart.toISOString(), '2026-06-30T16:00:00.000Z'],
      ['2026', yearStart.toISOString(), '2026-12-31T16:00:00.000Z'],
    ]);
  });

  it('places a run past the last official holiday list on the provisional calendar', () => {
    // Friday 29 January 2027 is the last working day of the month
    expect(periodicRunsDue(buleleng.sop.periodic!, buleleng.calendar, new Date('2027-01-29T01:00:00Z'))).toEqual([
      { periodicId: 'laporan-bulanan', period: '2027-01', from: new Date('2026-12-31T16:00:00.000Z'), to: new Date('2027-01-31T16:00:00.000Z') },
    ]);
  });

  it('skips a period a calendar that refuses years without a list cannot place', () => {
    const strict = createCalendar({ timeZone: 'Asia/Makassar', missingYears: 'error' });
    expect(periodicRunsDue(buleleng.sop.periodic!, strict, new Date('2027-01-29T01:00:00Z'))).toEqual([]);
  });
});
