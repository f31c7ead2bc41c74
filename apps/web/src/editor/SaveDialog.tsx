import { useState } from 'react';
import { ApiError, apiErrorText, publishSop, PublishError, type PublishIssue, type SopDetail } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** Asks for a change note (and the author's login when nobody is signed in: the browser's one session) and publishes the YAML. */
export function SaveDialog({
  sopId,
  yaml,
  basedOnVersion,
  onSaved,
  onClose,
}: {
  sopId: string;
  yaml: string;
  /** The version being edited: a publication by someone else since is refused (409), not overwritten. */
  basedOnVersion: number;
  onSaved: (detail: SopDetail & { created: boolean }) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session, login, logout } = useSession();
  const [note, setNote] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<PublishIssue[]>([]);

  const forget = logout;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setIssues([]);
    let current = session;
    try {
      if (!current) {
        try {
          current = await login(username, password);
          setPassword('');
        } catch (e) {
          setError(t('editLoginFailed', { message: e instanceof Error ? e.message : String(e) }));
          return;
        }
      }
      try {
        onSaved(await publishSop(sopId, yaml, note.trim(), current.token, basedOnVersion));
      } catch (e) {
        if (e instanceof PublishError && e.status === 401) forget();
        if (e instanceof PublishError && e.status === 409) {
          setError(t('editSaveStale', { message: apiErrorText(e.body, lang) ?? e.message }));
        } else if (e instanceof PublishError && e.status === 422) {
          setError(t('editSaveInvalid', { message: apiErrorText(e.body, lang) ?? e.message }));
          setIssues(e.issues);
        } else
          setError(
            t('editSaveFailed', { message: e instanceof ApiError ? (apiErrorText(e.body, lang) ?? e.message) : e instanceof Error ? e.message : String(e) }),
          );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="edit-backdrop">
      <form
        className="edit-dialog card"
        role="dialog"
        aria-label={t('editSaveTitle')}
        data-testid="save-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t('editSaveTitle')}</h2>
        <label>
          <span>{t('editChangeNote')}</span>
          <textarea autoFocus rows={3} data-testid="save-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {session ? (
          <p className="edit-session">
            {t('editLoggedInAs', { user: session.user.username })}{' '}
            <button type="button" className="button" onClick={forget} data-testid="save-logout">
              {t('editLogout')}
            </button>
          </p>
        ) : (
          <>
            <label>
              <span>{t('editUsername')}</span>
              <input autoComplete="username" data-testid="save-username" value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label>
              <span>{t('editPassword')}</span>
              <input
                type="password"
                autoComplete="current-password"
                data-testid="save-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
          </>
        )}
        {error && (
          <div className="notice notice-error" role="alert" data-testid="save-error">
            {error}
            {issues.length > 0 && (
              <ul className="edit-save-issues">
                {issues.map((i, n) => (
                  <li key={n} data-testid="save-issue">
                    {i.line}:{i.column} {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="toolbar">
          <button type="button" className="button" onClick={onClose}>
            {t('editCancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="save-submit" disabled={busy || (!session && (!username.trim() || !password))}>
            {busy ? t('editSaving') : t('editPublish')}
          </button>
        </div>
      </form>
    </div>
  );
}
