import { exactOffset, localInstant, timeZoneOffset } from './time-zone-offset';

const MINUTE = 60_000;

/** Instants every `stepMs` from `from` for `hours` hours. */
function instants(from: string, hours: number, stepMs: number): number[] {
  const start = Date.parse(from);
  return Array.from({ length: Math.floor((hours * 3600_000) / stepMs) }, (_, i) => start + i * stepMs);
}

describe('timeZoneOffset (remembered per hour)', () => {
  // zones and windows where the offset changes: DST both ways, a half-hour DST, a quarter-hour
  // offset, and Jakarta's change of 1924 from a local mean time of +07:07:12
  const windows: [string, string][] = [
    ['America/New_York', '2026-03-08T04:00:00Z'],
    ['America/New_York', '2026-11-01T03:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
    ['Asia/Jakarta', '1923-12-31T14:00:00Z'],
    ['Asia/Makassar', '2026-11-24T00:00:00Z'],
  ];

  it.each(windows)('%s from %s: the same offset as read second by second, on the first ask and the next', (zone, from) => {
    // an odd step, so that instants fall at every minute and second of the hours
    const at = instants(from, 8, 7 * MINUTE + 13_001);
    for (let pass = 0; pass < 2; pass++) {
      for (const t of at) expect([zone, new Date(t).toISOString(), timeZoneOffset(zone, t)]).toEqual([zone, new Date(t).toISOString(), exactOffset(zone, t)]);
    }
  });

  it('keeps the second of a change inside an hour (New York 2026-03-08 07:00:00Z; Jakarta 1923-12-31 16:40:00Z)', () => {
    const change = Date.parse('2026-03-08T07:00:00Z');
    expect(timeZoneOffset('America/New_York', change - 1000)).toBe(-5 * 60 * MINUTE);
    expect(timeZoneOffset('America/New_York', change)).toBe(-4 * 60 * MINUTE);
    // Jakarta, 1 January 1924 00:00 (+07:20): the local mean time of +07:07:12 ended
    const jakarta = Date.parse('1923-12-31T16:40:00Z');
    expect(timeZoneOffset('Asia/Jakarta', jakarta - 1000)).toBe((7 * 60 + 7) * MINUTE + 12_000);
    expect(timeZoneOffset('Asia/Jakarta', jakarta)).toBe((7 * 60 + 20) * MINUTE);
  });

  it('localInstant still lands on the local time asked for, in Jakarta and across a DST gap', () => {
    const day = Math.floor(Date.parse('2026-11-24T00:00:00Z') / 86_400_000);
    expect(new Date(localInstant('Asia/Jakarta', day, 9 * 60)).toISOString()).toBe('2026-11-24T02:00:00.000Z');
    const gapDay = Math.floor(Date.parse('2026-03-08T00:00:00Z') / 86_400_000);
    expect(new Date(localInstant('America/New_York', gapDay, 12 * 60)).toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });
});
