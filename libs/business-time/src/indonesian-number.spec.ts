import { readIndonesianNumber } from './indonesian-number';

describe('readIndonesianNumber', () => {
  it.each([
    ['satu', 1],
    ['sembilan', 9],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['empat belas', 14],
    ['Dua Puluh', 20],
    ['enam puluh lima', 65],
    ['seratus', 100],
    ['seratus dua puluh', 120],
    ['tiga ratus lima', 305],
    ['sembilan ratus sembilan puluh sembilan', 999],
    ['setengah', 0.5],
    ['satu setengah', 1.5],
    ['nol', 0],
  ])('%j is %d', (words, n) => {
    expect(readIndonesianNumber(words)).toBe(n);
  });

  it.each([
    '',
    'banyak',
    'satu dua',
    'belas',
    'puluh',
    'sepuluh satu',
    'dua puluh puluh',
    'setengah satu',
    'seribu',
    '14',
    'constructor',
    '__proto__ puluh',
    'toString belas',
  ])('%j is not a number it reads', (words) => {
    expect(readIndonesianNumber(words)).toBeNull();
  });
});
