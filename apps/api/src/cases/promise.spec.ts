import { officeCalendar } from '@sop/compare';
import { inspectSop } from '@sop/model';
import { promiseOf, publicStepLabel } from './promise';
import { loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';

const load = loadSeed;

describe('promiseOf: when the office promises to have finished', () => {
  // Monday 7 December 2026, 09:00 WIB
  const filed = new Date('2026-12-07T02:00:00Z');

  it("counts the SOP's worst case on the office calendar when every step on it has a Waktu", () => {
    const sop = load('buleleng');
    const inspection = inspectSop(sop);
    expect(inspection.worstCase?.total.unknownSteps).toEqual([]);
    const p = promiseOf(sop, inspection, officeCalendar(sop), filed);
    expect(p.promisedBasis).toBe('sop');
    // 1 jam 50 menit of working time from 10:00 WITA: the same morning
    expect(p.promisedBy.toISOString()).toBe('2026-12-07T03:50:00.000Z');
    expect(p.provisional).toBe(false);
  });

  it('falls back to the LAPOR! limit (3 + 5 hari kerja) where the worst case has a step of unknown Waktu', () => {
    const sop = load('metro');
    const inspection = inspectSop(sop);
    expect(inspection.worstCase?.total.unknownSteps.length).toBeGreaterThan(0);
    const p = promiseOf(sop, inspection, officeCalendar(sop), filed);
    expect(p.promisedBasis).toBe('lapor');
    // 8 hari kerja from Monday 7 December: Tuesday 8 … Thursday 17 December, end of the working day
    expect(p.promisedBy.toISOString().slice(0, 10)).toBe('2026-12-17');
  });

  it("promises the service standard's time when the SOP prints one, even where the flow loops", () => {
    const sop = load('metro');
    sop.service = { waktuPenyelesaian: 'paling lama 14 (empat belas) hari kerja', kondisiWaktu: 'sejak pengaduan diterima' };
    const p = promiseOf(sop, { worstCase: null }, officeCalendar(sop), filed);
    expect(p.promisedBasis).toBe('standard');
    // 14 hari kerja from Monday 7 December: 8–23 December are the first 12, 24 and 25 December are
    // cuti bersama and Natal, so 28 and 29 December the 13th and 14th, to the close of the day
    expect(p.promisedBy.toISOString().slice(0, 10)).toBe('2026-12-29');
    // a standard that does not read as a time is not guessed: the SOP's own path, or the national limit
    sop.service = { waktuPenyelesaian: 'sesuai ketentuan' };
    expect(promiseOf(sop, { worstCase: null }, officeCalendar(sop), filed).promisedBasis).toBe('lapor');
    const buleleng = load('buleleng');
    buleleng.service = { waktuPenyelesaian: '-' };
    expect(promiseOf(buleleng, inspectSop(buleleng), officeCalendar(buleleng), filed).promisedBasis).toBe('sop');
  });

  it('falls back to the LAPOR! limit when the SOP has no worst case (it loops)', () => {
    const sop = load('metro');
    const p = promiseOf(sop, { worstCase: null }, officeCalendar(sop), filed);
    expect(p.promisedBasis).toBe('lapor');
  });

  it('is provisional when it reaches into a year without an official holiday list', () => {
    const sop = load('metro');
    const p = promiseOf(sop, { worstCase: null }, officeCalendar(sop), new Date('2026-12-28T02:00:00Z'));
    expect(p.promisedBy.getUTCFullYear()).toBe(2027);
    expect(p.provisional).toBe(true);
  });
});

describe('publicStepLabel', () => {
  it("uses the step's label", () => {
    expect(publicStepLabel({ label: 'Verifikasi', activity: 'Menerima dan melakukan verifikasi' })).toBe('Verifikasi');
  });

  it("falls back to the activity's first clause, capitalised", () => {
    expect(publicStepLabel({ label: null, activity: 'menerima dan melakukan verifikasi database pemohon pengaduan. Jika data valid maka diteruskan' })).toBe(
      'Menerima dan melakukan verifikasi database pemohon pengaduan',
    );
    expect(publicStepLabel({ label: null, activity: 'Kasi memeriksa berkas, lalu meneruskan ke Kabid' })).toBe('Kasi memeriksa berkas');
  });

  it('cuts a long clause at a word, about 60 characters', () => {
    const label = publicStepLabel({
      activity: 'Petugas menindaklanjuti pengaduan masyarakat yang masuk melalui layanan call centre dan media sosial resmi dinas',
    })!;
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith('…')).toBe(true);
    expect(label).toMatch(/^Petugas menindaklanjuti pengaduan masyarakat yang masuk/);
  });

  it('is null without a step or words', () => {
    expect(publicStepLabel(null)).toBeNull();
    expect(publicStepLabel({ label: ' ', activity: '' })).toBeNull();
  });
});
