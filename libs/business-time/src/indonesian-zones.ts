/**
 * Indonesia's time zones as offices write them (UU 24/2009 and Keppres 41/1987): the IANA zones
 * an SOP's calendar may name, with WIB, WITA or WIT.
 */
export const INDONESIAN_TIME_ZONES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const;

/** WIB, WITA or WIT for an Indonesian zone; any other zone by its IANA name. */
export function zoneAbbreviation(timeZone: string): string {
  return (INDONESIAN_TIME_ZONES as Record<string, string>)[timeZone] ?? timeZone;
}
