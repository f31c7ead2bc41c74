import { parseDuration } from '@sop/business-time';
import type { MessageKey, Translate } from '../i18n';
import type { CaseDetail } from './console-api';

/** Why the SOP's Waktu is not read as a time, by the parser's code: short, for an officer (the author's fuller advice is the editor's). */
const UNREAD_WHY: Partial<Record<string, MessageKey>> = {
  'at-once': 'consoleWaktuWhyAtOnce',
  range: 'consoleWaktuWhyRange',
  zero: 'consoleWaktuWhyZero',
};

/**
 * Why an open case's current step has no deadline, in plain words for the officer working it: the
 * source prints no Waktu; the Waktu is not read as a time (and why: "segera", a range…); the calendar
 * could not count it (the API's `deadlineNote`: no holiday list for the year); or the Waktu reads as a
 * time but no deadline was recorded for this case. Null when the step has a deadline or the case is closed.
 *
 * @example
 * noDeadlineText({ status: 'open', dueAt: null, deadlineNote: null, step: { waktu: 'hari itu juga' } }, t)
 * // 'Tanpa batas waktu: Waktu di SOP, "hari itu juga", tidak terbaca sebagai lama waktu, …'
 */
export function noDeadlineText(
  detail: Pick<CaseDetail, 'status' | 'dueAt' | 'deadlineNote' | 'waitingOnCitizen'> & { step: Pick<CaseDetail['step'], 'waktu'> },
  t: Translate,
): string | null {
  if (detail.status !== 'open' || detail.dueAt) return null;
  if (detail.deadlineNote) return t('simDeadlineNote', { note: detail.deadlineNote });
  const waktu = detail.step.waktu;
  const parsed = waktu == null ? null : parseDuration(waktu);
  if (waktu == null || (parsed && !parsed.known && parsed.code === 'not-written')) {
    return t(detail.waitingOnCitizen ? 'consoleNoDeadlineCitizen' : 'consoleNoDeadlineNoWaktu');
  }
  if (parsed && !parsed.known) {
    return t('consoleNoDeadlineUnread', { waktu, why: t(UNREAD_WHY[parsed.code] ?? 'consoleWaktuWhyUnread') });
  }
  return t('consoleNoDeadlineNotRecorded', { waktu });
}

/** Whether the step's Waktu is shown as its limit ("batas: 3 hari") or only as the SOP writes it (no deadline counts from it). */
export function waktuLabelKey(detail: Pick<CaseDetail, 'dueAt'>): MessageKey {
  return detail.dueAt ? 'consoleLimit' : 'consoleWaktuAsWritten';
}
