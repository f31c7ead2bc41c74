import { useI18n, type Lang } from '../i18n';

const LANGS: [Lang, string, string][] = [
  ['id', 'ID', 'Bahasa Indonesia'],
  ['en', 'EN', 'English'],
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {LANGS.map(([code, short, name]) => (
        <button key={code} type="button" data-testid={`lang-${code}`} aria-pressed={lang === code} title={name} onClick={() => setLang(code)}>
          {short}
        </button>
      ))}
    </div>
  );
}
