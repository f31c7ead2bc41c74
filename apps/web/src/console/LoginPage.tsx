import { useState, type SubmitEvent } from 'react';
import { ApiError, refusalText } from '../api';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { landingFor } from './landing';
import { safeNext } from './RequireSession';
import './console.css';

export function LoginPage() {
  const { t, lang } = useI18n();
  const { login, session } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // why the log-in failed, worded when shown (in the page's language then)
  const [failure, setError] = useState<{ missing: true } | { error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const error =
    failure === null
      ? null
      : 'missing' in failure
        ? t('consoleLoginMissing')
        : failure.error instanceof ApiError && failure.error.status === 401
          ? t('consoleLoginWrong')
          : t('consoleLoginFailed', { message: refusalText(failure.error, lang) });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError({ missing: true });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // user names are lower case ([a-z0-9._-]): a phone's capital first letter or a trailing space is not a wrong name
      const signedIn = await login(username.trim().toLowerCase(), password);
      navigate(safeNext(search, landingFor(signedIn.user)));
    } catch (err) {
      setError({ error: err });
      setBusy(false);
    }
  };

  return (
    <div className="page console console-login">
      <form className="card console-login-card" onSubmit={(e) => void submit(e)} noValidate data-testid="login-form">
        <span className="eyebrow">{t('consoleEyebrow')}</span>
        <h1>{t('consoleLoginTitle')}</h1>
        <p className="muted">{t('consoleLoginLead')}</p>
        {session && <p className="notice">{t('consoleLoginAlready', { name: session.user.displayName || session.user.username })}</p>}
        <label className="console-field">
          <span className="console-label">{t('consoleUsername')}</span>
          <input
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            data-testid="login-username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            placeholder="buleleng.staf-kerjasama"
          />
        </label>
        <label className="console-field">
          <span className="console-label">{t('consolePassword')}</span>
          <input type="password" autoComplete="current-password" data-testid="login-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button type="submit" className="button button-primary console-wide" disabled={busy} data-testid="login-submit">
          {busy ? t('consoleLoggingIn') : t('consoleLogin')}
        </button>
      </form>
    </div>
  );
}
