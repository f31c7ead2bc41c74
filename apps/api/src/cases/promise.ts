import { parseDuration, type Calendar } from '@sop/business-time';
import { pathEnd } from '@sop/compare';
import { isCitizenLane, type SopDocument, type SopInspection, type Step } from '@sop/model';

/**
 * The national SP4N-LAPOR! limits the office works to when its SOP gives no bound: 3 hari kerja to
 * verify and forward a report, then 5 hari kerja to formulate the follow-up (DOMAIN.md). The
 * complainant is promised the office's answer within their sum from filing.
 */
export const LAPOR_LIMIT = '8 hari kerja';

export interface CompletionPromise {
  /** When the office promises to have finished: its service standard's time, the SOP's worst case, or the LAPOR! limit. */
  promisedBy: Date;
  /**
   * `standard`: the SOP prints the service's jangka waktu penyelesaian (its Standar Pelayanan, the
   * office's published promise); `sop`: every step of the SOP's slowest path has a known Waktu;
   * `lapor`: neither (the SOP loops or is silent somewhere).
   */
  promisedBasis: 'standard' | 'sop' | 'lapor';
  /** The date touches a year without an official holiday list: it is an estimate. */
  provisional: boolean;
}

/**
 * The promised finish date of a complaint filed at `filedAt`: the service standard's jangka waktu
 * penyelesaian when the SOP prints one that reads as a time ("paling lama 14 (empat belas) hari
 * kerja": what the office publishes to citizens, UU 25/2009); else the Waktu of the office's steps on
 * the SOP's worst-case path applied one after another on the office calendar (`pathEnd`, as /compare
 * counts it; the citizen's own steps are their time, not the office's); else the LAPOR! limit, when
 * the SOP has no worst case (it loops) or a step on it has no known Waktu.
 *
 * @example
 * promiseOf(sop, inspection, calendar, new Date('2026-12-07T01:00:00Z')).promisedBasis // 'sop'
 */
export function promiseOf(sop: SopDocument, inspection: Pick<SopInspection, 'worstCase'>, calendar: Calendar, filedAt: Date): CompletionPromise {
  const worst = inspection.worstCase;
  const citizenLanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
  let promisedBy: Date | null = null;
  let basis: CompletionPromise['promisedBasis'] = 'lapor';
  const standard = sop.service?.waktuPenyelesaian;
  const standardTime = standard ? parseDuration(standard) : null;
  if (standardTime?.known) {
    try {
      promisedBy = calendar.dueAt(filedAt, standardTime.duration);
      basis = 'standard';
    } catch {
      promisedBy = null; // a year no calendar can compute: the next basis
    }
  }
  if (!promisedBy && worst && worst.total.unknownSteps.length === 0 && Object.keys(worst.total.parts).length > 0) {
    const byId = new Map(sop.steps.map((s) => [s.id, s]));
    const steps = worst.steps.map((id) => byId.get(id)).filter((s): s is Step => s !== undefined && !citizenLanes.has(s.lane));
    try {
      promisedBy = pathEnd(calendar, steps, filedAt);
      basis = 'sop';
    } catch {
      promisedBy = null; // a year no calendar can compute: fall back to the national limit
    }
  }
  if (!promisedBy) {
    basis = 'lapor';
    const limit = parseDuration(LAPOR_LIMIT);
    promisedBy = limit.known ? calendar.dueAt(filedAt, limit.duration) : new Date(filedAt.getTime() + 8 * 86_400_000);
  }
  let provisional: boolean;
  try {
    provisional = calendar.isProvisionalBetween(filedAt, promisedBy);
  } catch {
    provisional = true;
  }
  return { promisedBy, promisedBasis: basis, provisional };
}

/** The longest public label of a step, in characters. */
const LABEL_MAX = 60;

/**
 * What a complainant reads for a step: its `label`, else the first clause of its activity (up to the
 * first full stop, semicolon, colon or comma), cut at a word to about 60 characters.
 *
 * @example
 * publicStepLabel({ label: null, activity: 'Menerima dan melakukan verifikasi database pemohon pengaduan. Jika data valid …' })
 * // 'Menerima dan melakukan verifikasi database pemohon pengaduan'
 */
export function publicStepLabel(step: { label?: string | null; activity?: string | null } | null | undefined): string | null {
  if (!step) return null;
  const label = step.label?.trim();
  if (label) return shorten(label);
  const activity = step.activity?.replace(/\s+/g, ' ').trim();
  if (!activity) return null;
  const clause = activity.split(/(?<=\S)[.;:,](?=\s|$)|\s\(/)[0].trim();
  return shorten(clause || activity);
}

function shorten(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  if (t.length <= LABEL_MAX) return t;
  const cut = t.slice(0, LABEL_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
