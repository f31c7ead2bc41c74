import { useEffect, useState } from 'react';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { downloadAuditCsv, fetchAudit, type AuditLine } from './admin-api';
import './admin.css';

const ACTIONS = [
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password-reset',
  'user.unlock',
  'sop.publish',
  'holidays.load',
  'identity.reveal',
];

/** /admin/audit: the audit log, newest first, a page at a time, with a CSV export. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const admin = session?.user.permissions.includes('admin') ? session : null;
  const [action, setAction] = useState('');
  const [lines, setLines] = useState<AuditLine[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = async (before: string | undefined, signal?: AbortSignal) => {
    if (!admin) return;
    setLoading(true);
    try {
      const page = await fetchAudit(admin.token, { action: action || undefined, before }, signal);
      setLines((old) => (before ? [...old, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (e) {
      if (!signal?.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    // another filter: the lines of the previous one are not shown meanwhile
    setLines([]);
    setNext(null);
    void load(undefined, controller.signal);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, admin?.token]);

  if (!admin) {
    return (
      <div className="page admin-page">
        <h1>{t('auditTitle')}</h1>
        <div className="notice" data-testid="admin-need-login">
          {t('adminNeedAdmin')}
        </div>
      </div>
    );
  }
  const when = (at: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(at)) +
    ' WIB';
  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>{t('auditTitle')}</h1>
        <p className="muted">{t('auditIntro')}</p>
      </header>
      <div className="admin-toolbar">
        <select value={action} onChange={(e) => setAction(e.target.value)} aria-label={t('auditColAction')} data-testid="audit-action">
          <option value="">{t('auditFilterAll')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          data-testid="audit-csv"
          onClick={() => void downloadAuditCsv(admin.token, action || undefined).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
        >
          {t('auditCsv')}
        </button>
      </div>
      {error && <Notice kind="error">{t('loadFailed', { message: error })}</Notice>}
      {!loading && !error && lines.length === 0 && <p className="muted">{t('auditEmpty')}</p>}
      {lines.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('auditColAt')}</th>
                <th>{t('auditColActor')}</th>
                <th>{t('auditColAction')}</th>
                <th>{t('auditColRegency')}</th>
                <th>{t('auditColTarget')}</th>
                <th>{t('auditColDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} data-testid="audit-row" data-action={l.action}>
                  <td>{when(l.at)}</td>
                  <td>{l.actor}</td>
                  <td>
                    <code>{l.action}</code>
                  </td>
                  <td>{l.regency}</td>
                  <td>{l.target ?? '—'}</td>
                  <td className="admin-details">{Object.keys(l.details).length ? JSON.stringify(l.details) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="button" disabled={loading} onClick={() => void load(next)} data-testid="audit-more">
          {t('auditMore')}
        </button>
      )}
    </div>
  );
}
