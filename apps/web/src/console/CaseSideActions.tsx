import { useState } from 'react';
import { useI18n } from '../i18n';
import type { CaseDetail, CaseEventInput } from './console-api';

/**
 * What keeps the case at its step (ADR 0014): ask another lane (coordination) and set a date to
 * wait until (a re-meeting). The note typed in the actions box goes with either.
 */
export function CaseSideActions({ detail, busy, onAct }: { detail: CaseDetail; busy: boolean; onAct: (event: CaseEventInput) => void }) {
  const { t } = useI18n();
  const [until, setUntil] = useState('');
  const schedule = detail.schedule?.canSet ? detail.schedule : null;
  if (!detail.coordination.length && !schedule) return null;
  return (
    <section className="card console-side-actions" data-testid="side-actions">
      {detail.coordination.length > 0 && (
        <div className="console-field">
          <span className="console-label">{t('consoleCoordinate')}</span>
          <div className="toolbar">
            {detail.coordination.map((c) => (
              <button
                key={c.lane}
                type="button"
                className="button"
                disabled={busy}
                onClick={() => onAct({ type: 'CONSULT', lane: c.lane })}
                data-testid="consult"
                data-lane={c.lane}
              >
                {c.label ?? t('consoleCoordinateWith', { lane: c.laneName })}
              </button>
            ))}
          </div>
          <span className="muted">{t('consoleCoordinateHint')}</span>
        </div>
      )}
      {schedule && (
        <form
          className="console-field"
          onSubmit={(e) => {
            e.preventDefault();
            if (until) onAct({ type: 'SCHEDULE', until });
          }}
        >
          <label className="console-label" htmlFor="schedule-until">
            {schedule.label ?? t('consoleSchedule')}
          </label>
          <div className="toolbar">
            <input id="schedule-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="schedule-until" required />
            <button type="submit" className="button" disabled={busy || !until} data-testid="schedule">
              {t('consoleScheduleSet')}
            </button>
          </div>
          <span className="muted">{t('consoleScheduleHint')}</span>
        </form>
      )}
    </section>
  );
}

/** The lane asked about a case writes its answer, which goes back to the lane that holds the case. */
export function ConsultationAnswer({
  detail,
  note,
  onNote,
  busy,
  onAnswer,
}: {
  detail: CaseDetail;
  note: string;
  onNote: (note: string) => void;
  busy: boolean;
  onAnswer: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card console-actions" data-testid="consultation-answer">
      <h2>{t('consoleAnswerTitle')}</h2>
      <p className="muted">{t('consoleAnswerLead', { lane: detail.step.laneName })}</p>
      <label className="console-field">
        <span className="console-label">{t('consoleAnswerNote')}</span>
        <textarea rows={4} maxLength={2000} value={note} onChange={(e) => onNote(e.target.value)} data-testid="answer-note" />
      </label>
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={busy || !note.trim()} onClick={onAnswer} data-testid="answer">
          {t('consoleAnswerSend')}
        </button>
      </div>
    </section>
  );
}
