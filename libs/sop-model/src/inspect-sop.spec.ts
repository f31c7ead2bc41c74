import { inspectSop, totalTime } from './inspect-sop';
import type { SopDocument, Step } from './generated/sop-document';
import { loadSeed } from './__fixtures__/seeds';

const seed = (id: string): SopDocument => loadSeed(id);

describe('inspectSop: the Waktu printed on a final row is office work', () => {
  it("counts Metro's final row, Penyelesaian Pengaduan (1 hari): six days in the worst case", () => {
    const metro = inspectSop(seed('metro'));
    expect(metro.worstCase!.end).toBe('penyelesaian');
    expect(metro.worstCase!.total.parts).toEqual({ day: 6 });
    expect(metro.worstCase!.total.text).toBe('6 hari (+ 1 langkah tanpa waktu yang diketahui)');
  });

  it("counts Pekanbaru's 2-minute answer to the caller in the best and the worst case", () => {
    const pekanbaru = inspectSop(seed('pekanbaru'));
    expect(pekanbaru.bestCase!.end).toBe('jawaban');
    expect(pekanbaru.bestCase!.total.parts).toEqual({ minute: 8 }); // registrasi 1 + jawab-informasi 5 + jawaban 2
    expect(pekanbaru.worstCase!.total.parts.minute).toBe(13);
  });

  it("never counts a start (the citizen's own time) or an end with no Waktu", () => {
    const steps = [
      { id: 'a', kind: 'start', waktu: '1 hari' },
      { id: 'b', kind: 'task', waktu: '10 menit' },
      { id: 'c', kind: 'end', waktu: null },
    ] as unknown as Step[];
    expect(totalTime(steps)).toMatchObject({ parts: { minute: 10 }, unknownSteps: [] });
  });

  it('says unknown, not "0 menit", when no step on the path has a known Waktu', () => {
    const steps = [
      { id: 'a', kind: 'start', waktu: null },
      { id: 'b', kind: 'task', waktu: null },
      { id: 'c', kind: 'end', waktu: 'Sahaja' },
    ] as unknown as Step[];
    expect(totalTime(steps)).toMatchObject({ parts: {}, unknownSteps: ['b', 'c'], text: 'tidak diketahui (+ 2 langkah tanpa waktu yang diketahui)' });
    expect(
      totalTime([
        { id: 'a', kind: 'start', waktu: null },
        { id: 'z', kind: 'end', waktu: null },
      ] as unknown as Step[]).text,
    ).toBe('0 menit');
  });
});
