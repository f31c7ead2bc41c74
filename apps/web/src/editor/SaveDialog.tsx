import { useState } from 'react';
import { publishSop, PublishError, refusalText, type PublishIssue, type SopDetail, type VersionApproval } from '../api';
import { ProposalPreview } from '../approval/ProposalPreview';
import { problemText } from '../components/paged-list';
import { useI18n, type Translate } from '../i18n';
import { useSession } from '../session';
import type { ShownIssue } from './editor-model';

/** What the validator says of the text about to be published: its errors (the API refuses them) and warnings, counted. */
export function publishCheck(issues: readonly Pick<ShownIssue, 'severity'>[]): { errors: number; warnings: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

/**
 * Why the dialog could not publish: no change note, the login refused, or the publication refused
 * (the error itself, worded when shown: in the page's language then).
 */
export type SaveFailure = { kind: 'note' } | { kind: 'login'; error: unknown } | { kind: 'save'; error: unknown };

/** A failure of the dialog as a line, in the page's language now. */
export function saveFailureText(failure: SaveFailure, t: Translate, lang: string): string {
  if (failure.kind === 'note') return t('saveNoteRequired');
  const { error } = failure;
  if (failure.kind === 'login') return t('editLoginFailed', { message: refusalText(error, lang) });
  if (error instanceof PublishError && error.status === 409) return t('editSaveStale', { message: refusalText(error, lang) });
  if (error instanceof PublishError && error.status === 422) return t('editSaveInvalid', { message: refusalText(error, lang) });
  return t('editSaveFailed', { message: problemText(error, lang) });
}

/**
 * Asks for a change note (and the author's login when nobody is signed in: the browser's one session) and publishes the YAML.
 * A version after the first is a proposal for the SOP's signer (ADR 0025): it needs a change note, and the author sees
 * what it changes against the version in effect before sending it.
 */
export function SaveDialog({
  sopId,
  yaml,
  basedOnVersion,
  issues: checked,
  checking,
  onSaved,
  onClose,
}: {
  sopId: string;
  yaml: string;
  /** The version being edited: a publication by someone else since is refused (409), not overwritten. */
  basedOnVersion: number;
  /** The validator's issues of `yaml`: their count is shown, and each can be read, before the author confirms. */
  issues: readonly ShownIssue[];
  /** The text is still being checked: no count yet. */
  checking: boolean;
  onSaved: (detail: SopDetail & { created: boolean; status?: VersionApproval }) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session, login, logout } = useSession();
  const check = publishCheck(checked);
  const [note, setNote] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [issues, setIssues] = useState<PublishIssue[]>([]);
  const [noteMissing, setNoteMissing] = useState(false);
  // version 1 takes effect at once (nobody can sign yet); a later version is a proposal
  const proposing = basedOnVersion > 0;

  const forget = logout;
  // worded at render, so that it follows a switch of language
  const error = failure === null ? null : saveFailureText(failure, t, lang);

  const submit = async () => {
    if (proposing && !note.trim()) {
      setNoteMissing(true);
      setFailure({ kind: 'note' });
      setIssues([]);
      return;
    }
    setNoteMissing(false);
    setBusy(true);
    setFailure(null);
    setIssues([]);
    let current = session;
    try {
      if (!current) {
        try {
          current = await login(username, password);
          setPassword('');
        } catch (e) {
          setFailure({ kind: 'login', error: e });
          return;
        }
      }
      try {
        onSaved(await publishSop(sopId, yaml, note.trim(), current.token, basedOnVersion));
      } catch (e) {
        if (e instanceof PublishError && e.status === 401) forget();
        if (e instanceof PublishError && e.status === 422) setIssues(e.issues);
        setFailure({ kind: 'save', error: e });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="edit-backdrop">
      <form
        className={`edit-dialog card${proposing ? ' save-dialog-propose' : ''}`}
        role="dialog"
        aria-label={t(proposing ? 'saveProposeTitle' : 'editSaveTitle')}
        data-testid="save-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>{t(proposing ? 'saveProposeTitle' : 'editSaveTitle')}</h2>
        {proposing && <p data-testid="save-propose-explain">{t('saveProposeExplain')}</p>}
        {proposing && <ProposalPreview sopId={sopId} yaml={yaml} />}
        <label>
          <span>{t('editChangeNote')}</span>
          <textarea
            autoFocus
            rows={3}
            data-testid="save-note"
            value={note}
            aria-required={proposing}
            aria-invalid={noteMissing || undefined}
            onChange={(e) => {
              setNote(e.target.value);
              if (e.target.value.trim()) setNoteMissing(false);
            }}
          />
        </label>
        {checking ? (
          <p className="muted" data-testid="save-check" data-checking="true">
            {t('saveCheckPending')}
          </p>
        ) : (
          <div
            className={`notice save-check${check.errors ? ' notice-error' : check.warnings ? ' save-check-warnings' : ''}`}
            data-testid="save-check"
            data-errors={check.errors}
            data-warnings={check.warnings}
          >
            <p>
              {check.errors === 0 && check.warnings === 0
                ? t('saveCheckClean')
                : [check.errors ? t('saveCheckErrors', { n: check.errors }) : null, check.warnings ? t('saveCheckWarnings', { n: check.warnings }) : null]
                    .filter(Boolean)
                    .join(' ')}
            </p>
            {checked.length > 0 && (
              <details data-testid="save-check-details">
                <summary>{t('saveCheckShow')}</summary>
                <ul className="save-check-list">
                  {checked.map((i, n) => (
                    <li key={n} data-testid="save-check-issue" data-severity={i.severity}>
                      <span className="edit-problem-at">
                        {i.line}:{i.column}
                      </span>{' '}
                      {i.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
        {/* who publishes: said, never a log-out button inside the dialog (logging out is the header's) */}
        {session ? (
          <p className="edit-session muted" data-testid="save-as">
            {t('editPublishAs', { user: session.user.username })}
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
            {busy ? t('editSaving') : t(proposing ? 'savePropose' : 'editPublish')}
          </button>
        </div>
      </form>
    </div>
  );
}
