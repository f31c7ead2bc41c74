import { useEffect, useState, type FormEvent } from 'react';
import { isCitizenLane } from '@sop/model';
import { fetchSop, refusalLines } from '../api';
import { usePagedList } from '../components/paged-list';
import { PagedTable, type Column } from '../components/PagedTable';
import { AdminGate } from '../components/PageGate';
import { Notice } from '../components/Shell';
import { useI18n, type Translate } from '../i18n';
import { useLocation } from '../router';
import { useSession, type Session } from '../session';
import { useFetch } from '../use-fetch';
import { createAccount, listAccounts, resetPassword, unlockAccount, updateAccount, type Account, type AccountPage } from './admin-api';
import { PERMISSION_WORDS, rightsFor, suggestedAccounts } from './account-rights';
import './admin.css';

/** A message of the page, worded when shown (in the page's language then, so it follows a switch). */
type Words = (t: Translate, lang: string) => string;

/** The lanes an account of a regency may hold: the SOP's lanes but the citizen's. */
function useLaneChoices(regency: string): { id: string; name: string }[] {
  const [lanes, setLanes] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    setLanes([]);
    if (!/^[a-z][a-z0-9-]*$/.test(regency)) return;
    const controller = new AbortController();
    fetchSop(regency, controller.signal).then(
      (detail) => setLanes(detail.sop.lanes.filter((l) => !isCitizenLane(l)).map((l) => ({ id: l.id, name: l.name }))),
      () => setLanes([]),
    );
    return () => controller.abort();
  }, [regency]);
  return lanes;
}

/** An account the form starts with (a suggestion picked for a new regency). */
interface Prefill {
  username: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
}

function CreateForm({ session, onCreated, prefill }: { session: Session; onCreated: (username: string) => void; prefill?: Prefill }) {
  const { t, lang } = useI18n();
  const platform = session.user.regency === '*';
  const [form, setForm] = useState({
    username: prefill?.username ?? '',
    displayName: prefill?.displayName ?? '',
    regency: platform ? (prefill?.regency ?? '') : session.user.regency,
    password: '',
  });
  const [lanes, setLanes] = useState<string[]>(prefill?.lanes ?? []);
  const [permissions, setPermissions] = useState<string[]>(prefill?.permissions ?? []);
  // the refusal itself, worded when shown: it follows a switch of language
  const [refused, setRefused] = useState<unknown>(null);
  const errors = refused === null ? [] : refusalLines(refused, lang);
  const [busy, setBusy] = useState(false);
  const choices = useLaneChoices(form.regency);
  const rights = rightsFor(form.regency);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefused(null);
    try {
      // a right ticked for another regency typed before is not the account's to hold
      const held = permissions.filter((p) => (rights as string[]).includes(p));
      const created = await createAccount(session.token, { ...form, username: form.username.trim(), lanes, permissions: held });
      setForm({ username: '', displayName: '', regency: form.regency, password: '' });
      setLanes([]);
      setPermissions([]);
      onCreated(created.username);
    } catch (err) {
      setRefused(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} data-testid="accounts-create">
      <h2>{t('accountsCreateTitle')}</h2>
      <label>
        {t('accountsUsername')}
        <input
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
          required
          autoComplete="off"
          data-testid="accounts-new-username"
        />
      </label>
      <label>
        {t('accountsDisplayName')}
        <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required data-testid="accounts-new-name" />
      </label>
      <label>
        {t('accountsRegency')}
        <input
          value={form.regency}
          onChange={(e) => setForm({ ...form, regency: e.target.value.trim() })}
          readOnly={!platform}
          required
          data-testid="accounts-new-regency"
        />
      </label>
      {choices.length > 0 && (
        <fieldset>
          <legend>{t('accountsLanes')}</legend>
          {choices.map((l) => (
            <label key={l.id} className="admin-check">
              <input type="checkbox" checked={lanes.includes(l.id)} onChange={() => setLanes(toggle(lanes, l.id))} data-testid={`accounts-lane-${l.id}`} />{' '}
              {l.name} <code>{l.id}</code>
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('accountsPermissions')}</legend>
        {rights.map((p) => (
          <label key={p} className="admin-check">
            <input
              type="checkbox"
              checked={permissions.includes(p)}
              onChange={() => setPermissions(toggle(permissions, p))}
              data-testid={`accounts-perm-${p}`}
            />{' '}
            {t(PERMISSION_WORDS[p].long)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('accountsPassword')}
        <input
          type="password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          required
          minLength={12}
          autoComplete="new-password"
          data-testid="accounts-new-password"
        />
      </label>
      <button type="submit" className="button primary" disabled={busy} data-testid="accounts-create-submit">
        {t('accountsCreate')}
      </button>
      {errors.length > 0 && (
        <div className="notice notice-error" role="alert" data-testid="accounts-create-error">
          {errors.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      )}
    </form>
  );
}

function AccountRow({
  account,
  session,
  onChanged,
  onMessage,
}: {
  account: Account;
  session: Session;
  onChanged: () => void;
  onMessage: (words: Words, error?: boolean) => void;
}) {
  const { t } = useI18n();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const act = async (run: () => Promise<Words | null>) => {
    try {
      const words = await run();
      if (words) onMessage(words);
      onChanged();
    } catch (err) {
      onMessage((_, language) => refusalLines(err, language).join(' '), true);
    }
  };
  const self = account.username === session.user.username;
  return (
    <tr data-testid="accounts-row" data-username={account.username} data-disabled={String(account.disabled)}>
      <td>
        <code>{account.username}</code>
      </td>
      <td>{account.displayName}</td>
      <td>{account.regency === '*' ? '*' : account.regency}</td>
      <td>{account.lanes.join(', ') || '—'}</td>
      <td data-testid="accounts-permissions">
        {account.permissions.map((p) => (Object.hasOwn(PERMISSION_WORDS, p) ? t(PERMISSION_WORDS[p as keyof typeof PERMISSION_WORDS].short) : p)).join(', ') ||
          '—'}
      </td>
      <td>
        <span className={`chip${account.disabled ? ' admin-disabled' : ''}`}>{account.disabled ? t('accountsDisabled') : t('accountsActive')}</span>
      </td>
      <td className="admin-actions">
        {!self && (
          <button
            type="button"
            className="linklike"
            data-testid="accounts-toggle"
            onClick={() => void act(async () => (await updateAccount(session.token, account.username, { disabled: !account.disabled }), null))}
          >
            {account.disabled ? t('accountsEnable') : t('accountsDisable')}
          </button>
        )}
        <button
          type="button"
          className="linklike"
          data-testid="accounts-unlock"
          onClick={() =>
            void act(async () => {
              const { unlocked } = await unlockAccount(session.token, account.username);
              return (tr) => tr(unlocked ? 'accountsUnlocked' : 'accountsNotLocked', { user: account.username });
            })
          }
        >
          {t('accountsUnlock')}
        </button>
        {resetting ? (
          <form
            className="admin-inline"
            onSubmit={(e) => {
              e.preventDefault();
              void act(async () => {
                await resetPassword(session.token, account.username, password);
                setResetting(false);
                setPassword('');
                return (tr) => tr('accountsResetDone', { user: account.username });
              });
            }}
          >
            <input
              type="password"
              aria-label={t('accountsNewPassword')}
              placeholder={t('accountsNewPassword')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              minLength={12}
              required
              autoComplete="new-password"
              data-testid="accounts-reset-password"
            />
            <button type="submit" className="button" data-testid="accounts-reset-save">
              {t('accountsSave')}
            </button>
            <button type="button" className="linklike" onClick={() => setResetting(false)}>
              {t('accountsCancel')}
            </button>
          </form>
        ) : (
          <button type="button" className="linklike" data-testid="accounts-reset" onClick={() => setResetting(true)}>
            {t('accountsReset')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** The accounts a regency needs (see suggestedAccounts), each a button that fills in the form; the signer's says why it is needed. */
function Suggestions({ regency, existing, onPick }: { regency: string; existing: Set<string>; onPick: (p: Prefill) => void }) {
  const { t } = useI18n();
  const sop = useFetch(`accounts-suggest-${regency}`, (signal) => fetchSop(regency, signal));
  if (sop.state !== 'ready') return null;
  const name = sop.value.regency;
  const suggestions = suggestedAccounts(
    regency,
    sop.value.sop.lanes.filter((l) => !isCitizenLane(l)),
  ).map((a) => ({
    prefill: {
      username: a.username,
      displayName: 'key' in a.name ? t(a.name.key, { regency: name }) : `${a.name.lane} (${name})`,
      regency,
      lanes: a.lanes,
      permissions: [...a.permissions],
    } satisfies Prefill,
    why: a.why ? t(a.why) : null,
  }));
  return (
    <section className="card admin-form" data-testid="accounts-suggested">
      <h2>{t('accountsSuggested', { regency: name })}</h2>
      <p className="muted">{t('accountsSuggestedIntro')}</p>
      <ul className="admin-suggestions">
        {suggestions.map(({ prefill: p, why }) => (
          <li key={p.username}>
            {existing.has(p.username) ? (
              <span className="muted" data-testid="accounts-suggestion-exists" data-username={p.username}>
                <code>{p.username}</code> · {p.displayName} · {t('accountsExists')}
              </span>
            ) : (
              <button type="button" className="linklike" data-testid="accounts-suggestion" data-username={p.username} onClick={() => onPick(p)}>
                <code>{p.username}</code> · {p.displayName}
              </button>
            )}
            {why && (
              <span className="muted admin-suggestion-why" data-testid="accounts-suggestion-why">
                {' '}
                — {why}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /admin/pengguna: the accounts an administrator manages (`?regency=<id>`: a platform administrator's view of one regency). */
export function AccountsPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const [message, setMessage] = useState<{ words: Words; error: boolean } | null>(null);
  const [prefill, setPrefill] = useState<{ n: number; value: Prefill } | null>(null);
  const admin = session?.user.permissions.includes('admin') ? session : null;
  const asked = new URLSearchParams(search).get('regency') ?? '';
  const regency = admin?.user.regency === '*' && /^[a-z][a-z0-9-]*$/.test(asked) ? asked : undefined;
  const accounts = usePagedList<Account, AccountPage>(admin ? `${admin.token}|${regency ?? ''}` : null, (_, signal) =>
    listAccounts(admin?.token ?? '', signal, regency),
  );
  if (!admin) return <AdminGate title={t('accountsTitle')} message={t('adminNeedAdmin')} />;
  const columns: Column<Account>[] = [
    { head: t('accountsColUser') },
    { head: t('accountsColName') },
    { head: t('accountsColRegency') },
    { head: t('accountsColLanes') },
    { head: t('accountsColPermissions') },
    { head: t('accountsColStatus') },
    { head: null },
  ];
  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>{t('accountsTitle')}</h1>
        <p className="muted">{t('accountsIntro', { scope: regency ?? (admin.user.regency === '*' ? t('accountsScopeAll') : admin.user.regency) })}</p>
      </header>
      {message && (
        <div className={`notice${message.error ? ' notice-error' : ''}`} role={message.error ? 'alert' : 'status'} data-testid="accounts-message">
          {message.words(t, lang)}
        </div>
      )}
      {accounts.error && <Notice kind="error">{t('loadFailed', { message: accounts.error })}</Notice>}
      <PagedTable
        list={accounts}
        columns={columns}
        rowKey={(a) => a.id}
        renderRow={(a) => (
          <AccountRow account={a} session={admin} onChanged={accounts.reload} onMessage={(words, error = false) => setMessage({ words, error })} />
        )}
        testId="accounts-table"
        loading={t('loading')}
      />
      {regency && accounts.page && (
        <Suggestions
          regency={regency}
          existing={new Set(accounts.items.map((a) => a.username))}
          onPick={(value) => setPrefill((p) => ({ n: (p?.n ?? 0) + 1, value }))}
        />
      )}
      <CreateForm
        key={prefill ? `prefill-${prefill.n}` : `regency-${regency ?? ''}`}
        session={admin}
        prefill={prefill?.value ?? (regency ? { username: '', displayName: '', regency, lanes: [], permissions: [] } : undefined)}
        onCreated={(username) => {
          setMessage({ words: (tr) => tr('accountsCreated', { user: username }), error: false });
          accounts.reload();
        }}
      />
    </div>
  );
}
