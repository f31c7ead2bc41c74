import { listNames } from './did-you-mean';

describe('listNames', () => {
  it('lists a few names in quotes', () => {
    expect(listNames(['kasi', 'kabid'])).toBe('"kasi", "kabid"');
  });

  it('shortens a long list with its total, in words both languages read ("total N")', () => {
    const names = Array.from({ length: 21 }, (_, i) => `k${i}`);
    const listed = listNames(names, 3);
    expect(listed).toBe('"k0", "k1", "k2", … (total 21)');
    expect(listed).not.toMatch(/in all/);
  });
});
