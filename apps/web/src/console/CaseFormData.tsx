import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { Lock } from './Lock';
import { revealIdentity, type CaseDetail } from './console-api';

/** The complaint's form data, confidential fields masked; lanes allowed to see the identity may reveal it (recorded). */
export function CaseFormData({ session, detail }: { session: Session; detail: CaseDetail }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // a confidential field, or a text the identity was struck out of (a NIK or number written into the complaint)
  const hasConfidential = detail.form.fields.some((f) => f.masked && f.value !== null);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setRevealed((await revealIdentity(session.token, detail.id)).fields);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t('consoleRevealForbidden') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card console-form-data" data-testid="form-data">
      <div className="card-head">
        <h2>{detail.form.title}</h2>
        {hasConfidential && detail.form.canReveal && !revealed && (
          <button type="button" className="button" onClick={reveal} disabled={busy} data-testid="reveal">
            {t('consoleReveal')}
          </button>
        )}
      </div>
      {revealed && (
        <p className="muted console-revealed" data-testid="revealed">
          {t('consoleRevealedNote')}
        </p>
      )}
      {hasConfidential && !detail.form.canReveal && <p className="muted">{t('consoleMaskedNote')}</p>}
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
      {detail.kind === 'periodic' && detail.logbook && <p className="muted">{t('consoleLogbookCount', { n: detail.logbook.length })}</p>}
      <dl className="console-data">
        {detail.form.fields.map((f) => {
          const value = revealed?.[f.id] ?? f.value;
          return (
            <div key={f.id} className="console-data-row" data-testid="form-field" data-field={f.id} data-masked={String(f.masked && !revealed?.[f.id])}>
              <dt>
                {f.label}
                {f.confidential && <Lock />}
              </dt>
              <dd className={value === null ? 'blank' : undefined}>{value ?? t('blank')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
