import type { MessageKey } from './i18n';
import type { Route } from './router';

/** The words of each page's title in the browser's tab, before the app's name; null for the app's name alone. */
export function pageTitleKey(route: Route): MessageKey | null {
  switch (route.page) {
    case 'list':
      return 'listTitle';
    case 'sop':
    case 'print':
      return 'titleSop';
    case 'new-sop':
      return 'titleNewSop';
    case 'edit':
      return 'titleEdit';
    case 'proposals':
      return 'proposalsTitle';
    case 'simulate':
      return 'titleSimulate';
    case 'login':
      return 'navLogin';
    case 'inbox':
      return 'navInbox';
    case 'register':
      return 'titleRegister';
    case 'case':
      return 'titleCase';
    case 'kartu':
      return 'titleKartu';
    case 'file':
      return 'titleFile';
    case 'ticket':
      return 'titleTicket';
    case 'compare':
      return 'navCompare';
    case 'reports':
      return 'navReports';
    case 'national':
      return 'titleNational';
    case 'holidays':
      return 'navHolidays';
    case 'accounts':
      return 'navAccounts';
    case 'audit':
      return 'navAudit';
    case 'webhooks':
      return 'titleWebhooks';
    case 'reply-templates':
      return 'titleReplyTemplates';
    case 'missing':
      return 'titleMissing';
    default:
      return null;
  }
}

/** "Kotak masuk · SOP Pengaduan Disdukcapil", with the SOP's or ticket's id where the route has one. */
export function pageTitle(route: Route, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  const key = pageTitleKey(route);
  const app = t('appName');
  if (!key) return app;
  const subject = 'id' in route && route.page !== 'case' ? route.id : 'ticket' in route && route.ticket ? route.ticket : null;
  return `${t(key)}${subject ? ` ${subject}` : ''} · ${app}`;
}
