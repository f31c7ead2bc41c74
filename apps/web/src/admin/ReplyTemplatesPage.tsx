import { useEffect, useState, type SyntheticEvent } from 'react';
import type { MessageTemplate } from '@sop/model';
import { fetchSop } from '../api';
import { problemText as problem, usePagedList } from '../components/paged-list';
import { PagedTable, type Column } from '../components/PagedTable';
import { AdminGate } from '../components/PageGate';
import { Notice } from '../components/Shell';
import {
  createOfficeTemplate,
  deleteOfficeTemplate,
  listOfficeTemplates,
  PLACEHOLDERS,
  updateOfficeTemplate,
  type OfficeTemplate,
} from '../console/reply-templates';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import './admin.css';

/** The API's limits (apps/api/src/reply-templates/reply-templates.service.ts). */
const TITLE_MAX = 120;
const BODY_MAX = 2000;

/**
 * /admin/templat: the office's own reply templates of a regency (issue 11). Its administrators and
 * SOP authors add, change and remove them; its officers read them; the SOP's own templates are
 * shown beside them, read-only (they change with the SOP).
 */
export function ReplyTemplatesPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const platform = session?.user.regency === '*';
  const [regency, setRegency] = useState(platform ? '' : (session?.user.regency ?? ''));
  const [sopTemplates, setSopTemplates] = useState<MessageTemplate[]>([]);
  const [regencyName, setRegencyName] = useState<string | null>(null);
  // the refusal itself, worded when shown: it follows a switch of language
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const token = session?.token;
  const valid = /^[a-z][a-z0-9-]{0,39}$/.test(regency);
  const list = usePagedList<OfficeTemplate, Awaited<ReturnType<typeof listOfficeTemplates>>>(token && valid ? `${token}|${regency}` : null, (_, signal) =>
    listOfficeTemplates(token ?? '', regency, signal),
  );
  const canEdit = list.page?.canEdit ?? false;
  const error = (actionError === null ? null : problem(actionError, lang)) ?? list.error;

  useEffect(() => {
    if (!token || !valid) return;
    const controller = new AbortController();
    fetchSop(regency, controller.signal).then(
      (s) => {
        setSopTemplates(s.sop.templates ?? []);
        setRegencyName(s.sop.identity.regency);
      },
      () => {
        setSopTemplates([]);
        setRegencyName(null);
      },
    );
    return () => controller.abort();
  }, [token, regency, valid]);

  if (!session) return <AdminGate title={t('titleReplyTemplates')} message={t('templatesNeedLogin')} />;

  const when = (at: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(at));
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setDone(null);
    try {
      setDone(await work());
      setActionError(null);
      list.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const startEdit = (tpl: OfficeTemplate | null) => {
    setEditing(tpl?.id ?? null);
    setTitle(tpl?.title ?? '');
    setBody(tpl?.body ?? '');
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void act(async () => {
      const input = { title, body };
      const saved = editing ? await updateOfficeTemplate(session.token, regency, editing, input) : await createOfficeTemplate(session.token, regency, input);
      startEdit(null);
      return t('templatesSaved', { title: saved.title });
    });
  };

  const columns: Column<OfficeTemplate>[] = [
    { head: t('templatesColTitle'), cell: (tpl) => <strong>{tpl.title}</strong> },
    { head: t('templatesColBody'), cell: (tpl) => tpl.body, className: 'admin-template-body' },
    {
      head: t('templatesColChanged'),
      cell: (tpl) => (
        <>
          {when(tpl.updatedAt)}
          {tpl.updatedBy && <div className="muted">{tpl.updatedBy}</div>}
        </>
      ),
    },
    {
      head: null,
      hidden: !canEdit,
      className: 'admin-actions',
      cell: (tpl) => (
        <>
          <button type="button" className="linklike" disabled={busy} onClick={() => startEdit(tpl)} data-testid="template-edit">
            {t('templatesEdit')}
          </button>
          <button
            type="button"
            className="linklike"
            disabled={busy}
            data-testid="template-delete"
            onClick={() =>
              void act(async () => {
                await deleteOfficeTemplate(session.token, regency, tpl.id);
                if (editing === tpl.id) startEdit(null);
                return t('templatesDeleted', { title: tpl.title });
              })
            }
          >
            {t('templatesDelete')}
          </button>
        </>
      ),
    },
  ];

  return (
    <div className="page admin-page" data-testid="reply-templates-page">
      <header className="page-head">
        <h1>{t('titleReplyTemplates')}</h1>
        <p className="muted">{t('templatesIntro', { scope: regencyName ?? (regency || '…') })}</p>
      </header>
      {platform && (
        <label className="admin-inline">
          {t('templatesRegency')}
          <input value={regency} onChange={(e) => setRegency(e.target.value.trim())} placeholder="metro" data-testid="templates-regency" />
        </label>
      )}
      {error && (
        <Notice kind="error">
          <span data-testid="templates-error">{error}</span>
        </Notice>
      )}
      {done && (
        <div className="notice" role="status" data-testid="templates-done">
          {done}
        </div>
      )}
      {!canEdit && list.settled && !error && <p className="muted">{t('templatesReadOnly')}</p>}
      <PagedTable
        list={list}
        columns={columns}
        rowKey={(tpl) => tpl.id}
        rowProps={(tpl) => ({ 'data-testid': 'template-row', 'data-title': tpl.title })}
        testId="templates-table"
        empty={t('templatesEmpty')}
        failed={error !== null}
      />
      {canEdit && (
        <form className="admin-form" onSubmit={submit} data-testid="template-form">
          <h2>{editing ? t('templatesEdit') : t('templatesAdd')}</h2>
          <label>
            {t('templatesColTitle')}
            <input required maxLength={TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="template-title" />
          </label>
          <label>
            {t('templatesColBody')}
            <textarea required rows={5} maxLength={BODY_MAX} value={body} onChange={(e) => setBody(e.target.value)} data-testid="template-body" />
          </label>
          <div className="muted" data-testid="template-placeholders">
            {t('templatesPlaceholders')}{' '}
            {Object.entries(PLACEHOLDERS).map(([name, aliases]) => (
              <code key={name} className="admin-placeholder">
                {`{${name}}`}
                {` / {${aliases.join('} / {')}}`}
              </code>
            ))}
            <div>{t('templatesPlaceholderNote')}</div>
          </div>
          <div className="admin-inline">
            <button type="submit" className="button button-primary" disabled={busy || !title.trim() || !body.trim()} data-testid="template-save">
              {editing ? t('templatesSave') : t('templatesAdd')}
            </button>
            {editing && (
              <button type="button" className="button" onClick={() => startEdit(null)}>
                {t('templatesCancel')}
              </button>
            )}
          </div>
        </form>
      )}
      {sopTemplates.length > 0 && (
        <section className="admin-sop-templates" data-testid="sop-templates">
          <h2>{t('templatesSopTitle')}</h2>
          {sopTemplates.map((s) => (
            <div key={s.id} className="card">
              <strong>{s.name}</strong>
              <p className="admin-template-body">{s.text}</p>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
