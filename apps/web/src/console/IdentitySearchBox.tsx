import { useState } from 'react';
import { ApiError, fieldErrorText, refusalText } from '../api';
import { useI18n, type Translate } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import { formatInstant } from '../simulation/format';
import { searchByIdentity, type IdentityMatch } from './intake-api';

/** A typed value read as a NIK (16 digits) or a phone number (anything else with 8+ digits); null when neither. */
export function identityQueryOf(typed: string): { nik: string } | { phone: string } | null {
  const digits = typed.replace(/[\s.\-()]/g, '');
  if (/^\d{16}$/.test(digits)) return { nik: digits };
  if (/^\+?\d{8,15}$/.test(digits)) return { phone: typed.trim() };
  return null;
}

/** Why a search found nothing to show: the value typed is neither a NIK nor a phone number, or the API refused (the error itself). */
export type IdentitySearchFailure = { kind: 'invalid' } | { kind: 'failed'; error: unknown };

/**
 * A failed search as a line, in the page's language now: the API's words for the first field at
 * fault (its Bahasa Indonesia where it gives one), else its refusal.
 */
export function identitySearchFailureText(failure: IdentitySearchFailure, t: Translate, lang: string): string {
  if (failure.kind === 'invalid') return t('intakeSearchIdentityInvalid');
  const e = failure.error;
  return e instanceof ApiError && e.fieldErrors.length ? fieldErrorText(e.fieldErrors[0], lang) : refusalText(e, lang);
}

/**
 * The inbox's search by NIK or phone (issue 11), for the lanes that may see identity: the value is
 * sent in a request body and kept in this component only (never in the address bar or history).
 */
export function IdentitySearchBox({ session, timeZone }: { session: Session; timeZone: string }) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ items: IdentityMatch[]; total: number } | null>(null);
  const [failure, setFailure] = useState<IdentitySearchFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // worded at render, so that it follows a switch of language
  const error = failure === null ? null : identitySearchFailureText(failure, t, lang);

  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    const query = identityQueryOf(typed);
    if (!query) {
      setResult(null);
      setFailure({ kind: 'invalid' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      setResult(await searchByIdentity(session.token, query));
    } catch (err) {
      setResult(null);
      setFailure({ kind: 'failed', error: err });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card console-identity-search" aria-label={t('intakeSearchIdentity')} data-testid="identity-search">
      <form className="console-search" onSubmit={(e) => void submit(e)} role="search" autoComplete="off">
        <label className="console-field">
          <span className="console-label">{t('intakeSearchIdentity')}</span>
          <input
            data-testid="identity-input"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t('intakeSearchIdentityPlaceholder')}
            inputMode="tel"
            maxLength={40}
            aria-invalid={!!error}
          />
        </label>
        <button type="submit" className="button" disabled={busy} data-testid="identity-submit">
          {t('consoleSearch')}
        </button>
      </form>
      <p className="muted">{t('intakeSearchIdentityHint')}</p>
      {error && (
        <p className="console-error" role="alert" data-testid="identity-error">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="identity-results" data-total={result.total}>
          <strong>{result.total ? t('intakeSearchIdentityFound', { n: result.total }) : t('intakeSearchIdentityNone')}</strong>
          <ul className="console-identity-results">
            {result.items.map((m) => (
              <li key={m.id} data-testid="identity-item" data-ticket={m.ticket}>
                <Link href={`/cases/${m.id}`} className="console-ticket">
                  {m.ticket}
                </Link>{' '}
                · {formatInstant(new Date(m.receivedAt ?? m.createdAt), timeZone, lang)} · {m.stepLabel} ({m.laneName}) ·{' '}
                {m.status === 'open' ? t('intakeStatusOpen') : t('intakeStatusDone')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
