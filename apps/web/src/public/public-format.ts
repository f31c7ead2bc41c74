import { zoneAbbreviation } from '@sop/business-time';
import type { Translate } from '../i18n';
import type { PublicStepRef } from './public-api';

/** An instant as a citizen reads it: in the office's time zone when known, with WIB/WITA/WIT. */
export function formatInstant(iso: string, lang: 'id' | 'en', timeZone: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  try {
    const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
    return timeZone ? `${text} ${zoneAbbreviation(timeZone)}` : text;
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }
}

/**
 * A step named as the SOP writes it: "Langkah 2" and its label; the terminators as Mulai / Selesai
 * unless the SOP names them. The title is null when the SOP gives the step neither number nor label
 * (its activity then says what it is).
 */
export function stepTitle(
  step: Pick<PublicStepRef, 'number' | 'label' | 'activity'> & { kind?: PublicStepRef['kind'] },
  t: Translate,
): { title: string | null; activity: string | null } {
  if (step.kind === 'start') return { title: step.label ?? t('publicStepStart'), activity: null };
  if (step.kind === 'end') return { title: step.label ?? t('publicStepEnd'), activity: step.activity };
  const numbered = step.number ? t('publicStepNumber', { n: step.number }) : null;
  const title = numbered && step.label ? `${numbered} · ${step.label}` : (numbered ?? step.label);
  return { title, activity: step.activity };
}
