import { checkHolidayYear, type HolidayYear } from './index';

const SOUND: HolidayYear = {
  year: 2027,
  source: 'SKB 3 Menteri 2027',
  holidays: [{ date: '2027-01-01', name: 'Tahun Baru Masehi' }],
  cutiBersama: [{ date: '2027-02-08', name: 'Cuti bersama Tahun Baru Imlek' }],
};

describe('checkHolidayYear', () => {
  it('finds nothing wrong in a sound list', () => {
    expect(checkHolidayYear(SOUND)).toEqual([]);
  });

  it('names the field of each problem and says it in English and in Bahasa Indonesia', () => {
    const problems = checkHolidayYear({
      ...SOUND,
      source: '  ',
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru Masehi' },
        { date: '2028-01-01', name: 'Tahun Baru Masehi' },
        { date: '2027-02-30', name: 'x' },
      ],
      cutiBersama: [{ date: '2027-02-08', name: ' ' }],
    });
    expect(problems).toEqual([
      {
        field: 'source',
        message: 'source must name the decree the dates come from, e.g. "SKB 3 Menteri ..."',
        messageId: 'dasar hukum harus menyebut surat keputusan asal tanggal-tanggal itu, mis. "SKB 3 Menteri ..."',
      },
      {
        field: 'holidays[1].date',
        message: 'holidays[1].date 2028-01-01 is not in 2027: move it to the list of its own year',
        messageId: 'hari libur ke-2: 2028-01-01 bukan tanggal tahun 2027; pindahkan ke daftar tahunnya sendiri',
      },
      {
        field: 'holidays[2].date',
        message: 'holidays[2].date "2027-02-30" is not a date: write YYYY-MM-DD, e.g. 2026-03-19',
        messageId: 'hari libur ke-3: "2027-02-30" bukan tanggal; tulis TTTT-BB-HH, mis. 2026-03-19',
      },
      {
        field: 'cutiBersama[0].name',
        message: 'cutiBersama[0].name must say what the day is (e.g. "Hari Raya Nyepi")',
        messageId: 'cuti bersama ke-1: nama harus menyebut hari apa itu (mis. "Hari Raya Nyepi")',
      },
    ]);
  });

  it('refuses what a JavaScript caller or a file may pass unchecked, without throwing', () => {
    const unchecked = (value: unknown) => checkHolidayYear(value as HolidayYear);
    expect(unchecked(null)).toEqual([expect.objectContaining({ field: '', message: 'the list must be { year, source, holidays, cutiBersama }' })]);
    expect(unchecked({ ...SOUND, year: '2027' })).toEqual([
      expect.objectContaining({ field: 'year', messageId: 'tahun harus bilangan bulat seperti 2026, bukan "2027"' }),
    ]);
    expect(unchecked({ ...SOUND, holidays: 'Tahun Baru' })).toEqual([
      expect.objectContaining({ field: 'holidays', messageId: 'hari libur: harus berupa daftar { date: "TTTT-BB-HH", name }' }),
    ]);
    expect(unchecked({ ...SOUND, cutiBersama: [7] })).toEqual([
      expect.objectContaining({ field: 'cutiBersama[0]', message: 'cutiBersama[0] must be { date: "YYYY-MM-DD", name }' }),
    ]);
  });
});
