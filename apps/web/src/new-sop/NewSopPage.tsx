import { useEffect, useState, type SubmitEvent } from 'react';
import { ApiError, fetchSop, fetchSops, refusalText } from '../api';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { useFetch } from '../use-fetch';
import { readNewSopDraft, writeNewSopDraft } from './new-sop-draft';
import { copyYaml, governmentOf, newSopIdProblem, skeletonYaml, TIME_ZONES, timeZoneChoice, type NewSopTimeZone } from './new-sop-yaml';
import '../admin/admin.css';

/**
 * Why an id cannot be taken: its form (the message key and values of `newSopIdProblem`), or the API
 * could not be asked (the error itself). Both are worded when shown, in the page's language then.
 */
type IdTrouble = { problem: NonNullable<ReturnType<typeof newSopIdProblem>> } | { error: unknown };

type IdCheck =
  { state: 'idle' } | { state: 'checking' } | { state: 'free' } | { state: 'draft' } | { state: 'taken'; regency: string } | ({ state: 'bad' } & IdTrouble);

/** Why the form did not go on: the source SOP could not be read (the API's refusal), or the draft could not be kept (the browser's words). */
type Failure = { kind: 'copy'; error: unknown } | { kind: 'storage'; message: string };

/** Whether an id can be a new SOP's: its form here, then whether the API knows it (checked as it is typed). */
function useIdCheck(id: string): IdCheck {
  const [check, setCheck] = useState<IdCheck>({ state: 'idle' });
  useEffect(() => {
    if (!id) {
      setCheck({ state: 'idle' });
      return;
    }
    const problem = newSopIdProblem(id);
    if (problem) {
      setCheck({ state: 'bad', problem });
      return;
    }
    setCheck({ state: 'checking' });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchSop(id, controller.signal).then(
        (detail) => setCheck({ state: 'taken', regency: detail.regency }),
        (e: unknown) => {
          if (controller.signal.aborted) return;
          if (e instanceof ApiError && e.status === 404) setCheck(readNewSopDraft(id) ? { state: 'draft' } : { state: 'free' });
          else setCheck({ state: 'bad', error: e });
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id]);
  return check;
}

/** /sops/baru: the platform administrator starts the SOP of a regency that joins. */
export function NewSopPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const platformAdmin = !!session && session.user.regency === '*' && session.user.permissions.includes('admin');
  const sops = useFetch('sops', fetchSops);
  const [id, setId] = useState('');
  const [regency, setRegency] = useState('');
  const [government, setGovernment] = useState('');
  const [governmentTouched, setGovernmentTouched] = useState(false);
  const [timeZone, setTimeZone] = useState<NewSopTimeZone>('Asia/Jakarta');
  const [start, setStart] = useState<'kosong' | 'salin'>('kosong');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const check = useIdCheck(id);

  if (!platformAdmin) {
    return (
      <div className="page admin-page">
        <h1>{t('newSopTitle')}</h1>
        <div className="notice" data-testid="new-sop-need-admin">
          {t('newSopNeedAdmin')}
        </div>
      </div>
    );
  }

  const published = sops.state === 'ready' ? [...sops.value.sops].sort((a, b) => a.regency.localeCompare(b.regency, 'id')) : [];
  const sourceId = source || published[0]?.id || '';
  const shownGovernment = governmentTouched ? government : governmentOf(regency);
  // worded at render, so that they follow a switch of language
  const error =
    failure === null
      ? null
      : failure.kind === 'copy'
        ? t('newSopCopyFailed', { message: refusalText(failure.error, lang) })
        : t('newSopStorageFailed', { message: failure.message });
  const checkText =
    check.state !== 'bad'
      ? null
      : 'problem' in check
        ? t(check.problem.key, check.problem.values)
        : t('newSopIdCheckFailed', { message: refusalText(check.error, lang) });
  const ready =
    (check.state === 'free' || check.state === 'draft') &&
    (check.state === 'draft' || (regency.trim() !== '' && shownGovernment.trim() !== '' && (start === 'kosong' || sourceId !== '')));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!ready) return;
    setFailure(null);
    if (check.state === 'draft') {
      navigate(`/sops/${id}/ubah`);
      return;
    }
    setBusy(true);
    try {
      const identity = { regency: regency.trim(), government: shownGovernment.trim(), timeZone };
      let yaml: string;
      let from = 'kosong';
      if (start === 'salin') {
        let detail;
        try {
          detail = await fetchSop(sourceId);
        } catch (err) {
          setFailure({ kind: 'copy', error: err });
          return;
        }
        yaml = copyYaml(detail.yaml, identity, { id: detail.id, version: detail.version, regency: detail.regency });
        from = `${detail.id}@${detail.version}`;
      } else yaml = skeletonYaml(identity);
      try {
        writeNewSopDraft(id, { yaml, regency: identity.regency, start: from, createdAt: new Date().toISOString() });
      } catch (err) {
        // the browser's own words (a full or blocked storage): not the API's
        setFailure({ kind: 'storage', message: err instanceof Error ? err.message : String(err) });
        return;
      }
      navigate(`/sops/${id}/ubah`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>{t('newSopTitle')}</h1>
        <p className="muted">{t('newSopIntro')}</p>
      </header>
      <form className="card admin-form new-sop-form" onSubmit={(e) => void submit(e)} data-testid="new-sop-form">
        <label>
          {t('newSopId')}
          <input
            value={id}
            onChange={(e) => setId(e.target.value.trim())}
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="kab-contoh"
            aria-describedby="new-sop-id-check"
            data-testid="new-sop-id"
          />
        </label>
        <p className="muted">{t('newSopIdHint', id ? { id } : {})}</p>
        <p
          id="new-sop-id-check"
          role="status"
          data-testid="new-sop-id-check"
          data-state={check.state}
          className={check.state === 'bad' || check.state === 'taken' ? 'notice notice-error' : 'muted'}
        >
          {check.state === 'checking' && t('newSopIdChecking')}
          {check.state === 'free' && t('newSopIdFree', { id })}
          {check.state === 'draft' && t('newSopIdDraft', { id })}
          {check.state === 'taken' && t('newSopIdTaken', { id, regency: check.regency })}
          {checkText}
        </p>
        {check.state !== 'draft' && (
          <>
            <label>
              {t('newSopRegency')}
              <input
                value={regency}
                onChange={(e) => setRegency(e.target.value)}
                required
                placeholder={t('newSopRegencyPlaceholder')}
                data-testid="new-sop-regency"
              />
            </label>
            <label>
              {t('newSopGovernment')}
              <input
                value={shownGovernment}
                onChange={(e) => {
                  setGovernmentTouched(true);
                  setGovernment(e.target.value);
                }}
                required
                data-testid="new-sop-government"
              />
            </label>
            <label>
              {t('newSopTimeZone')}
              <select value={timeZone} onChange={(e) => setTimeZone(e.target.value as NewSopTimeZone)} data-testid="new-sop-timezone">
                {TIME_ZONES.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {timeZoneChoice(z)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>{t('newSopStart')}</legend>
              <label className="admin-check">
                <input type="radio" name="start" checked={start === 'kosong'} onChange={() => setStart('kosong')} data-testid="new-sop-start-empty" />{' '}
                {t('newSopStartEmpty')}
              </label>
              <label className="admin-check">
                <input type="radio" name="start" checked={start === 'salin'} onChange={() => setStart('salin')} data-testid="new-sop-start-copy" />{' '}
                {t('newSopStartCopy')}
              </label>
              {start === 'salin' && (
                <label>
                  {t('newSopCopyFrom')}
                  <select value={sourceId} onChange={(e) => setSource(e.target.value)} data-testid="new-sop-source">
                    {published.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.regency} — {s.title} ({s.id}, v{s.version})
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {start === 'salin' && sops.state === 'error' && <Notice kind="error">{t('loadFailed', { message: sops.message })}</Notice>}
            </fieldset>
          </>
        )}
        <button type="submit" className="button button-primary" disabled={!ready || busy} data-testid="new-sop-submit">
          {check.state === 'draft' ? t('newSopResume') : t('newSopCreate')}
        </button>
        {error && (
          <div className="notice notice-error" role="alert" data-testid="new-sop-error">
            {error}
          </div>
        )}
      </form>
    </div>
  );
}
