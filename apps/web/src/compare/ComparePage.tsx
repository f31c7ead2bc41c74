import { useI18n } from '../i18n';

/** Placeholder until this page lands. */
export function ComparePage() {
  const { t } = useI18n();
  return <div className="page">{t('compareTitle')}</div>;
}
