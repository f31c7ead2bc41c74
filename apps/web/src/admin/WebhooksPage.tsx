import { useState, type SyntheticEvent } from 'react';
import { problemText as problem, usePagedList } from '../components/paged-list';
import { PagedTable, type Column } from '../components/PagedTable';
import { AdminGate } from '../components/PageGate';
import { Notice } from '../components/Shell';
import { useI18n, type MessageKey } from '../i18n';
import { useSession } from '../session';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  setWebhookEnabled,
  webhookDeliveries,
  WEBHOOK_EVENTS,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
} from './admin-api';
import './admin.css';

/** /admin/webhook: the regency's webhook endpoints, their delivery logs, and registering one (the secret shown once). */
export function WebhooksPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const admin = session?.user.permissions.includes('admin') ? session : null;
  const platform = admin?.user.regency === '*';
  // the refusal itself, worded when shown: it follows a switch of language
  const [actionError, setActionError] = useState<unknown>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [regency, setRegency] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [identityLane, setIdentityLane] = useState('');
  const [busy, setBusy] = useState(false);
  const hooks = usePagedList<Webhook>(admin ? admin.token : null, (_, signal) => listWebhooks(admin?.token ?? '', signal));
  // the open endpoint's deliveries: another endpoint is another list
  const log = usePagedList<WebhookDelivery>(admin && open ? `${admin.token}|${open}` : null, (_, signal) =>
    webhookDeliveries(admin?.token ?? '', open ?? '', signal),
  );
  const error = (actionError === null ? null : problem(actionError, lang)) ?? hooks.error ?? log.error;

  if (!admin) return <AdminGate title={t('webhooksTitle')} message={t('adminNeedAdmin')} />;
  const when = (at: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(at)) +
    ' WIB';
  const eventLabel = (e: string) => t(`webhookEvent_${e}` as MessageKey);
  const statusLabel = (s: string) => t(`webhookStatus_${s}` as MessageKey);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setActionError(null);
      hooks.reload();
      if (open) log.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void act(async () => {
      const made = await createWebhook(admin.token, {
        url: url.trim(),
        events,
        description: description.trim() || undefined,
        identityLane: identityLane.trim() || null,
        ...(platform ? { regency: regency.trim() } : {}),
      });
      setSecret({ url: made.url, secret: made.secret });
      setUrl('');
      setDescription('');
      setIdentityLane('');
    });
  };
  const columns: Column<Webhook>[] = [
    {
      head: t('webhooksColUrl'),
      cell: (h) => (
        <>
          <code>{h.url}</code>
          {h.description && <div className="muted">{h.description}</div>}
        </>
      ),
    },
    { head: t('webhooksColRegency'), hidden: !platform, cell: (h) => h.regency },
    { head: t('webhooksColEvents'), cell: (h) => h.events.map(eventLabel).join(', ') },
    { head: t('webhooksColIdentity'), cell: (h) => (h.identityLane ? t('webhooksIdentityAs', { lane: h.identityLane }) : t('webhooksNoIdentity')) },
    { head: t('webhooksColStatus'), cell: (h) => (h.enabled ? t('webhooksEnabled') : t('webhooksDisabled')) },
    {
      head: t('webhooksColLast'),
      cell: (h) => (
        <>
          {h.lastDelivery ? `${statusLabel(h.lastDelivery.status)} · ${when(h.lastDelivery.at)}` : '—'}
          {h.pending ? <div className="muted">{t('webhooksPending', { n: h.pending })}</div> : null}
        </>
      ),
    },
    {
      head: null,
      className: 'admin-actions',
      cell: (h) => (
        <>
          <button type="button" className="linklike" onClick={() => setOpen(open === h.id ? null : h.id)} data-testid="webhook-log">
            {open === h.id ? t('webhooksHideLog') : t('webhooksShowLog')}
          </button>
          <button type="button" className="linklike" disabled={busy} onClick={() => void act(() => setWebhookEnabled(admin.token, h.id, !h.enabled))}>
            {h.enabled ? t('webhooksDisable') : t('webhooksEnable')}
          </button>
          <button
            type="button"
            className="linklike"
            disabled={busy}
            onClick={() => {
              if (window.confirm(t('webhooksDeleteConfirm', { url: h.url }))) {
                if (open === h.id) setOpen(null);
                void act(() => deleteWebhook(admin.token, h.id));
              }
            }}
          >
            {t('webhooksDelete')}
          </button>
        </>
      ),
    },
  ];
  const deliveryColumns: Column<WebhookDelivery>[] = [
    { head: t('webhooksLogAt'), cell: (d) => when(d.createdAt) },
    { head: t('webhooksLogEvent'), cell: (d) => eventLabel(d.event) },
    { head: t('webhooksLogTicket'), cell: (d) => d.ticket ?? '—' },
    {
      head: t('webhooksLogStatus'),
      cell: (d) => (
        <>
          {statusLabel(d.status)}
          {d.nextAttemptAt && <div className="muted">{t('webhooksLogNext', { at: when(d.nextAttemptAt) })}</div>}
        </>
      ),
    },
    { head: t('webhooksLogAttempts'), cell: (d) => d.attempts },
    { head: t('webhooksLogCode'), cell: (d) => d.responseStatus ?? '—' },
    { head: t('webhooksLogError'), cell: (d) => d.error ?? '—', className: 'admin-details' },
  ];
  const shown = hooks.items.find((h) => h.id === open);
  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>{t('webhooksTitle')}</h1>
        <p className="muted">{t('webhooksIntro', { scope: platform ? t('webhooksScopeAll') : admin.user.regency })}</p>
      </header>
      {error && (
        <Notice kind="error">
          <span data-testid="webhooks-error">{error}</span>
        </Notice>
      )}
      {secret && (
        <div className="notice" data-testid="webhook-secret" role="status">
          <strong>{t('webhooksSecretTitle', { url: secret.url })}</strong>
          <p>
            <code data-testid="webhook-secret-value">{secret.secret}</code>
          </p>
          <p>{t('webhooksSecretOnce')}</p>
          <button type="button" className="button" onClick={() => setSecret(null)}>
            {t('webhooksSecretDone')}
          </button>
        </div>
      )}
      <PagedTable
        list={hooks}
        columns={columns}
        rowKey={(h) => h.id}
        rowProps={(h) => ({ 'data-testid': 'webhook-row', className: h.enabled ? undefined : 'admin-disabled' })}
        testId="webhooks-table"
        empty={t('webhooksEmpty')}
        failed={false}
      />
      {shown && (
        <section data-testid="webhook-deliveries">
          <h2>{t('webhooksLogTitle', { url: shown.url })}</h2>
          <PagedTable
            list={log}
            columns={deliveryColumns}
            rowKey={(d) => d.id}
            rowProps={(d) => ({ 'data-testid': 'delivery-row', 'data-status': d.status })}
            empty={t('webhooksLogEmpty')}
          />
        </section>
      )}
      <form className="admin-form" onSubmit={submit} data-testid="webhook-form">
        <h2>{t('webhooksCreateTitle')}</h2>
        <label>
          {t('webhooksUrl')}
          <input
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://dasbor.example.go.id/hooks/sop"
            data-testid="webhook-url"
          />
        </label>
        {platform && (
          <label>
            {t('webhooksRegency')}
            <input required value={regency} onChange={(e) => setRegency(e.target.value)} placeholder="metro" data-testid="webhook-regency" />
          </label>
        )}
        <label>
          {t('webhooksDescription')}
          <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('webhooksEvents')}</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="admin-check">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) => setEvents((old) => (e.target.checked ? [...old, ev] : old.filter((x) => x !== ev)))}
              />
              {eventLabel(ev)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('webhooksIdentityLane')}
          <input value={identityLane} onChange={(e) => setIdentityLane(e.target.value)} data-testid="webhook-identity" />
          <span className="muted">{t('webhooksIdentityWarning')}</span>
        </label>
        <button type="submit" className="button primary" disabled={busy || !events.length} data-testid="webhook-create">
          {t('webhooksCreate')}
        </button>
      </form>
    </div>
  );
}
