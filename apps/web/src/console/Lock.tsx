import { useI18n } from '../i18n';

/** Marks a confidential field (the complainant's personal data). */
export function Lock() {
  const { t } = useI18n();
  return (
    <span className="console-lock" title={t('consoleConfidential')} aria-label={t('consoleConfidential')} role="img">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
        <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </span>
  );
}
