import { PROVINCE_CODES } from './province-codes';

describe('PROVINCE_CODES', () => {
  it('has the 38 provinces, from 11 Aceh to 96 Papua Barat Daya', () => {
    expect(PROVINCE_CODES.size).toBe(38);
    expect(PROVINCE_CODES.get('11')).toBe('Aceh');
    expect(PROVINCE_CODES.get('96')).toBe('Papua Barat Daya');
    expect([...PROVINCE_CODES.keys()].every((code) => /^[1-9][1-9]$/.test(code))).toBe(true);
  });

  it("has the provinces of the seeds' regencies", () => {
    expect(['18', '33', '35', '51', '14'].map((code) => PROVINCE_CODES.get(code))).toEqual(['Lampung', 'Jawa Tengah', 'Jawa Timur', 'Bali', 'Riau']);
  });
});
