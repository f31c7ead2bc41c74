import type { Lang, Translate } from '../i18n';

/** The channel a desk's registration starts with: the only one its path serves, else none (the officer picks). */
export function defaultChannel(channels: readonly { id: string }[]): string {
  return channels.length === 1 ? channels[0].id : '';
}

/**
 * The registration page's lead, worded from the channels this desk serves ("tatap muka" at a walk-in
 * desk, not telepon/WhatsApp/surat); the generic one when the officer serves none.
 *
 * @example
 * registerLead(['Tatap muka (loket)'], t, 'id') // 'Untuk pengaduan yang diterima melalui Tatap muka (loket). …'
 */
export function registerLead(channelLabels: readonly string[], t: Translate, lang: Lang): string {
  if (channelLabels.length === 0) return t('consoleRegisterLeadAny');
  const list = new Intl.ListFormat(lang === 'id' ? 'id-ID' : 'en-GB', { type: 'disjunction' }).format(channelLabels);
  return t('consoleRegisterLead', { channels: list });
}
