import { useState } from 'react';
import { problemText, usePagedList } from '../components/paged-list';
import { PagedTable, type Column } from '../components/PagedTable';
import { AdminGate } from '../components/PageGate';
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
  // the error itself: worded when shown, in the page's language then
  const [csvError, setCsvError] = useState<{ error: unknown } | null>(null);
  // another filter is another list: the lines of the previous one are not shown meanwhile
  const token = admin?.token ?? '';
  const lines = usePagedList<AuditLine>(admin ? `${token}|${action}` : null, (before, signal) =>
    fetchAudit(token, { action: action || undefined, before }, signal),
  );

  if (!admin) return <AdminGate title={t('auditTitle')} message={t('adminNeedAdmin')} />;
  const when = (at: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(at)) +
    ' WIB';
  const error =
    csvError === null
      ? lines.error === null
        ? null
        : t('loadFailed', { message: lines.error })
      : t('reportsCsvFailed', { message: problemText(csvError.error, lang) });
  const columns: Column<AuditLine>[] = [
    { head: t('auditColAt'), cell: (l) => when(l.at) },
    { head: t('auditColActor'), cell: (l) => l.actor },
    { head: t('auditColAction'), cell: (l) => <code>{l.action}</code> },
    { head: t('auditColRegency'), cell: (l) => l.regency },
    { head: t('auditColTarget'), cell: (l) => l.target ?? '—' },
    { head: t('auditColDetails'), cell: (l) => (Object.keys(l.details).length ? JSON.stringify(l.details) : '—'), className: 'admin-details' },
  ];
  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>{t('auditTitle')}</h1>
        <p className="muted">{t('auditIntro')}</p>
      </header>
      <div className="admin-toolbar">
        <select
          value={action}
          onChange={(e) => {
            setCsvError(null);
            setAction(e.target.value);
          }}
          aria-label={t('auditColAction')}
          data-testid="audit-action"
        >
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
          onClick={() => {
            setCsvError(null);
            void downloadAuditCsv(admin.token, action || undefined).catch((e: unknown) => setCsvError({ error: e }));
          }}
        >
          {t('auditCsv')}
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <PagedTable
        list={lines}
        columns={columns}
        rowKey={(l) => l.id}
        rowProps={(l) => ({ 'data-testid': 'audit-row', 'data-action': l.action })}
        testId="audit-table"
        empty={t('auditEmpty')}
        failed={error !== null}
        more={{ label: t('auditMore'), testId: 'audit-more' }}
      />
    </div>
  );
}
