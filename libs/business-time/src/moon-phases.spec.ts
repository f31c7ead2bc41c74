import { deltaTSeconds, fullMoonsBetween, moonPhase, newMoonsBetween, SYNODIC_MONTH_DAYS } from './moon-phases';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** |actual − expected| in minutes. */
function minutesOff(actual: Date, expected: string): number {
  return Math.abs(actual.getTime() - Date.parse(expected)) / MINUTE;
}

describe('moonPhase', () => {
  it("reproduces Meeus' example 49.a (new moon of February 1977) to a few seconds", () => {
    // Meeus: k = -283, JDE 2443192.65118 = 1977-02-18 03:37:42 Dynamical Time.
    const ut = moonPhase(-283, 'new');
    const td = ut.getTime() + deltaTSeconds(1977.13) * 1000;
    expect(Math.abs(td - Date.parse('1977-02-18T03:37:42Z'))).toBeLessThan(5_000);
  });

  // Published instants (USNO phases of the Moon, rounded to the minute). The method is good to well
  // under a minute here (Meeus, plus a ΔT estimate a few seconds off), so 2 minutes is a safe bound.
  it.each([
    ['new', 0, '2000-01-06T18:14Z'],
    ['new', 300, '2024-04-08T18:21Z'], // the total solar eclipse over North America
    ['new', 312, '2025-03-29T10:58Z'], // the eve of Nyepi 2025 (a partial solar eclipse)
    ['full', 313, '2025-05-12T16:56Z'], // Waisak 2025: 23:56 WIB
    ['full', 289, '2023-06-04T03:42Z'], // Waisak 2023
    ['new', 324, '2026-03-19T01:23Z'], // Nyepi 2026
    ['full', 326, '2026-05-31T08:45Z'], // Waisak 2026
  ] as const)('%s moon of lunation %i is at %s', (phase, k, expected) => {
    expect(minutesOff(moonPhase(k, phase), expected)).toBeLessThan(2);
  });

  it('refuses a fractional lunation number', () => {
    expect(() => moonPhase(1.5, 'new')).toThrow(RangeError);
  });
});

describe('newMoonsBetween / fullMoonsBetween', () => {
  it('finds the new moons of 2024 in order, one lunation apart', () => {
    const moons = newMoonsBetween(new Date('2024-01-01T00:00Z'), new Date('2025-01-01T00:00Z'));
    expect(moons).toHaveLength(13);
    expect(minutesOff(moons[0], '2024-01-11T11:57Z')).toBeLessThan(2);
    expect(minutesOff(moons[12], '2024-12-30T22:27Z')).toBeLessThan(2);
    for (let i = 1; i < moons.length; i++) {
      const gap = (moons[i].getTime() - moons[i - 1].getTime()) / DAY;
      // The true synodic month varies between about 29.27 and 29.83 days.
      expect(gap).toBeGreaterThan(29.2);
      expect(gap).toBeLessThan(29.9);
    }
  });

  it('takes [from, to): an instant exactly at `to` is left out', () => {
    const [fullMoon] = fullMoonsBetween(new Date('2026-05-30T00:00Z'), new Date('2026-06-02T00:00Z'));
    expect(minutesOff(fullMoon, '2026-05-31T08:45Z')).toBeLessThan(2);
    expect(fullMoonsBetween(new Date('2026-05-30T00:00Z'), fullMoon)).toEqual([]);
    expect(fullMoonsBetween(fullMoon, new Date(fullMoon.getTime() + 1))).toEqual([fullMoon]);
    expect(newMoonsBetween(new Date('2026-01-02T00:00Z'), new Date('2026-01-01T00:00Z'))).toEqual([]);
  });

  it('alternates new and full moons about half a lunation apart, 1900–2200', () => {
    const from = new Date('1900-01-01T00:00Z');
    const to = new Date('2201-01-01T00:00Z');
    const news = newMoonsBetween(from, to);
    const fulls = fullMoonsBetween(from, to);
    expect(Math.abs(news.length - fulls.length)).toBeLessThanOrEqual(1);
    expect(news.length).toBeGreaterThan(301 * 12);
    const lead = fulls[0] < news[0] ? 1 : 0;
    for (let i = 0; i + lead < fulls.length && i < news.length; i++) {
      const half = (fulls[i + lead].getTime() - news[i].getTime()) / DAY;
      // Between new and full moon: 13.9 to 15.6 days, never far from half a mean month.
      expect(Math.abs(half - SYNODIC_MONTH_DAYS / 2)).toBeLessThan(1.2);
    }
  });
});

describe('deltaTSeconds', () => {
  it('is about a minute now and grows into the future', () => {
    expect(deltaTSeconds(2000)).toBeCloseTo(63.86, 2);
    expect(deltaTSeconds(2025)).toBeGreaterThan(65);
    expect(deltaTSeconds(2025)).toBeLessThan(80);
    expect(deltaTSeconds(2200)).toBeGreaterThan(deltaTSeconds(2100));
  });
});
