import { chartLabels } from './national-labels';

const row = (id: string, name: string) => ({ regency: { id, name, timeZone: 'Asia/Jakarta' } });

describe("the national charts' labels", () => {
  it('names each regency, and tells apart the two SOPs of one regency by their ids', () => {
    expect(chartLabels([row('buleleng', 'Kabupaten Buleleng'), row('metro', 'Kota Metro'), row('metro-langsung', 'Kota Metro')])).toEqual([
      'Kabupaten Buleleng',
      'Kota Metro (metro)',
      'Kota Metro (metro-langsung)',
    ]);
    expect(chartLabels([])).toEqual([]);
  });
});
