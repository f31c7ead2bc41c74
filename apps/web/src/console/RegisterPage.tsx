import { useEffect, useRef, useState, type SubmitEvent, type ReactNode } from 'react';
import type { FormField } from '@sop/model';
import { ApiError, fieldErrorText, refusalText } from '../api';
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
import { DuplicateWarning } from './DuplicateWarning';
import { checkDuplicates, type IdentityMatch } from './intake-api';
import { officeInputValue, officeInstant, officeZone } from './office-time';
import { defaultChannel, registerLead } from './register-words';

/** How far back "received at" may go: the API's limit (docs/adr/0023). */
const RECEIVED_MAX_DAYS_BACK = 14;
const NIK_TYPES = new Set(['nik', 'nik-or-kk']);

/** Whether a typed NIK has 16 digits (only then may an officer accept it against a date, province or serial rule). */
const sixteenDigits = (value: string) => /^\d{16}$/.test(value.replace(/[\s.\-]/g, ''));

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
  const [picked, setChannel] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Partial<Record<string, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // the API's field errors and the refusal themselves: worded when shown, in the page's language then
  const [serverFields, setServerFields] = useState<Partial<Record<string, { message: string; messageId?: unknown }>>>({});
  const [failure, setFailure] = useState<{ kind: 'fix' } | { kind: 'failed'; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [callerWords, setCallerWords] = useState('');
  const [openedAt] = useState(() => new Date());
  // when the received-at time was last changed: what "now" is for its check (render stays pure)
  const [checkedAt, setCheckedAt] = useState(() => openedAt.getTime());
  // "received at" is typed and shown on the office's wall clock (its SOP's zone), not the browser's
  const timeZone = sop.sop.calendar.timeZone;
  const [receivedAt, setReceivedAt] = useState(() => officeInputValue(new Date(), timeZone));
  const [override, setOverride] = useState<{ field: string; reason: string } | null>(null);
  const [duplicates, setDuplicates] = useState<{ windowDays: number; total: number; items: IdentityMatch[] } | null>(null);
  // the duplicate check's failure itself (worded when shown): the operator is told the check did not run, not left to think there is none
  const [duplicatesFailed, setDuplicatesFailed] = useState<{ error: unknown } | null>(null);
  const [focusFirst, setFocusFirst] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = sop.form.fields;
  const mayRegister = lookups.intakeLanes.some((l) => session.user.lanes.includes(l));
  // several ways in: an operator registers only the channels of the path whose desk they hold
  const holds = (lane: string | null) => lane !== null && session.user.lanes.includes(lane);
  const ownChannels = mayRegister ? sop.channels.filter((c) => holds(lookups.intakeLaneOf(c.id))) : sop.channels;
  // a desk that serves one channel has it chosen already
  const channel = picked || defaultChannel(ownChannels);

  const states = Object.fromEntries(fields.map((f) => [f.id, checkField(f, values[f.id] ?? '', lang, submitted || !!touched[f.id])]));
  // a NIK that fails a date, province or serial rule may be accepted by the officer, with a reason
  const overridable = (id: string) =>
    NIK_TYPES.has(fields.find((f) => f.id === id)?.type ?? '') && sixteenDigits(values[id] ?? '') && states[id].error !== null;
  const overridden = (id: string) => override?.field === id && overridable(id);
  // the API's error for a field (`$name` for the request's own fields), in the page's language now
  const serverError = (key: string) => {
    const f = serverFields[key];
    return f ? fieldErrorText(f, lang) : null;
  };
  const error =
    failure === null ? null : failure.kind === 'fix' ? t('consoleFixFields') : t('consoleRegisterFailed', { message: refusalText(failure.error, lang) });
  const fieldError = (id: string) => serverError(id) ?? (overridden(id) ? null : states[id].error);
  const channelError = submitted && !channel ? t('consoleChannelRequired') : serverError('$channel');
  const receivedError = (() => {
    const refused = serverError('$receivedAt');
    if (refused) return refused;
    const at = officeInstant(receivedAt, timeZone);
    if (!at) return submitted ? t('intakeReceivedAtFuture') : null;
    if (at.getTime() > checkedAt + 60_000) return t('intakeReceivedAtFuture');
    if (at.getTime() < openedAt.getTime() - RECEIVED_MAX_DAYS_BACK * 86_400_000) return t('intakeReceivedAtTooOld', { days: RECEIVED_MAX_DAYS_BACK });
    return null;
  })();
  const reasonError =
    override && overridable(override.field) && submitted && override.reason.trim().length < 10
      ? t('intakeNikOverrideReasonShort')
      : serverError('$nikOverride.reason');

  // after a refused submit, the first field in error takes the focus (and is scrolled to)
  useEffect(() => {
    if (!focusFirst) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [focusFirst]);

  // the duplicate check: the NIK and phone typed so far, once valid (never in the address bar)
  const identity = (() => {
    const nikField = fields.find((f) => NIK_TYPES.has(f.type) && f.id in values && values[f.id].trim() !== '' && (!states[f.id].error || overridden(f.id)));
    const phoneField = fields.find((f) => PHONE_TYPES.has(f.type) && f.id in values && values[f.id].trim() !== '' && !states[f.id].error);
    return { nik: nikField ? values[nikField.id] : undefined, phone: phoneField ? values[phoneField.id] : undefined };
  })();
  const identityKey = `${identity.nik ?? ''}|${identity.phone ?? ''}`;
  const [checkedKey, setCheckedKey] = useState('|');
  const checkIdentity = () => {
    // a check that could not run is tried again on the next leave of a field
    if (identityKey === checkedKey && !duplicatesFailed) return;
    setCheckedKey(identityKey);
    setDuplicatesFailed(null);
    if (!identity.nik && !identity.phone) {
      setDuplicates(null);
      return;
    }
    checkDuplicates(session.token, identity).then(setDuplicates, (error: unknown) => {
      setDuplicates(null);
      setDuplicatesFailed({ error });
    });
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const checked = fields.map((f) => (overridden(f.id) ? { error: null } : checkField(f, values[f.id] ?? '', lang, true)));
    const reasonShort = override !== null && overridable(override.field) && override.reason.trim().length < 10;
    if (!channel || checked.some((c) => c.error) || receivedError || reasonShort) {
      setFailure({ kind: 'fix' });
      setFocusFirst((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const data = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      const created = await registerCase(session.token, {
        sop: sop.id,
        channel,
        data,
        receivedAt: (officeInstant(receivedAt, timeZone) ?? new Date()).toISOString(),
        ...(callerWords.trim() ? { callerWords } : {}),
        ...(override && overridden(override.field) ? { nikOverride: { field: override.field, reason: override.reason.trim() } } : {}),
      });
      keepHandout(created.id, { ticket: created.ticket, accessCode: created.accessCode });
      navigate(`/cases/${created.id}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.fieldErrors.length) {
        setServerFields(Object.fromEntries(err.fieldErrors.map((f) => [f.field.startsWith('data.') ? f.field.slice(5) : `$${f.field}`, f])));
        setFailure({ kind: 'fix' });
        setFocusFirst((n) => n + 1);
      } else {
        setFailure({ kind: 'failed', error: err });
      }
    }
  };

  const set = (id: string, value: string) => {
    setValues((v) => ({ ...v, [id]: value }));
    setServerFields((errors) => Object.fromEntries(Object.entries(errors).filter(([key]) => key !== id)));
  };

  return (
    <form className="console-register" onSubmit={(e) => void submit(e)} noValidate data-testid="register-form" ref={formRef}>
      <header className="page-head">
        <span className="eyebrow">
          {sop.sop.identity.regency} · {sop.title}
        </span>
        <h1>{t('consoleRegisterTitle')}</h1>
        <p className="lead" data-testid="register-lead">
          {registerLead(
            // the channels as the SOP names them, as the choices below do
            ownChannels.map((c) => c.label),
            t,
            lang,
          )}
        </p>
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
                  aria-invalid={!!channelError}
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
          <div className={`console-field${receivedError ? ' console-field-error' : ''}`}>
            <label className="console-label" htmlFor="received-at">
              {t('intakeReceivedAt', { zone: officeZone(timeZone) })}
            </label>
            <input
              id="received-at"
              type="datetime-local"
              data-testid="input-received-at"
              value={receivedAt}
              max={officeInputValue(new Date(checkedAt), timeZone)}
              min={officeInputValue(new Date(openedAt.getTime() - RECEIVED_MAX_DAYS_BACK * 86_400_000), timeZone)}
              aria-invalid={!!receivedError}
              aria-describedby="received-at-help"
              onChange={(e) => {
                setReceivedAt(e.target.value);
                setCheckedAt(Date.now());
                setServerFields((errors) => Object.fromEntries(Object.entries(errors).filter(([k]) => k !== '$receivedAt')));
              }}
            />
            <div id="received-at-help">
              {receivedError ? (
                <span className="console-error" role="alert" data-testid="error-received-at">
                  {receivedError}
                </span>
              ) : (
                <span className="muted" data-testid="received-at-hint">
                  {t('intakeReceivedAtZone', { zone: officeZone(timeZone), timeZone })} {t('intakeReceivedAtHint', { days: RECEIVED_MAX_DAYS_BACK })}
                </span>
              )}
            </div>
          </div>
          <div className="console-field">
            <label className="console-label" htmlFor="caller-words">
              {t('intakeCallerWords')} <span className="muted">{t('consoleOptional')}</span> <Lock />
            </label>
            <textarea
              id="caller-words"
              rows={4}
              maxLength={4000}
              data-testid="input-caller-words"
              value={callerWords}
              onChange={(e) => setCallerWords(e.target.value)}
              aria-describedby="caller-words-help"
            />
            <span id="caller-words-help" className="muted">
              {t('intakeCallerWordsHint')}
            </span>
          </div>
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
              onBlur={() => {
                setTouched((x) => ({ ...x, [f.id]: true }));
                checkIdentity();
              }}
              error={fieldError(f.id)}
              normalized={states[f.id].normalized}
              warning={overridden(f.id) ? states[f.id].error : states[f.id].warning}
              overridden={overridden(f.id)}
            >
              {overridable(f.id) && (
                <div className="console-override" data-testid={`override-${f.id}`}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="override-toggle"
                      checked={override?.field === f.id}
                      onChange={(e) => setOverride(e.target.checked ? { field: f.id, reason: override?.reason ?? '' } : null)}
                    />{' '}
                    {t('intakeNikOverride')}
                  </label>
                  {override?.field === f.id && (
                    <div className="console-field">
                      <label className="console-label" htmlFor="override-reason">
                        {t('intakeNikOverrideReason')}
                      </label>
                      <textarea
                        id="override-reason"
                        rows={2}
                        maxLength={500}
                        data-testid="override-reason"
                        value={override.reason}
                        aria-invalid={!!reasonError}
                        onChange={(e) => setOverride({ field: f.id, reason: e.target.value })}
                      />
                      {reasonError && (
                        <span className="console-error" role="alert" data-testid="error-override-reason">
                          {reasonError}
                        </span>
                      )}
                    </div>
                  )}
                </div>
              )}
            </FieldInput>
          ))}
          {duplicates && <DuplicateWarning {...duplicates} timeZone={sop.sop.calendar.timeZone} />}
          {duplicatesFailed && (
            <p className="notice notice-warning" role="status" data-testid="duplicate-check-failed">
              {t('intakeDuplicateCheckFailed', { message: refusalText(duplicatesFailed.error, lang) })}
            </p>
          )}
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
  overridden = false,
  children,
}: {
  children?: ReactNode;
  /** The officer accepts the value against a rule: no "valid" tick, the rule stays shown as a warning. */
  overridden?: boolean;
  field: FormField;
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
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
        ) : overridden ? null : normalized ? (
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
      {children}
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
