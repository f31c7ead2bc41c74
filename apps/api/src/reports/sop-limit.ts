import { nominalWorkingMinutes, parseDuration } from '@sop/business-time';
import type { NationalRow } from '@sop/report-model';
import type { PublishedSop } from '../sops/sop-catalog.service';

/**
 * The SOP's own limit for a whole complaint, on the basis the complainant is promised (`promiseOf`):
 * the service standard's jangka waktu penyelesaian when the SOP prints one that reads as a time (what
 * the office publishes), else its worst case when every step on it has a known Waktu; null otherwise.
 * In nominal working minutes (a working day is 450), as the office's time to close is compared: a
 * calendar "hari" counts as a working day here, as the slowest path's total counts it (ADR 0001: the
 * nominal size ranks and sums; it is no deadline), so a standard in calendar days is read generously.
 */
export function sopLimit(p: Pick<PublishedSop, 'sop' | 'inspection'>): { minutes: number; text: string; parts: NationalRow['sopLimitParts'] } | null {
  const standard = p.sop.service?.waktuPenyelesaian;
  const read = standard ? parseDuration(standard) : null;
  if (read?.known) {
    const { amount, unit } = read.duration;
    return { minutes: nominalWorkingMinutes(read.duration), text: read.duration.text, parts: { [unit]: amount } };
  }
  const worst = p.inspection.worstCase;
  if (!worst || worst.total.unknownSteps.length > 0 || worst.total.nominalMinutes <= 0) return null;
  return { minutes: worst.total.nominalMinutes, text: worst.total.text, parts: worst.total.parts };
}
