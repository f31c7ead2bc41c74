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
    const unreadable = { ...sop, service: { ...sop.service, waktuPenyelesaian: 'sesuai kebutuhan' } };
    const worst = inspectSop(unreadable).worstCase;
    expect(sopLimit(published(unreadable))).toEqual(
      worst && worst.total.unknownSteps.length === 0 ? { minutes: worst.total.nominalMinutes, text: worst.total.text, parts: worst.total.parts } : null,
    );
  });

  it('is the slowest path of an SOP without a standard (Buleleng: 1 jam + 50 menit)', () => {
    expect(sopLimit(published(loadSeed('buleleng')))).toEqual({ minutes: 110, text: '1 jam + 50 menit', parts: { hour: 1, minute: 50 } });
  });
});
