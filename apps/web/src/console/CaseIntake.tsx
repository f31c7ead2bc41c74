import { useEffect, useState } from 'react';
import { refusalText } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { formatInstant } from '../simulation/format';
import { DuplicateWarning } from './DuplicateWarning';
import { fetchCaseDuplicates, type IdentityMatch } from './intake-api';

/**
 * On a case page (issue 11): when the complaint was actually received (if not when it was
 * registered), what the caller said, and a warning when the same NIK or phone filed near it.
 * When that check cannot run, the officer is told so (with a button to try again) rather than
 * left to read "no warning" as "no earlier complaint".
 */
export function CaseIntake({
  session,
  caseId,
  createdAt,
  receivedAt,
  callerWords,
  timeZone,
}: {
  session: Session;
  caseId: string;
  createdAt: string;
  receivedAt: string | undefined;
  callerWords: string | null | undefined;
  timeZone: string;
}) {
  const { t, lang } = useI18n();
  const [duplicates, setDuplicates] = useState<{ windowDays: number; total: number; items: IdentityMatch[] | null } | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchCaseDuplicates(session.token, caseId, controller.signal).then(
      (found) => {
        setDuplicates(found);
        setFailure(null);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setDuplicates(null);
        setFailure({ error });
      },
    );
    return () => controller.abort();
  }, [session.token, caseId, attempt]);
  const received = receivedAt && new Date(receivedAt).getTime() !== new Date(createdAt).getTime() ? new Date(receivedAt) : null;
  if (!received && !callerWords && !duplicates?.total && !failure) return null;
  return (
    <div className="console-intake" data-testid="case-intake">
      {duplicates && <DuplicateWarning {...duplicates} timeZone={timeZone} />}
      {failure && (
        <div className="notice notice-warning" role="status" data-testid="duplicate-check-failed">
          <span data-testid="duplicate-check-failed-text">{t('intakeDuplicateCheckFailed', { message: refusalText(failure.error, lang) })}</span>{' '}
          <button
            type="button"
            className="button button-small"
            data-testid="duplicate-check-retry"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('intakeDuplicateCheckRetry')}
          </button>
        </div>
      )}
      {received && (
        <p data-testid="case-received-at">
          <span className="console-label">{t('intakeReceivedLabel')}</span> {formatInstant(received, timeZone, lang)}
        </p>
      )}
      {callerWords && (
        <div className="card" data-testid="case-caller-words">
          <span className="console-label">{t('intakeCallerWordsLabel')}</span>
          <p className="console-caller-words">{callerWords}</p>
        </div>
      )}
    </div>
  );
}
