import { inspectSop } from '@sop/model';
import { loadFixture, loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { sopLimit } from './sop-limit';

const published = (sop: ReturnType<typeof loadSeed>) => ({ sop, inspection: inspectSop(sop) });

describe("the national view's SOP limit", () => {
  it('is the service standard the SOP prints, as the complainant is promised, before its slowest path', () => {
    const sop = loadFixture('valid/service-and-gaps.yaml');
    expect(sopLimit(published(sop))).toEqual({ minutes: 14 * 450, text: '14 hari kerja', parts: { workingDay: 14 } });
  });

  it('is the standard also when the SOP loops (no slowest path), and the slowest path when the standard does not read as a time', () => {
    const sop = loadFixture('valid/service-and-gaps.yaml');
    const looping = { ...published(sop), inspection: { ...inspectSop(sop), worstCase: null } };
    expect(sopLimit(looping)?.text).toBe('14 hari kerja');
    // "sesuai kebutuhan" states no time: the slowest path's 2 hari (no step on it without a Waktu)
    const unreadable = { ...sop, service: { ...sop.service, waktuPenyelesaian: 'sesuai kebutuhan' } };
    expect(sopLimit(published(unreadable))).toEqual({ minutes: 900, text: '2 hari', parts: { day: 2 } });
  });

  it('is the slowest path of an SOP without a standard (Buleleng: 1 jam + 50 menit)', () => {
    expect(sopLimit(published(loadSeed('buleleng')))).toEqual({ minutes: 110, text: '1 jam + 50 menit', parts: { hour: 1, minute: 50 } });
  });
});
