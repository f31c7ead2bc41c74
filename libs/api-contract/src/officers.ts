/**
 * Who wrote a kartu kendali line when no officer did (the deadline sweep, a scheduled wait, a
 * periodic run, the complainant filing or answering from the ticket page): stored as an id and
 * worded at display, in the page's language. Lines written before ids were stored keep their
 * Indonesian words in the database (the kartu kendali is append-only) and are worded the same way.
 */
export const SYSTEM_DEADLINE = 'system:deadline';
export const SYSTEM_SCHEDULE = 'system:schedule';
export const SYSTEM_PERIODIC = 'system:periodic';
/** The complainant on the public web form. */
export const CITIZEN_WEB = 'citizen';

/** The complainant on a channel the SOP names (its label, as the SOP writes it), or Open311. */
export const citizenOn = (channelLabel: string): string => `citizen:${channelLabel}`;
/** A lane's citizen step answered by the complainant on the ticket page (the lane's name, as the SOP writes it). */
export const ticketPageFor = (laneName: string): string => `ticket-page:${laneName}`;

const WORDS = {
  id: {
    [SYSTEM_DEADLINE]: 'Sistem (batas waktu)',
    [SYSTEM_SCHEDULE]: 'Sistem (jadwal)',
    [SYSTEM_PERIODIC]: 'Sistem (jadwal berkala)',
    [CITIZEN_WEB]: 'Pelapor (formulir web)',
    citizenOn: (channel: string) => `Pelapor (${channel})`,
    ticketPage: (lane: string) => `${lane} (halaman tiket)`,
  },
  en: {
    [SYSTEM_DEADLINE]: 'System (time limit)',
    [SYSTEM_SCHEDULE]: 'System (scheduled date)',
    [SYSTEM_PERIODIC]: 'System (periodic schedule)',
    [CITIZEN_WEB]: 'Complainant (web form)',
    citizenOn: (channel: string) => `Complainant (${channel})`,
    ticketPage: (lane: string) => `${lane} (ticket page)`,
  },
} as const;

type Fixed = typeof SYSTEM_DEADLINE | typeof SYSTEM_SCHEDULE | typeof SYSTEM_PERIODIC | typeof CITIZEN_WEB;
const FIXED: readonly string[] = [SYSTEM_DEADLINE, SYSTEM_SCHEDULE, SYSTEM_PERIODIC, CITIZEN_WEB];
const isFixed = (id: string): id is Fixed => FIXED.includes(id);
// the words stored before ids were (2026-12-05), read as the ids they stand for
const LEGACY: Readonly<Partial<Record<string, Fixed>>> = {
  'Sistem (batas waktu)': SYSTEM_DEADLINE,
  'Sistem (jadwal)': SYSTEM_SCHEDULE,
  'Sistem (jadwal berkala)': SYSTEM_PERIODIC,
  'Pelapor (formulir web)': CITIZEN_WEB,
};

/**
 * A kartu kendali line's officer as the page shows it: an officer's own name as stored, a system or
 * complainant id in words of the language.
 *
 * @example
 * officerWords('system:deadline', 'en') // 'System (time limit)'
 * officerWords('Budi Santoso', 'en') // 'Budi Santoso'
 */
export function officerWords(stored: string, lang: 'id' | 'en'): string {
  const words = WORDS[lang];
  const id: string = LEGACY[stored] ?? stored;
  if (isFixed(id)) return words[id];
  if (id.startsWith('citizen:')) return words.citizenOn(id.slice('citizen:'.length));
  if (id.startsWith('ticket-page:')) return words.ticketPage(id.slice('ticket-page:'.length));
  // "<lane> (halaman tiket)" first: the citizen lane is often named Pelapor
  const legacyPage = /^(.+) \(halaman tiket\)$/.exec(stored);
  if (legacyPage) return words.ticketPage(legacyPage[1]);
  const legacyCitizen = /^Pelapor \((.+)\)$/.exec(stored);
  if (legacyCitizen) return words.citizenOn(legacyCitizen[1]);
  return stored;
}
