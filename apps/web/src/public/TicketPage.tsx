import { useI18n } from '../i18n';

/** Placeholder until this page lands. */
export function TicketPage(_props: { ticket: string }) {
  const { t } = useI18n();
  return <div className="page">{t('publicTitle')}</div>;
}
