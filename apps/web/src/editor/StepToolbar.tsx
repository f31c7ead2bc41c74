import type { SopFlow, Step } from '@sop/model';
import { useI18n } from '../i18n';
import { stepName } from './step-names';

/** The toolbar over the diagram: add a step, delete, move up or down the selected one, and what is selected. */
export function StepToolbar({
  canAdd,
  step,
  flow,
  index,
  onAdd,
  onDelete,
  onMove,
}: {
  canAdd: boolean;
  /** The selected step, its flow and its place there. */
  step: Step | undefined;
  flow: SopFlow | undefined;
  index: number;
  onAdd: () => void;
  onDelete: () => void;
  onMove: (by: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="toolbar edit-step-toolbar" data-testid="step-toolbar">
      <button type="button" className="button" data-testid="add-step" disabled={!canAdd} onClick={onAdd}>
        + {t('editAddStep')}
      </button>
      <button type="button" className="button" data-testid="delete-step" disabled={!step} title={t('editDeleteTip')} onClick={onDelete}>
        {t('editDelete')}
      </button>
      <button type="button" className="button" data-testid="move-step-up" disabled={!step || index <= 0} title={t('editMoveUpTip')} onClick={() => onMove(-1)}>
        ↑ {t('editMoveUp')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="move-step-down"
        disabled={!step || !flow || index >= flow.steps.length - 1}
        title={t('editMoveDownTip')}
        onClick={() => onMove(1)}
      >
        ↓ {t('editMoveDown')}
      </button>
      <span className="edit-selection muted" data-testid="selection">
        {step ? t('editSelected', { step: stepName(step), n: index + 1 }) : t('editNoSelection')}
      </span>
    </div>
  );
}
