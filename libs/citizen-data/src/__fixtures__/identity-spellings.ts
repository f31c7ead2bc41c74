/**
 * How complainants and officers actually write a complainant's identity into a complaint, a note or a
 * reply: the spellings a security review found getting past redaction (issue 9, item 5), and more.
 * Each entry says which identity must be gone from the text and which words around it must stay.
 */
export interface Spelling {
  /** what the spelling is */
  what: string;
  text: string;
  /** pieces of the identity: none may remain (compared without case, spaces or separators) */
  identity: string[];
  /** words around it that must stay as written */
  keep: string[];
  /** the complainant's values as filed; COMPLAINANT when absent */
  confidential?: string[];
  /** the complainant wrote the text (the complaint itself): any number or address is struck out */
  writtenByComplainant?: boolean;
}

/** Budi Santoso's confidential fields as a form stores them (the phone normalised to +62). */
export const COMPLAINANT = ['Budi Santoso', '+6281234567890', 'budi.santoso@gmail.com', 'Jl. Gajah Mada 10, Singaraja'];

const ZWSP = '\u200B';
const NBSP = '\u00A0';
const SHY = '\u00AD';

export const SPELLINGS: Spelling[] = [
  // the complainant's phone number
  { what: 'phone with en dashes', text: 'Mohon hub saya di 0812–3456–7890 ya pak', identity: ['812 3456 7890'], keep: ['Mohon hub saya di', 'ya pak'] },
  { what: 'phone with em dashes', text: 'WA saya 0812—3456—7890 terima kasih', identity: ['812 3456 7890'], keep: ['WA saya', 'terima kasih'] },
  { what: 'phone with spaced hyphens', text: 'hubungi 0812 - 3456 - 7890 setelah jam 4', identity: ['812 3456 7890'], keep: ['hubungi', 'setelah jam 4'] },
  { what: 'phone with a minus sign', text: 'no hp 0812−3456−7890.', identity: ['812 3456 7890'], keep: ['no hp', '.'] },
  { what: 'phone with dots', text: 'telp 0812.3456.7890 (WA)', identity: ['812 3456 7890'], keep: ['telp', '(WA)'] },
  { what: 'phone with slashes', text: 'HP: 0812/3456/7890, sore saja', identity: ['812 3456 7890'], keep: ['HP:', ', sore saja'] },
  { what: 'phone with underscores', text: 'nomor 0812_3456_7890 aktif', identity: ['812 3456 7890'], keep: ['nomor', 'aktif'] },
  { what: 'phone with double spaces', text: 'nomor saya 0812  3456  7890 aktif', identity: ['812 3456 7890'], keep: ['nomor saya', 'aktif'] },
  { what: 'phone with no-break spaces', text: `nomor saya 0812${NBSP}3456${NBSP}7890 aktif`, identity: ['812 3456 7890'], keep: ['nomor saya', 'aktif'] },
  { what: 'phone with zero-width spaces', text: `nomor 0812${ZWSP}3456${ZWSP}7890 aktif`, identity: ['812 3456 7890'], keep: ['nomor', 'aktif'] },
  { what: 'phone with soft hyphens', text: `nomor 0812${SHY}3456${SHY}7890 aktif`, identity: ['812 3456 7890'], keep: ['nomor', 'aktif'] },
  {
    what: 'phone in full-width digits',
    text: 'hubungi ０８１２３４５６７８９０ saja',
    identity: ['812 3456 7890', '８１２３４５６７８９０'],
    keep: ['hubungi', 'saja'],
  },
  {
    what: 'phone in full-width digits and ideographic spaces',
    text: 'hubungi ０８１２　３４５６　７８９０ saja',
    identity: ['812 3456 7890', '８１２'],
    keep: ['hubungi', 'saja'],
  },
  { what: 'phone as +62 with dashes', text: 'nomor +62 812-3456-7890 (Telkomsel)', identity: ['812 3456 7890'], keep: ['nomor', '(Telkomsel)'] },
  { what: 'phone as (+62)', text: 'nomor (+62) 812 3456 7890 bisa ditelepon', identity: ['812 3456 7890', '+62'], keep: ['nomor', 'bisa ditelepon'] },
  { what: 'phone as 62 without plus', text: 'WA 62-812-3456-7890', identity: ['812 3456 7890'], keep: ['WA'] },
  { what: 'phone in a wa.me link', text: 'chat di wa.me/6281234567890 saja', identity: ['812 3456 7890'], keep: ['chat di wa.me/', 'saja'] },
  { what: 'phone with the prefix in parentheses', text: 'hp (0812) 3456-7890 aktif', identity: ['812 3456 7890', '(0812)'], keep: ['hp', 'aktif'] },
  { what: 'phone grouped differently', text: 'hp 0812-345-67890 aktif', identity: ['812 3456 7890'], keep: ['hp', 'aktif'] },
  { what: 'phone digit by digit', text: 'nomornya 0 8 1 2 3 4 5 6 7 8 9 0 ya', identity: ['812 3456 7890'], keep: ['nomornya', 'ya'] },
  {
    what: 'phone right after a word',
    text: 'Sudah ditelepon ke HP081234567890 kemarin',
    identity: ['812 3456 7890'],
    keep: ['Sudah ditelepon ke HP', 'kemarin'],
  },

  // NIK and No. KK, by their shape
  { what: 'NIK with slashes', text: 'NIK 3508/1234/5678/0001 belum aktif', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'belum aktif'] },
  { what: 'NIK with underscores', text: 'NIK 3508_1234_5678_0001 belum aktif', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'belum aktif'] },
  { what: 'NIK with double spaces', text: 'NIK 3508  1234  5678  0001 belum aktif', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'belum aktif'] },
  {
    what: 'NIK with zero-width spaces',
    text: `NIK 3508${ZWSP}1234${ZWSP}5678${ZWSP}0001 belum aktif`,
    identity: ['3508 1234 5678 0001'],
    keep: ['NIK', 'belum aktif'],
  },
  { what: 'NIK with a word joiner', text: 'NIK 35081234\u206056780001 belum aktif', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'belum aktif'] },
  {
    what: 'NIK in full-width digits',
    text: 'ＮＩＫ ３５０８１２３４５６７８０００１ belum aktif',
    identity: ['3508 1234 5678 0001', '３５０８'],
    keep: ['ＮＩＫ', 'belum aktif'],
  },
  { what: 'NIK with dots', text: 'NIK: 3508.1234.5678.0001.', identity: ['3508 1234 5678 0001'], keep: ['NIK:'] },
  { what: 'NIK with spaced en dashes', text: 'NIK 3508 – 1234 – 5678 – 0001 ganda', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'ganda'] },
  { what: 'NIK in pairs', text: 'NIK 35 08 12 34 56 78 00 01 ganda', identity: ['3508 1234 5678 0001'], keep: ['NIK', 'ganda'] },
  { what: 'No. KK with spaces', text: 'No. KK 3508 1201 0109 0003 hilang', identity: ['3508 1201 0109 0003'], keep: ['No. KK', 'hilang'] },
  { what: 'NIK with a digit missing', text: 'NIK 350812345678001 (kurang satu?)', identity: ['350812345678001'], keep: ['NIK', '(kurang satu?)'] },
  {
    what: "the complainant's own NIK, written with dashes",
    text: 'NIK 1471-0161-0785-0001 sesuai KTP',
    identity: ['1471 0161 0785 0001'],
    keep: ['NIK', 'sesuai KTP'],
    confidential: ['Rudi Hartono', '1471016107850001'],
  },

  // the complainant's e-mail address
  { what: 'e-mail with [at] and [dot]', text: 'email budi.santoso [at] gmail [dot] com ya', identity: ['budi.santoso', 'gmail'], keep: ['email', 'ya'] },
  {
    what: 'e-mail with [at] and a dot',
    text: 'kirim ke budi.santoso [at] gmail.com saja',
    identity: ['budi.santoso', 'gmail.com'],
    keep: ['kirim ke', 'saja'],
  },
  { what: 'e-mail with (at) and (dot) without spaces', text: 'email: budi.santoso(at)gmail(dot)com.', identity: ['budi.santoso', 'gmail'], keep: ['email:'] },
  { what: 'e-mail with spaces around @', text: 'email budi.santoso @ gmail.com ya', identity: ['budi.santoso', 'gmail.com'], keep: ['email', 'ya'] },
  { what: 'e-mail with a space after @', text: 'email budi.santoso@ gmail.com ya', identity: ['budi.santoso', 'gmail.com'], keep: ['email', 'ya'] },
  { what: 'e-mail spelled with at and dot', text: 'email budi.santoso at gmail dot com ya', identity: ['budi.santoso', 'gmail'], keep: ['email', 'ya'] },
  { what: 'e-mail with titik', text: 'surel budi.santoso [at] gmail [titik] com ya', identity: ['budi.santoso', 'gmail'], keep: ['surel', 'ya'] },
  { what: 'e-mail with a full-width @', text: 'email budi.santoso＠gmail.com ya', identity: ['budi.santoso', 'gmail.com'], keep: ['email', 'ya'] },
  { what: 'e-mail in capitals', text: 'EMAIL BUDI.SANTOSO@GMAIL.COM YA', identity: ['budi.santoso', 'gmail.com'], keep: ['EMAIL', 'YA'] },
  { what: 'e-mail with a spaced dot before the domain', text: 'email budi.santoso@gmail . com ya', identity: ['budi.santoso', 'gmail'], keep: ['email', 'ya'] },
  { what: 'e-mail with a zero-width space', text: `email budi.santoso@${ZWSP}gmail.com ya`, identity: ['budi.santoso', 'gmail.com'], keep: ['email', 'ya'] },
  { what: 'e-mail in angle brackets', text: 'Budi <budi.santoso@gmail.com> menulis', identity: ['budi.santoso', 'gmail.com'], keep: ['menulis'] },

  // the complainant's name and address
  { what: 'name letter by letter', text: 'Pelapor B U D I  Santoso datang lagi', identity: ['budisantoso', 'B U D I'], keep: ['Pelapor', 'datang lagi'] },
  { what: 'name with double spaces', text: 'Pelapor Budi  Santoso datang lagi', identity: ['budi', 'santoso'], keep: ['Pelapor', 'datang lagi'] },
  { what: 'name in capitals across a line break', text: 'Pelapor BUDI\nSANTOSO datang lagi', identity: ['budi', 'santoso'], keep: ['Pelapor', 'datang lagi'] },
  { what: 'given name only', text: 'Pak Budi sudah ditelepon kemarin', identity: ['budi'], keep: ['Pak', 'sudah ditelepon kemarin'] },
  { what: 'family name only', text: 'Bapak Santoso minta dipercepat', identity: ['santoso'], keep: ['Bapak', 'minta dipercepat'] },
  { what: 'initial and family name', text: 'Sdr. B. Santoso minta dipercepat', identity: ['santoso', 'b.'], keep: ['Sdr.', 'minta dipercepat'] },
  { what: 'given name and initial', text: 'Sdr. Budi S. minta dipercepat', identity: ['budi', 's.'], keep: ['Sdr.', 'minta dipercepat'] },
  { what: 'family name first', text: 'a.n. Santoso, Budi (pemohon)', identity: ['budi', 'santoso'], keep: ['a.n.', '(pemohon)'] },
  {
    what: 'name with a zero-width space inside',
    text: `Pelapor Bu${ZWSP}di San${ZWSP}toso datang`,
    identity: ['budi', 'santoso', 'Bu'],
    keep: ['Pelapor', 'datang'],
  },
  {
    what: 'name in full-width letters',
    text: 'Pelapor Ｂｕｄｉ Ｓａｎｔｏｓｏ datang',
    identity: ['budi', 'santoso', 'Ｂｕｄｉ'],
    keep: ['Pelapor', 'datang'],
  },
  { what: 'name run together', text: 'akun BudiSantoso di aplikasi', identity: ['budisantoso'], keep: ['akun', 'di aplikasi'] },
  {
    what: 'Balinese name by its given name',
    text: 'Bu Ayu sudah dihubungi',
    identity: ['ayu'],
    keep: ['Bu', 'sudah dihubungi'],
    confidential: ['Ni Made Ayu'],
  },
  {
    what: 'Balinese name with double spaces',
    text: 'Ni  Made  Ayu sudah dihubungi',
    identity: ['made ayu'],
    keep: ['sudah dihubungi'],
    confidential: ['Ni Made Ayu'],
  },
  {
    what: 'name with an accent',
    text: 'Pelapor José Santoso datang',
    identity: ['jose', 'José', 'santoso'],
    keep: ['Pelapor', 'datang'],
    confidential: ['Jose Santoso'],
  },
  {
    what: 'address in capitals and other spacing',
    text: 'alamat JL. GAJAH MADA 10,  SINGARAJA sudah dicek',
    identity: ['gajah mada'],
    keep: ['alamat', 'sudah dicek'],
  },
  { what: 'address without its punctuation', text: 'alamat Jl Gajah Mada 10 Singaraja sudah dicek', identity: ['gajah mada'], keep: ['alamat', 'sudah dicek'] },

  // written by the complainant: any number or address in the complaint is theirs or another person's
  {
    what: 'another phone number in the complaint',
    text: 'Tolong hubungi istri saya 0857–1111–2222 saja',
    identity: ['857 1111 2222'],
    keep: ['Tolong hubungi istri saya', 'saja'],
    writtenByComplainant: true,
  },
  {
    what: 'another e-mail address in the complaint',
    text: 'email anak saya siti [at] yahoo [dot] co [dot] id',
    identity: ['siti', 'yahoo'],
    keep: ['email anak saya'],
    writtenByComplainant: true,
  },
  {
    what: 'a landline in the complaint',
    text: 'telepon rumah (0362) 22 11 33 sore',
    identity: ['0362', '221133'],
    keep: ['telepon rumah', 'sore'],
    writtenByComplainant: true,
  },
];

/** Texts from the office that keep everything: its own contact details, dates, counts, other people. */
export const KEPT: { what: string; text: string; confidential?: string[]; writtenByComplainant?: boolean }[] = [
  { what: "the office's landline and e-mail in a reply", text: 'Untuk informasi lebih lanjut hubungi kami di (0362) 21234 atau dukcapil@bulelengkab.go.id.' },
  { what: "the office's WhatsApp number in a reply", text: 'Silakan hubungi WhatsApp Pengaduan 0811-3850-1234 pada jam kerja.' },
  { what: "the office's spelled-out address in a reply", text: 'Kirim berkas ke pengaduan [at] dukcapil.metrokota.go.id ya.' },
  { what: 'dates, times, counts and amounts', text: 'KTP-el dicetak 12/11/2026 pukul 10.30, antrian 45 orang, loket 3, biaya Rp 0, tanggal 2026-11-12 08.00' },
  { what: 'dates in a complaint', text: 'Saya datang 01/12/2026 10.30 dan 02-12-2026, antrian 120 orang', writtenByComplainant: true },
  { what: 'words that hold a name', text: 'Budiman dan Santosa dari bidang pelayanan; Pak Budianto di loket 2', confidential: ['Budi Santoso'] },
  { what: 'birth-order names alone', text: 'Pak Made dan Bu Ketut di loket 2', confidential: ['Ni Made Ayu', 'I Ketut Sudarma'] },
  { what: 'words of an address alone', text: 'Kantor kami di Jl. Pramuka, Singaraja', confidential: ['Jl. Gajah Mada 10, Singaraja'] },
];
