import { useI18n } from '../i18n';

/** Placeholder until this page lands. */
export function ReportsPage() {
  const { t } = useI18n();
  return <div className="page">{t('reportsTitle')}</div>;
}
