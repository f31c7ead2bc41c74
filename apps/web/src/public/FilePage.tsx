import { useI18n } from '../i18n';

/** Placeholder until this page lands. */
export function FilePage(_props: { id: string }) {
  const { t } = useI18n();
  return <div className="page">{t('publicTitle')}</div>;
}
