import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { periodProblems, shownMode, switchMode, type PeriodField, type PeriodMode, type PeriodProblem, type ReportChoice } from './period';
import { Notice } from './Shell';

/** The label of each period field, as its control shows it. */
const FIELD_LABEL: Record<PeriodField, MessageKey> = { month: 'reportsModeMonth', from: 'reportsFrom', to: 'reportsTo' };
const MODE_LABEL: Record<PeriodMode, MessageKey> = { month: 'reportsModeMonth', day: 'reportsModeDay', range: 'reportsModeRange' };

/**
 * What to write instead, one sentence per field at fault, in the page's language, each field named
 * by the label of its control (a day's by "Day"). The values themselves are repeated only when they
 * are dates (a last day before the first), never what the address held otherwise.
 */
export function periodProblemText(problems: PeriodProblem[], t: Translate, mode: PeriodMode = 'range'): string {
  return problems
    .map((p) =>
      p.reason === 'order'
        ? t('reportsPeriodOrder', { to: t('reportsTo'), from: t('reportsFrom'), last: p.last, first: p.first })
        : t('reportsPeriodInvalid', { field: t(mode === 'day' && p.field === 'from' ? 'reportsModeDay' : FIELD_LABEL[p.field]) }),
    )
    .join(' ');
}

/** A period the page will not ask for, and why (role alert). */
export function PeriodProblems({ choice, modes }: { choice: ReportChoice; modes: readonly PeriodMode[] }) {
  const { t } = useI18n();
  const problems = periodProblems(choice);
  if (!problems.length) return null;
  return (
    <Notice kind="error">
      <span data-testid="period-problem">{periodProblemText(problems, t, shownMode(choice, modes))}</span>
    </Notice>
  );
}

/**
 * Why a report could not be loaded, told in the page's language when it is read (so it follows a
 * switch of language): a refused query (400) names the period fields by their labels and the regency
 * by its own (in English, the API's words as they are); any other refusal as `useFetch` words it.
 */
export function reportRefusalText(loaded: { error: unknown; message: string }, t: Translate, lang: string): string {
  const e = loaded.error;
  if (e instanceof ApiError && e.fieldErrors.length) {
    return e.fieldErrors
      .map((f) =>
        lang === 'en'
          ? `${f.field}: ${f.message}`
          : f.field in FIELD_LABEL
            ? t('reportsPeriodInvalid', { field: t(FIELD_LABEL[f.field as PeriodField]) })
            : t('reportsFieldInvalid', { field: f.field === 'regency' ? t('reportsRegency') : f.field }),
      )
      .join(' ');
  }
  return loaded.message;
}

/**
 * The period controls of a report page: the modes offered (month, day, from–to), the inputs of the
 * chosen one, and what the page puts before (a regency) or after them (its buttons). A mode the page
 * does not offer (a day on a page without one) is shown as a from–to range.
 */
export function PeriodControls({
  choice,
  modes,
  onChoose,
  testIdPrefix,
  before,
  children,
}: {
  choice: ReportChoice;
  modes: readonly PeriodMode[];
  onChoose: (next: Partial<ReportChoice>) => void;
  /** Each control's data-testid is `<prefix>-mode-<mode>`, `<prefix>-month`, `<prefix>-day`, `<prefix>-from`, `<prefix>-to`. */
  testIdPrefix: string;
  before?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const shown = shownMode(choice, modes);
  // in a range shown for a day, each input sets its own end
  const inRange = (next: Partial<ReportChoice>) => onChoose(choice.mode === shown ? next : { mode: 'range', from: choice.from, to: choice.to, ...next });
  return (
    <section className="card report-filters no-print" aria-label={t('reportsPeriod')}>
      {before}
      <div className="report-field">
        <span>{t('reportsPeriod')}</span>
        <div className="report-modes" role="radiogroup" aria-label={t('reportsPeriod')}>
          {modes.map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={shown === mode}
              data-testid={`${testIdPrefix}-mode-${mode}`}
              onClick={() => onChoose(switchMode(choice, mode))}
            >
              {t(MODE_LABEL[mode])}
            </button>
          ))}
        </div>
      </div>
      {shown === 'month' && (
        <label className="report-field">
          <span>{t('reportsModeMonth')}</span>
          <input
            type="month"
            value={choice.month}
            required
            onChange={(e) => e.target.value && onChoose({ month: e.target.value })}
            data-testid={`${testIdPrefix}-month`}
          />
        </label>
      )}
      {shown === 'day' && (
        <label className="report-field">
          <span>{t('reportsModeDay')}</span>
          <input
            type="date"
            value={choice.from}
            required
            onChange={(e) => e.target.value && onChoose({ from: e.target.value, to: e.target.value })}
            data-testid={`${testIdPrefix}-day`}
          />
        </label>
      )}
      {shown === 'range' && (
        <>
          <label className="report-field">
            <span>{t('reportsFrom')}</span>
            <input
              type="date"
              value={choice.from}
              required
              onChange={(e) => e.target.value && inRange({ from: e.target.value })}
              data-testid={`${testIdPrefix}-from`}
            />
          </label>
          <label className="report-field">
            <span>{t('reportsTo')}</span>
            <input
              type="date"
              value={choice.to}
              required
              onChange={(e) => e.target.value && inRange({ to: e.target.value })}
              data-testid={`${testIdPrefix}-to`}
            />
          </label>
        </>
      )}
      {children}
    </section>
  );
}
