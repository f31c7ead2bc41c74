import { compileSop } from '@sop/compiler';
import { createSopCalendar, periodicRunsDue, startCase } from './index';
import { loadSeed } from '../../sop-model/src/__fixtures__/seeds';

/** Buleleng's monthly review (steps 6-8): "1 Bulan" is the month the logbook covers, not a deadline after it. */
describe("Buleleng's monthly review", () => {
  const sop = loadSeed('buleleng');
  const compiled = compileSop(sop, { id: 'buleleng' });
  const calendar = createSopCalendar(sop);
  const flow = compiled.periodic['laporan-bulanan'];

  it('opens at the end of the month and gives the Kasi no deadline a month after the month ends', () => {
    const now = new Date('2026-02-27T01:00:00Z'); // Friday 27 Feb 09:00 WITA, the last working day of February
    const [run] = periodicRunsDue(sop.periodic!, calendar, now);
    expect(run).toMatchObject({ periodicId: 'laporan-bulanan', period: '2026-02' });
    const { state } = startCase(flow, calendar, now);
    expect(state).toMatchObject({ step: 'kesimpulan-bulanan', lane: 'kasi-kerjasama' });
    expect(state.dueAt).toBeNull();
  });

  it('keeps the printed "1 Bulan" of row 6, as the period the logbook covers', () => {
    const row6 = Object.values(flow.steps).filter((s) => s.number === '6');
    expect(row6.map((s) => s.waktu)).toContain('1 Bulan');
    expect(row6.find((s) => s.waktu === '1 Bulan')!.kind).toBe('start');
  });
});
