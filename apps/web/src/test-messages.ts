import { MESSAGES, registerMessages, type Lang, type MessageKey } from './i18n';
import { staffMessages } from './staff-messages';

/**
 * For unit tests: registers every group of words at once (synchronously, unlike `loadMessages`) and
 * returns the whole dictionary, as a page sees it once its groups are loaded. The app never imports
 * this file.
 */
export function allMessages(): Record<Lang, Record<MessageKey, string>> {
  registerMessages(staffMessages);
  return MESSAGES;
}
