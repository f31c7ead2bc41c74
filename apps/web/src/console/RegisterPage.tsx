import { useI18n } from '../i18n';

/** Placeholder until this page lands. */
export function RegisterPage() {
  const { t } = useI18n();
  return <div className="page">{t('consoleTitle')}</div>;
}
