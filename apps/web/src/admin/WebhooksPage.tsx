import { useEffect, useState, type SyntheticEvent } from 'react';
import { ApiError } from '../api';
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

/** What the API said was wrong: its field messages for a 400, else its message. */
function problem(e: unknown): string {
  if (e instanceof ApiError) {
    const errors = (e.body as { errors?: { field: string; message: string }[] } | null)?.errors;
    if (errors?.length) return errors.map((x) => `${x.field}: ${x.message}`).join('; ');
  }
  return e instanceof Error ? e.message : String(e);
}

/** /admin/webhook: the regency's webhook endpoints, their delivery logs, and registering one (the secret shown once). */
export function WebhooksPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const admin = session?.user.permissions.includes('admin') ? session : null;
  const platform = admin?.user.regency === '*';
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [reload, setReload] = useState(0);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookDelivery[] | null>(null);
  const [url, setUrl] = useState('');
  const [regency, setRegency] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [identityLane, setIdentityLane] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!admin) return;
    const controller = new AbortController();
    listWebhooks(admin.token, controller.signal)
      .then((r) => {
        setHooks(r.items);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(problem(e));
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [admin?.token, reload]);

  useEffect(() => {
    if (!admin || !open) return;
    const controller = new AbortController();
    webhookDeliveries(admin.token, open, controller.signal)
      .then((r) => setLog(r.items))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(problem(e));
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [admin?.token, open, reload]);

  if (!admin) {
    return (
      <div className="page admin-page">
        <h1>{t('webhooksTitle')}</h1>
        <div className="notice" data-testid="admin-need-login">
          {t('adminNeedAdmin')}
        </div>
      </div>
    );
  }
  const when = (at: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(at)) +
    ' WIB';
  const eventLabel = (e: string) => t(`webhookEvent_${e}` as MessageKey);
  const statusLabel = (s: string) => t(`webhookStatus_${s}` as MessageKey);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setError(null);
      setReload((n) => n + 1);
    } catch (e) {
      setError(problem(e));
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
  const shown = hooks.find((h) => h.id === open);
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
      {!loading && hooks.length === 0 && <p className="muted">{t('webhooksEmpty')}</p>}
      {hooks.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="webhooks-table">
            <thead>
              <tr>
                <th>{t('webhooksColUrl')}</th>
                {platform && <th>{t('webhooksColRegency')}</th>}
                <th>{t('webhooksColEvents')}</th>
                <th>{t('webhooksColIdentity')}</th>
                <th>{t('webhooksColStatus')}</th>
                <th>{t('webhooksColLast')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {hooks.map((h) => (
                <tr key={h.id} data-testid="webhook-row" className={h.enabled ? undefined : 'admin-disabled'}>
                  <td>
                    <code>{h.url}</code>
                    {h.description && <div className="muted">{h.description}</div>}
                  </td>
                  {platform && <td>{h.regency}</td>}
                  <td>{h.events.map(eventLabel).join(', ')}</td>
                  <td>{h.identityLane ? t('webhooksIdentityAs', { lane: h.identityLane }) : t('webhooksNoIdentity')}</td>
                  <td>{h.enabled ? t('webhooksEnabled') : t('webhooksDisabled')}</td>
                  <td>
                    {h.lastDelivery ? `${statusLabel(h.lastDelivery.status)} · ${when(h.lastDelivery.at)}` : '—'}
                    {h.pending ? <div className="muted">{t('webhooksPending', { n: h.pending })}</div> : null}
                  </td>
                  <td className="admin-actions">
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => {
                        setLog(null);
                        setOpen(open === h.id ? null : h.id);
                      }}
                      data-testid="webhook-log"
                    >
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && (
        <section data-testid="webhook-deliveries">
          <h2>{t('webhooksLogTitle', { url: shown.url })}</h2>
          {log?.length === 0 && <p className="muted">{t('webhooksLogEmpty')}</p>}
          {log && log.length > 0 && (
            <div className="admin-table-wrap">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th>{t('webhooksLogAt')}</th>
                    <th>{t('webhooksLogEvent')}</th>
                    <th>{t('webhooksLogTicket')}</th>
                    <th>{t('webhooksLogStatus')}</th>
                    <th>{t('webhooksLogAttempts')}</th>
                    <th>{t('webhooksLogCode')}</th>
                    <th>{t('webhooksLogError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((d) => (
                    <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                      <td>{when(d.createdAt)}</td>
                      <td>{eventLabel(d.event)}</td>
                      <td>{d.ticket ?? '—'}</td>
                      <td>
                        {statusLabel(d.status)}
                        {d.nextAttemptAt && <div className="muted">{t('webhooksLogNext', { at: when(d.nextAttemptAt) })}</div>}
                      </td>
                      <td>{d.attempts}</td>
                      <td>{d.responseStatus ?? '—'}</td>
                      <td className="admin-details">{d.error ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
