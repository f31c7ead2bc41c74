import { parseDuration, type Duration } from '@sop/business-time';

/** A Waktu as a BPMN timer: the ISO 8601 duration, the basis it is counted on, and what it means in words. */
export interface TimerDuration {
  /** ISO 8601 duration for `timeDuration` (P3D, PT5M, P1W, P1M). */
  iso: string;
  /** `working-days`: hari kerja on the office calendar; `working-time`: minutes and hours of its working hours; `calendar`: days, weeks, months. */
  basis: 'working-days' | 'working-time' | 'calendar';
  /** The Waktu as written. */
  waktu: string;
  /** The meaning for a reader of the BPMN file (its documentation). */
  meaning: string;
}

function isoOf(d: Duration): string {
  const n = String(d.amount);
  switch (d.unit) {
    case 'minute':
      return `PT${n}M`;
    case 'hour':
      return `PT${n}H`;
    case 'workingDay':
    case 'day':
      return `P${n}D`;
    case 'week':
      return `P${n}W`;
    case 'month':
      return `P${n}M`;
  }
}

/**
 * The timer of a step's Waktu, or null when the Waktu is blank or not a duration ("Sahaja", a range):
 * the parser of @sop/business-time decides, so BPMN and the runtime agree on what a limit is.
 *
 * @example
 * timerOf('3 hari kerja') // { iso: 'P3D', basis: 'working-days', waktu: '3 hari kerja', meaning: '3 hari kerja: 3 working days …' }
 */
export function timerOf(waktu: string | null | undefined): TimerDuration | null {
  if (waktu == null) return null;
  const parsed = parseDuration(waktu);
  if (!parsed.known) return null;
  const d = parsed.duration;
  const iso = isoOf(d);
  if (d.unit === 'workingDay') {
    return {
      iso,
      basis: 'working-days',
      waktu,
      meaning: `Waktu: ${waktu}. "hari kerja" counts ${d.amount} working day${d.amount === 1 ? '' : 's'} on the office calendar (Perpres 21/2023 hours or the office's own, national holidays, cuti bersama and the office's closures), from the next working day. ${iso} is its calendar approximation for engines that know no working days; the platform counts the working days (attribute sop:basis="working-days").`,
    };
  }
  if (d.basis === 'working') {
    return {
      iso,
      basis: 'working-time',
      waktu,
      meaning: `Waktu: ${waktu}. Counted in the office's working hours (Perpres 21/2023 or its own), not in clock time: ${iso} outside working hours waits for the office to open (attribute sop:basis="working-time").`,
    };
  }
  return {
    iso,
    basis: 'calendar',
    waktu,
    meaning: `Waktu: ${waktu}. Calendar time (${iso}); a deadline that falls on a holiday moves to the next working day (attribute sop:basis="calendar").`,
  };
}

const ISO = /^P(?:(\d+)W|(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;

/**
 * A Waktu as our SOPs write it, from an ISO 8601 duration of a BPMN timer drawn elsewhere; null when
 * it has no single unit we can write without changing it (P1Y2M, PT1H30S) or is no duration.
 * Days stay calendar days ("hari"): whether the office meant hari kerja is not in the file.
 *
 * @example
 * waktuOfIso('PT5M') // '5 menit'
 * waktuOfIso('PT1H30M') // '90 menit'
 */
export function waktuOfIso(iso: string): string | null {
  const m = ISO.exec(iso.trim().toUpperCase());
  if (!m || iso.trim().toUpperCase() === 'P' || iso.trim().toUpperCase() === 'PT') return null;
  const [, w, y, mo, d, h, mi, s] = m.map((v: string | undefined) => (v === undefined ? 0 : Number(v)));
  if (w) return `${w} minggu`;
  if (y || s) return null;
  if (mo && !d && !h && !mi) return `${mo} bulan`;
  if (mo) return null;
  if (d && !h && !mi) return `${d} hari`;
  if (d) return null;
  if (h && !mi) return `${h} jam`;
  const minutes = h * 60 + mi;
  return minutes > 0 ? `${minutes} menit` : null;
}
