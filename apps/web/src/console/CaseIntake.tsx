import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { formatInstant } from '../simulation/format';
import { DuplicateWarning } from './DuplicateWarning';
import { fetchCaseDuplicates, type IdentityMatch } from './intake-api';

/**
 * On a case page (issue 11): when the complaint was actually received (if not when it was
 * registered), what the caller said, and a warning when the same NIK or phone filed near it.
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
  useEffect(() => {
    const controller = new AbortController();
    fetchCaseDuplicates(session.token, caseId, controller.signal).then(setDuplicates, () => setDuplicates(null));
    return () => controller.abort();
  }, [session.token, caseId]);
  const received = receivedAt && new Date(receivedAt).getTime() !== new Date(createdAt).getTime() ? new Date(receivedAt) : null;
  if (!received && !callerWords && !duplicates?.total) return null;
  return (
    <div className="console-intake" data-testid="case-intake">
      {duplicates && <DuplicateWarning {...duplicates} timeZone={timeZone} />}
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
