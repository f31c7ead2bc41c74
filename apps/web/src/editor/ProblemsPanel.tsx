import { memo } from 'react';
import { issuePath } from '@sop/model';
import { useI18n } from '../i18n';
import { stepOfIssue, type ShownIssue } from './editor-model';

/** The validator's issues, each a button that shows where it is (in the YAML pane and on the diagram). */
export const ProblemsPanel = memo(function ProblemsPanel({
  issues,
  valid,
  checking,
  onSelect,
}: {
  issues: readonly ShownIssue[];
  valid: boolean;
  /** The text is not validated yet (the worker is checking it): no verdict is shown. */
  checking: boolean;
  onSelect: (issue: ShownIssue) => void;
}) {
  const { t } = useI18n();
  return (
    <section
      className="card edit-card"
      data-testid="problems"
      data-valid={valid ? 'true' : 'false'}
      data-checking={checking ? 'true' : undefined}
      aria-busy={checking}
    >
      <h2>{checking ? t('editProblemsChecking') : t('editProblems', { n: issues.length })}</h2>
      {checking ? (
        <p className="muted" role="status" data-testid="problems-checking">
          {t('editChecking')}
        </p>
      ) : issues.length === 0 ? (
        <p className="muted">{t('editNoProblems')}</p>
      ) : (
        <ul className="edit-problems">
          {issues.map((issue, n) => (
            <li key={n}>
              <button
                type="button"
                className={`edit-problem edit-problem-${issue.severity}`}
                data-testid="problem"
                data-step-id={stepOfIssue(issue) ?? undefined}
                data-code={issue.code}
                onClick={() => onSelect(issue)}
              >
                <span className="edit-problem-at">
                  {issue.line}:{issue.column}
                </span>{' '}
                <span className="edit-problem-message">{issue.message}</span>
                {issue.pointer && (
                  <span className="edit-problem-path" data-testid="problem-path">
                    {' '}
                    ({t('editProblemAt', { path: issuePath(issue.pointer) })})
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
