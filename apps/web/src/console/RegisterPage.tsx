import { useState, type FormEvent } from 'react';
import type { FormField } from '@sop/model';
import { ApiError } from '../api';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import type { Session } from '../session';
import type { SopForIntake } from './console-api';
import { registerCase } from './console-api';
import { keepHandout } from './handout';
import { checkField } from './field-check';
import { Lock } from './Lock';
import { RequireSession } from './RequireSession';
import { useSopLookups, useSopVersion } from './use-sop';

/** Field types typed on the phone pad: a mobile number, a landline, or either. */
const PHONE_TYPES = new Set(['phone', 'landline', 'phone-or-landline']);
export function RegisterPage() {
  return <RequireSession>{(session) => <RegisterLoader session={session} />}</RequireSession>;
}

function RegisterLoader({ session }: { session: Session }) {
  const { t } = useI18n();
  const sop = useSopVersion(session.user.regency);
  return (
    <div className="page console" data-testid="register-page">
      <Link href="/inbox" className="back">
        {t('consoleBackToInbox')}
      </Link>
      {sop.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {sop.state === 'error' && <Notice kind="error">{t('loadFailed', { message: sop.message })}</Notice>}
      {sop.state === 'ready' && <RegisterForm session={session} sop={sop.value} />}
    </div>
  );
}

function RegisterForm({ session, sop }: { session: Session; sop: SopForIntake }) {
  const { t, lang } = useI18n();
  const lookups = useSopLookups(sop, t('consoleChannelWeb'));
  const [channel, setChannel] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = sop.form.fields;
  const mayRegister = lookups.intakeLanes.some((l) => session.user.lanes.includes(l));
  // several ways in: an operator registers only the channels of the path whose desk they hold
  const holds = (lane: string | null) => lane !== null && session.user.lanes.includes(lane);
  const ownChannels = mayRegister ? sop.channels.filter((c) => holds(lookups.intakeLaneOf(c.id))) : sop.channels;

  const states = Object.fromEntries(fields.map((f) => [f.id, checkField(f, values[f.id] ?? '', lang, submitted || !!touched[f.id])]));
  const channelError = submitted && !channel ? t('consoleChannelRequired') : (serverErrors.channel ?? null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setError(null);
    const checked = fields.map((f) => checkField(f, values[f.id] ?? '', lang, true));
    if (!channel || checked.some((c) => c.error)) {
      setError(t('consoleFixFields'));
      return;
    }
    setBusy(true);
    try {
      const data = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      const created = await registerCase(session.token, { sop: sop.id, channel, data });
      keepHandout(created.id, { ticket: created.ticket, accessCode: created.accessCode });
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.fieldErrors.length) {
        setServerErrors(Object.fromEntries(err.fieldErrors.map((f) => [f.field.replace(/^data\./, ''), f.message])));
        setError(t('consoleFixFields'));
      } else {
        setError(t('consoleRegisterFailed', { message: err instanceof Error ? err.message : String(err) }));
      }
    }
  };

  const set = (id: string, value: string) => {
    setValues((v) => ({ ...v, [id]: value }));
    setServerErrors(({ [id]: _drop, ...rest }) => rest);
  };

  return (
    <form className="console-register" onSubmit={submit} noValidate data-testid="register-form">
      <header className="page-head">
        <span className="eyebrow">
          {sop.sop.identity.regency} · {sop.title}
        </span>
        <h1>{t('consoleRegisterTitle')}</h1>
        <p className="lead">{t('consoleRegisterLead')}</p>
      </header>
      {!mayRegister && (
        <div className="notice notice-error" role="alert" data-testid="register-not-allowed">
          {t('consoleRegisterNotAllowed', { lane: lookups.intakeLanes.map((l) => lookups.laneName(l)).join(' / ') })}
        </div>
      )}
      <div className="console-register-grid">
        <section className="card">
          <h2>{t('consoleChannelTitle')}</h2>
          <div className="console-channels" role="radiogroup" aria-label={t('consoleChannelTitle')}>
            {ownChannels.map((c) => (
              <label key={c.id} className={`console-channel${channel === c.id ? ' console-channel-on' : ''}`}>
                <input
                  type="radio"
                  name="channel"
                  value={c.id}
                  checked={channel === c.id}
                  onChange={() => setChannel(c.id)}
                  data-testid="channel"
                  data-channel={c.id}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          {channelError && (
            <p className="console-error" role="alert" data-testid="error-channel">
              {channelError}
            </p>
          )}
        </section>
        <section className="card">
          <h2>{sop.form.title}</h2>
          {sop.form.notice && <p className="muted">{sop.form.notice}</p>}
          {fields.map((f) => (
            <FieldInput
              key={f.id}
              field={f}
              value={values[f.id] ?? ''}
              onChange={(v) => set(f.id, v)}
              onBlur={() => setTouched((x) => ({ ...x, [f.id]: true }))}
              error={serverErrors[f.id] ?? states[f.id].error}
              normalized={states[f.id].normalized}
              warning={states[f.id].warning}
            />
          ))}
        </section>
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="register-error">
          {error}
        </div>
      )}
      <div className="toolbar console-submit">
        <button type="submit" className="button button-primary" disabled={busy || !mayRegister} data-testid="register-submit">
          {busy ? t('consoleRegistering') : t('consoleRegisterSubmit')}
        </button>
        <Link href="/inbox" className="button">
          {t('consoleCancel')}
        </Link>
      </div>
    </form>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  onBlur,
  error,
  normalized,
  warning,
}: {
  field: FormField;
  value: string;
  onChange(v: string): void;
  onBlur(): void;
  error: string | null;
  normalized: string | null;
  warning: string | null;
}) {
  const { t } = useI18n();
  const id = `field-${field.id}`;
  const common = { id, value, onBlur, 'aria-invalid': !!error, 'aria-describedby': `${id}-help`, 'data-testid': `input-${field.id}` };
  const hint = HINTS[field.type];
  return (
    <div className={`console-field${error ? ' console-field-error' : ''}`} data-field={field.id}>
      <label className="console-label" htmlFor={id}>
        {field.label}
        {field.required ? <span className="console-required"> *</span> : <span className="muted"> {t('consoleOptional')}</span>}
        {field.confidential && <Lock />}
      </label>
      {field.type === 'textarea' ? (
        <textarea rows={4} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : field.type === 'choice' && field.options?.length ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('consoleChoose')}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'date' ? 'date' : PHONE_TYPES.has(field.type) ? 'tel' : 'text'}
          inputMode={field.type === 'nik' || field.type === 'kk' || field.type === 'nik-or-kk' ? 'numeric' : PHONE_TYPES.has(field.type) ? 'tel' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <div id={`${id}-help`}>
        {error ? (
          <span className="console-error" role="alert" data-testid={`error-${field.id}`}>
            {error}
          </span>
        ) : normalized ? (
          <span className="console-ok" data-testid={`ok-${field.id}`}>
            ✓ {t('consoleStoredAs', { value: normalized })}
          </span>
        ) : value.trim() && hint ? (
          <span className="console-ok" data-testid={`ok-${field.id}`}>
            ✓ {t('consoleValid')}
          </span>
        ) : hint ? (
          <span className="muted">{t(hint)}</span>
        ) : null}
        {warning && <span className="console-warning">{warning}</span>}
      </div>
    </div>
  );
}

const HINTS: Partial<Record<FormField['type'], 'consoleHintNik' | 'consoleHintKk' | 'consoleHintNikKk' | 'consoleHintPhone' | 'consoleHintEmail'>> = {
  nik: 'consoleHintNik',
  kk: 'consoleHintKk',
  'nik-or-kk': 'consoleHintNikKk',
  phone: 'consoleHintPhone',
  email: 'consoleHintEmail',
};
