import { CITIZEN_WEB, citizenOn, officerWords, SYSTEM_DEADLINE, SYSTEM_PERIODIC, SYSTEM_SCHEDULE, ticketPageFor } from './officers';

describe('officerWords: who wrote a kartu kendali line, in the page’s language', () => {
  it.each([
    [SYSTEM_DEADLINE, 'Sistem (batas waktu)', 'System (time limit)'],
    [SYSTEM_SCHEDULE, 'Sistem (jadwal)', 'System (scheduled date)'],
    [SYSTEM_PERIODIC, 'Sistem (jadwal berkala)', 'System (periodic schedule)'],
    [CITIZEN_WEB, 'Pelapor (formulir web)', 'Complainant (web form)'],
    [citizenOn('HP/WA'), 'Pelapor (HP/WA)', 'Complainant (HP/WA)'],
    [ticketPageFor('Pemohon'), 'Pemohon (halaman tiket)', 'Pemohon (ticket page)'],
  ])('%s', (stored, id, en) => {
    expect(officerWords(stored, 'id')).toBe(id);
    expect(officerWords(stored, 'en')).toBe(en);
  });

  it('words the Indonesian text stored before ids were as the id it stands for', () => {
    expect(officerWords('Sistem (batas waktu)', 'en')).toBe('System (time limit)');
    expect(officerWords('Sistem (jadwal berkala)', 'en')).toBe('System (periodic schedule)');
    expect(officerWords('Pelapor (Open311)', 'en')).toBe('Complainant (Open311)');
    expect(officerWords('Pelapor (halaman tiket)', 'en')).toBe('Pelapor (ticket page)');
    expect(officerWords('Sistem (batas waktu)', 'id')).toBe('Sistem (batas waktu)');
  });

  it("keeps an officer's own name as stored, in either language", () => {
    for (const name of ['Budi Santoso', 'PETUGAS OPERATOR (Kabupaten Lumajang)', 'system', 'Sistem']) {
      expect(officerWords(name, 'id')).toBe(name);
      expect(officerWords(name, 'en')).toBe(name);
    }
  });
});
