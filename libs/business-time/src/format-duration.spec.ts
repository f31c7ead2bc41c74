import { parseDuration } from './parse-duration';
import { formatDuration } from './format-duration';
import { nominalWorkingMinutes } from './nominal-working-minutes';
import type { Duration } from './duration';

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed.known) throw new Error(parsed.reason);
  return parsed.duration;
}

describe('formatDuration', () => {
  it.each([
    ['3 Hari Kerja', '3 hari kerja', '3 working days'],
    ['1 hari', '1 hari', '1 day'],
    ['1 Jam', '1 jam', '1 hour'],
    ['PT1.5H', '1,5 jam', '1.5 hours'],
    ['5 Menit', '5 menit', '5 minutes'],
    ['1 menit', '1 menit', '1 minute'],
    ['PT1H30M', '90 menit', '90 minutes'],
    ['2 minggu', '2 minggu', '2 weeks'],
    ['1 Bulan', '1 bulan', '1 month'],
  ])('%j reads %j in Indonesian and %j in English', (text, id, en) => {
    expect(formatDuration(duration(text))).toBe(id);
    expect(formatDuration(duration(text), 'id')).toBe(id);
    expect(formatDuration(duration(text), 'en')).toBe(en);
  });
});

describe('nominalWorkingMinutes', () => {
  it.each([
    ['5 menit', 5],
    ['1 jam', 60],
    ['PT1.5H', 90],
    ['3 hari kerja', 1350],
    ['1 hari', 450],
    ['1 minggu', 2250],
    ['1 Bulan', 9900],
  ])('%j ranks as %d working minutes', (text, minutes) => {
    expect(nominalWorkingMinutes(duration(text))).toBe(minutes);
  });

  it('orders the seed limits from shortest to longest', () => {
    const texts = ['1 Bulan', '5 Menit', '3 hari kerja', '1 Jam', '1 hari', '30 menit'];
    const sorted = [...texts].sort((a, b) => nominalWorkingMinutes(duration(a)) - nominalWorkingMinutes(duration(b)));
    expect(sorted).toEqual(['5 Menit', '30 menit', '1 Jam', '1 hari', '3 hari kerja', '1 Bulan']);
  });
});
