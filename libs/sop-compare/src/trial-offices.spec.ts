// The second outside trial's SOPs (Sleman WIB, Makassar WITA with a Saturday morning, Merauke WIT),
// copied as the tester typed them into __fixtures__/, validated and compared as /compare does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop, type SopDocument } from '@sop/model';
import { compareSops, officeCalendar, officeOpening, workingSpan, formatWorkingSpan } from './index';

function trialSop(name: 'sleman' | 'makassar' | 'merauke'): SopDocument {
  const result = validateSop(readFileSync(join(__dirname, '__fixtures__', `${name}.yaml`), 'utf8'), { file: `${name}.yaml` });
  if (!result.sop) throw new Error(`${name}.yaml is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.sop;
}

const sleman = trialSop('sleman');
const makassar = trialSop('makassar');
const merauke = trialSop('merauke');

/** Sleman as the trial ran it: the Waktu of its fastest path's two steps could not be read. */
function slemanUnread(): SopDocument {
  const sop = structuredClone(sleman);
  for (const step of sop.steps) if (step.id === 'catat' || step.id === 'klasifikasi') step.waktu = step.id === 'catat' ? 'sesuai kebutuhan' : 'hari itu juga';
  return sop;
}

describe('compareSops: a fastest path of which no Waktu is known (Sleman in the trial)', () => {
  const c = compareSops([
    { key: 'sleman', sop: slemanUnread() },
    { key: 'merauke', sop: merauke },
  ]);
  const best = c.sops[0].bestCase!;
  const row = (key: string) => c.matrix.find((r) => r.section === 'figures' && r.key === key)!;

  it('is unknown, with its steps counted, never "≥ 0 menit"', () => {
    expect(best.path).toEqual(['mulai', 'catat', 'klasifikasi', 'arsip']);
    expect(best.unknownSteps).toEqual(['catat', 'klasifikasi']);
    expect(best.workingText).toBe('tidak diketahui (2 langkah tanpa Waktu)');
    expect(row('bestCaseWorking').cells[0]).toBe('tidak diketahui (2 langkah tanpa Waktu)');
    expect(best.workingMinutes).toBeNull();
    expect(best.workingSpan).toBeNull();
    expect(best.yearRange).toBeNull();
    // the written total says so too (inspectSop's words)
    expect(best.sopText).toBe('tidak diketahui (+ 2 langkah tanpa waktu yang diketahui)');
  });

  it('has no finish instant (not the midnight it counted from), and states its start: the office opening, 07.30 WIB', () => {
    expect(best.endsAt).toBeNull();
    expect(best.startsAt).toBe('2026-02-02T00:30:00.000Z'); // Mon 2 Feb 2026 07:30 WIB (Perpres 21/2023 hours)
  });

  it('says it in English too', () => {
    const en = compareSops(
      [
        { key: 'sleman', sop: slemanUnread() },
        { key: 'merauke', sop: merauke },
      ],
      { lang: 'en' },
    );
    expect(en.sops[0].bestCase!.workingText).toBe('unknown (2 steps without a Waktu)');
  });
});

describe('compareSops: the trial offices on their own calendars', () => {
  const c = compareSops([
    { key: 'sleman', sop: sleman },
    { key: 'makassar', sop: makassar },
    { key: 'merauke', sop: merauke },
  ]);
  const [s, m, r] = c.sops;

  it('reads Sleman\'s narrow-column Waktu now: "15 mnt" and "30\'" from the opening at 07.30 WIB to 08.15', () => {
    expect(s.bestCase).toMatchObject({ sopText: '45 menit', workingMinutes: 45, workingText: '45 menit', unknownSteps: [] });
    expect(s.bestCase!.startsAt).toBe('2026-02-02T00:30:00.000Z');
    expect(s.bestCase!.endsAt).toBe('2026-02-02T01:15:00.000Z');
  });

  it('keeps Makassar\'s fastest total as written, "1 hari kerja + 10 menit", per unit', () => {
    expect(m.bestCase!.path).toEqual(['datang-langsung', 'loket-catat', 'verifikasi', 'lengkapi-berkas', 'arsip']);
    expect(m.bestCase!.sopText).toBe('1 hari kerja + 10 menit');
    expect(m.bestCase!.sopTotal.parts).toEqual({ workingDay: 1, minute: 10 });
    expect(c.matrix.find((row) => row.key === 'bestCase')!.cells[1]).toBe('1 hari kerja + 10 menit');
  });

  it("counts Makassar's working time in its own days, never as minutes over an average or nominal day", () => {
    // arriving as the loket opens, Mon 2 Feb 08.00 WITA: 10 menit to 08.10, then "1 hari kerja" from
    // the next working day (ADR 0001) to the close of Tue 3 Feb, 16.00 WITA: Monday and Tuesday whole
    const best = m.bestCase!;
    expect(best.startsAt).toBe('2026-02-02T00:00:00.000Z');
    expect(best.endsAt).toBe('2026-02-03T08:00:00.000Z');
    expect(best.workingMinutes).toBe(960);
    expect(best.workingSpan).toEqual({ days: 2, minutes: 0 });
    expect(best.workingText).toBe('2 hari kerja');
    expect(best.workingText).not.toMatch(/jam|menit/);
    // any arrival day: a Saturday (4 h) and a Monday, or a Thursday and a Friday (8 h 30), are still two of its days
    expect(best.yearRange).toEqual({ min: 720, max: 990, text: '2 hari kerja' });
  });

  it("counts Merauke's days in WIT from its opening at 07.30", () => {
    expect(r.bestCase).toMatchObject({
      sopText: '2 hari kerja',
      workingText: '3 hari kerja',
      startsAt: '2026-02-01T22:30:00.000Z',
      endsAt: '2026-02-04T07:00:00.000Z',
    });
    expect(r.worstCase).toMatchObject({ sopText: '4 hari kerja', workingText: '5 hari kerja', endsAt: '2026-02-06T07:30:00.000Z' });
  });

  it('never gives a finish before its start', () => {
    for (const t of c.sops.flatMap((x) => [x.bestCase, x.worstCase]))
      if (t?.endsAt) expect(Date.parse(t.endsAt)).toBeGreaterThanOrEqual(Date.parse(t.startsAt));
  });
});

describe('working time in the office’s own days', () => {
  const calendar = officeCalendar(makassar);

  it('opens on the first working instant of a date', () => {
    expect(officeOpening(calendar, '2026-02-07').toISOString()).toBe('2026-02-07T00:00:00.000Z'); // Sat 08.00 WITA
    expect(officeOpening(calendar, '2026-02-08').toISOString()).toBe('2026-02-09T00:00:00.000Z'); // a Sunday: Monday's opening
  });

  it('counts a Saturday morning as one of its days and the rest in hours: Fri 08.00 to Mon 10.00 is 2 days and 2 hours', () => {
    const span = workingSpan(calendar, new Date('2026-02-06T00:00:00Z'), new Date('2026-02-09T02:00:00Z'));
    expect(span).toEqual({ days: 2, minutes: 120 });
    expect(formatWorkingSpan(span)).toBe('2 hari kerja 2 jam');
    expect(formatWorkingSpan(span, 'en')).toBe('2 working days 2 hours');
    expect(formatWorkingSpan({ days: 0, minutes: 0 })).toBe('0 menit');
  });
});
