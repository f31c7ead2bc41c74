import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import type { Form } from '@sop/model';
import { ApiError, fetchSop, refusalText, type SopDetail } from '../api';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useFetch } from '../use-fetch';
import { checkAll, checkField, complaintFormOf, identityNotes, issueText, publicChannelOf, serverErrorsByField, submissionOf } from './complaint-form';
import { FieldInput } from './FieldInput';
import { LockIcon } from './icons';
import { fileComplaint, forgetSubmissionKey, submissionKey, type FiledComplaint } from './public-api';
import { rememberAccessCode } from './access-codes';
import { saveTicket, savedTickets } from './saved-tickets';
import { FiledPanel } from './FiledPanel';
import './public.css';

/** `/lapor/{id}`: a citizen files a complaint on the SOP's own form and gets a ticket number. */
export function FilePage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch(`sop:${id}`, (signal) => fetchSop(id, signal));
  return (
    <div className="page pub-page" data-testid="file-page">
      {detail.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {detail.state === 'error' && (
        <>
          <Notice kind="error">{detail.status === 404 ? t('publicSopNotFound', { id }) : t('loadFailed', { message: detail.message })}</Notice>
          <Link href="/sops">{t('backToList')}</Link>
        </>
      )}
      {detail.state === 'ready' && <ComplaintForm detail={detail.value} />}
    </div>
  );
}

function ComplaintForm({ detail }: { detail: SopDetail }) {
  const { t } = useI18n();
  const { sop } = detail;
  const { form, isDefault } = useMemo(() => complaintFormOf(sop), [sop]);
  const [filed, setFiled] = useState<FiledComplaint | null>(null);
  const [formKey, setFormKey] = useState(0);
  // read again after each filing, so that "send another" shows the ticket just filed
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `filed` is the trigger to read localStorage again, not an input
  const recent = useMemo(() => savedTickets(), [filed]);

  return (
    <>
      <header className="page-head pub-head">
        <span className="eyebrow" data-testid="form-office">
          {sop.identity.office ?? t('publicOfficeFallback')} · {sop.identity.regency}
        </span>
        <h1 data-testid="form-title">{form.title}</h1>
        {form.document && (
          <p className="pub-docline" data-testid="form-document">
            {[form.document, form.revision ? `Rev. ${form.revision}` : null, form.effective].filter(Boolean).join(' · ')}
          </p>
        )}
        <p className="lead">{t('publicFileLead')}</p>
      </header>
      {filed ? (
        <FiledPanel
          filed={filed}
          onAnother={() => {
            setFiled(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <>
          {recent.length > 0 && (
            <p className="pub-recent" data-testid="recent-tickets">
              {t('publicHaveTicket')}{' '}
              {recent.slice(0, 2).map((r, i) => (
                <span key={r.ticket}>
                  {i > 0 && ', '}
                  <Link href={`/tiket/${r.ticket}`} className="pub-ticket-chip">
                    {r.ticket}
                  </Link>
                </span>
              ))}
            </p>
          )}
          <FormBody key={formKey} detail={detail} form={form} isDefault={isDefault} onFiled={setFiled} />
        </>
      )}
    </>
  );
}

function FormBody({ detail, form, isDefault, onFiled }: { detail: SopDetail; form: Form; isDefault: boolean; onFiled: (filed: FiledComplaint) => void }) {
  const { t, lang } = useI18n();
  const fields = form.fields;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.id, ''])));
  const [touched, setTouched] = useState<Partial<Record<string, boolean>>>({});
  // the API's refusal itself (its field errors kept until the field is edited): worded when shown, in the page's language then
  const [serverFieldErrors, setServerFieldErrors] = useState<{ field: string; message: string; messageId?: unknown }[]>([]);
  // `byField`: the refusal named fields, shown beside them (the rest, if any, here)
  const [sendFailure, setGeneralError] = useState<{ error: unknown; byField?: true } | null>(null);
  const server = serverErrorsByField(serverFieldErrors, fields, lang);
  const serverErrors = server.byField;
  const generalError =
    sendFailure === null
      ? null
      : sendFailure.byField
        ? server.other.length > 0
          ? t('publicSendFailed', { message: withoutFullStop(server.other.join('; ')) })
          : null
        : t('publicSendFailed', { message: withoutFullStop(refusalText(sendFailure.error, lang)) });
  const [summary, setSummary] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const errorOf = (fieldId: string): string | null => {
    const field = fields.find((f) => f.id === fieldId);
    if (!field) throw new Error(`no field "${fieldId}" in the form`);
    if (touched[fieldId]) {
      const issue = checkField(field, values[fieldId] ?? '');
      if (issue) return issueText(issue, lang);
    }
    return serverErrors[fieldId] ?? null;
  };

  const focusField = (fieldId: string) => {
    const el = formRef.current?.querySelector<HTMLElement>(
      `[data-field-id="${CSS.escape(fieldId)}"][data-testid="field-input"], [data-field-id="${CSS.escape(fieldId)}"][data-testid="field-option"]`,
    );
    el?.focus();
    el?.closest('[data-testid="field"]')?.scrollIntoView({ block: 'center' });
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (sendingRef.current) return;
    setGeneralError(null);
    const issues = checkAll(fields, values);
    setTouched(Object.fromEntries(fields.map((f) => [f.id, true])));
    const wrong = fields.filter((f) => issues[f.id]);
    if (wrong.length > 0) {
      setSummary(wrong.length);
      focusField(wrong[0].id);
      return;
    }
    setSummary(null);
    sendingRef.current = true;
    setSending(true);
    try {
      const request = { sop: detail.id, channel: publicChannelOf(detail.sop), data: submissionOf(fields, values) };
      // one key per submission: sending the same form again after a lost answer gets the same ticket, not a second complaint
      const filed = await fileComplaint(request, submissionKey(request));
      forgetSubmissionKey();
      saveTicket({ ticket: filed.ticket, sop: filed.sop.id, regency: filed.sop.regency, filedAt: filed.createdAt });
      rememberAccessCode(filed.ticket, filed.accessCode);
      onFiled(filed);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fieldErrors.length > 0) {
        const { byField } = serverErrorsByField(err.fieldErrors, fields, lang);
        setServerFieldErrors(err.fieldErrors);
        setGeneralError({ error: err, byField: true });
        const wrongIds = fields.filter((f) => byField[f.id]).map((f) => f.id);
        if (wrongIds.length > 0) {
          setSummary(wrongIds.length);
          focusField(wrongIds[0]);
        }
      } else {
        // a key the API took for another body (a digest that collided): the next send gets a new one
        if (err instanceof ApiError && err.status === 422 && (err.body as { code?: unknown } | null)?.code === 'case.idempotency-key-reused') {
          forgetSubmissionKey();
        }
        setGeneralError({ error: err });
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const confidential = fields.filter((f) => f.confidential);
  return (
    <form
      ref={formRef}
      className="pub-form card"
      noValidate
      onSubmit={(e) => void submit(e)}
      data-testid="file-form"
      data-sop-id={detail.id}
      aria-busy={sending}
    >
      <section className="pub-notice" data-testid="confidentiality-notice">
        <LockIcon />
        <div>
          {form.notice && (
            <>
              <span className="pub-notice-label">{t('publicConfidentialSop')}</span>
              <p className="pub-notice-quote" data-testid="confidentiality-notice-text">
                {form.notice}
              </p>
            </>
          )}
          <p className="pub-notice-platform">{confidential.length > 0 ? t('publicConfidentialPlatform') : t('publicConfidentialNone')}</p>
        </div>
      </section>
      {isDefault && (
        <p className="pub-hint" data-testid="default-form-note">
          {t('publicDefaultFormNote')}
        </p>
      )}
      <p className="pub-hint">{t('publicRequiredLegend')}</p>
      {fields.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={values[field.id] ?? ''}
          error={errorOf(field.id)}
          notes={identityNotes(field, values[field.id] ?? '', lang)}
          sopId={detail.id}
          onChange={(value) => {
            setValues((v) => ({ ...v, [field.id]: value }));
            setServerFieldErrors((s) => (s.some((x) => x.field === `data.${field.id}`) ? s.filter((x) => x.field !== `data.${field.id}`) : s));
            // a choice is made in one tap: judge it at once
            if (field.type === 'choice') setTouched((tt) => ({ ...tt, [field.id]: true }));
          }}
          onBlur={() => setTouched((tt) => (tt[field.id] ? tt : { ...tt, [field.id]: true }))}
        />
      ))}
      {summary !== null && fields.some((f) => errorOf(f.id)) && (
        <p className="pub-summary" role="alert" data-testid="form-summary">
          {t('publicFixErrors', { n: fields.filter((f) => errorOf(f.id)).length })}
        </p>
      )}
      {generalError && <Notice kind="error">{generalError}</Notice>}
      <button type="submit" className="button button-primary pub-submit" disabled={sending} data-testid="file-submit">
        {sending ? t('publicSending') : t('publicSubmit')}
      </button>
    </form>
  );
}

/** A sentence put before the template's own full stop ("…: {message}. …"): its own full stop dropped. */
function withoutFullStop(text: string): string {
  return text.replace(/\.\s*$/, '');
}
