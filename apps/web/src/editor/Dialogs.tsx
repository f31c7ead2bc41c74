import { useState } from 'react';
import type { StepAddParams } from '@sop/editor';
import type { SopFlow, Step, StepKind } from '@sop/model';
import { useI18n } from '../i18n';
import { kindKey, laneName, STEP_KINDS, stepName } from './step-names';
import { viewPlace } from './view-place';

/** The position choice "at the end of the flow" (no step id is empty). */
const END = '';

/** Asks for the label of a new decision outcome. */
export function OutcomeDialog({ from, to, onOk, onCancel }: { from: string; to: string; onOk(label: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  return (
    <div className="edit-backdrop">
      <form
        className="edit-dialog card"
        role="dialog"
        aria-label={t('editOutcomeTitle')}
        data-testid="outcome-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) onOk(label.trim());
        }}
      >
        <h2>{t('editOutcomeTitle')}</h2>
        <p>{t('editOutcomePrompt', { from, to })}</p>
        <label>
          <span>{t('editOutcomeLabel')}</span>
          <input autoFocus data-testid="outcome-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <div className="toolbar">
          <button type="button" className="button" onClick={onCancel}>
            {t('editCancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="outcome-ok" disabled={!label.trim()}>
            {t('editOk')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** What "Tambah langkah" asks: kind, lane, position (after the selected step, else under the centre of the view), and optionally number and activity. */
export function AddStepDialog({
  flow,
  lanes,
  after,
  onOk,
  onCancel,
}: {
  flow: SopFlow;
  lanes: { id: string; name: string }[];
  after: Step | undefined;
  onOk(params: StepAddParams): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<StepKind>('task');
  // after the selected step; without one, where the author is looking (the lane and row under the view's centre)
  const [place] = useState(() => (after ? null : viewPlace(flow.id)));
  const [lane, setLane] = useState(after?.lane ?? (place && lanes.some((l) => l.id === place.lane) ? place.lane : (lanes[0]?.id ?? '')));
  const [position, setPosition] = useState(after?.id ?? (place?.afterStepId && flow.steps.some((s) => s.id === place.afterStepId) ? place.afterStepId : END));
  const [number, setNumber] = useState('');
  const [activity, setActivity] = useState('');
  return (
    <div className="edit-backdrop">
      <form
        className="edit-dialog card"
        role="dialog"
        aria-label={t('editAddStepTitle')}
        data-testid="add-step-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onOk({
            kind,
            lane,
            ...(position === END ? { flow: flow.id } : { afterStepId: position }),
            number: number.trim() || null,
            activity: activity.trim() || null,
          });
        }}
      >
        <h2>{t('editAddStepTitle')}</h2>
        <label>
          <span>{t('editKind')}</span>
          <select autoFocus data-testid="add-step-kind" value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
            {STEP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('editLane')}</span>
          <select data-testid="add-step-lane" value={lane} onChange={(e) => setLane(e.target.value)}>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {laneName(l.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('editPosition')}</span>
          <select data-testid="add-step-position" value={position} onChange={(e) => setPosition(e.target.value)}>
            {flow.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {t('editAfterStep', { step: stepName(s, 50) })}
              </option>
            ))}
            <option value={END}>{t('editAtEnd')}</option>
          </select>
        </label>
        <label>
          <span>{t('editNumber')}</span>
          <input data-testid="add-step-number" value={number} onChange={(e) => setNumber(e.target.value)} />
        </label>
        <label>
          <span>{t('editActivity')}</span>
          <textarea rows={2} data-testid="add-step-activity" value={activity} onChange={(e) => setActivity(e.target.value)} />
        </label>
        <p className="muted edit-dialog-note">{t('editAddStepNote')}</p>
        <div className="toolbar">
          <button type="button" className="button" onClick={onCancel}>
            {t('editCancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="add-step-ok" disabled={!lane}>
            {t('editAddStep')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Confirms "Hapus langkah", saying which arrows go with the step; a step with a next can bridge the gap instead. */
export function DeleteStepDialog({
  step,
  arrows,
  onOk,
  onCancel,
}: {
  step: Step;
  arrows: { from: Step; what: string }[];
  onOk(reconnect: boolean): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const canBridge = step.next !== undefined && step.kind !== 'decision' && arrows.length > 0;
  const [reconnect, setReconnect] = useState(false);
  return (
    <div className="edit-backdrop">
      <form
        className="edit-dialog card"
        role="alertdialog"
        aria-label={t('editDeleteTitle')}
        data-testid="delete-step-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onOk(canBridge && reconnect);
        }}
      >
        <h2>{t('editDeleteTitle')}</h2>
        <p>{t('editDeletePrompt', { step: stepName(step), id: step.id })}</p>
        {arrows.length > 0 ? (
          <>
            <p>{t('editDeleteArrows', { n: arrows.length })}</p>
            <ul className="edit-dialog-list" data-testid="delete-step-arrows">
              {arrows.map((a, i) => (
                <li key={i}>
                  {stepName(a.from, 50)} → {step.id} <span className="muted">({a.what})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('editDeleteNoArrows')}</p>
        )}
        {canBridge && (
          <label className="edit-check">
            <input type="checkbox" data-testid="delete-step-reconnect" checked={reconnect} onChange={(e) => setReconnect(e.target.checked)} />
            <span>{t('editDeleteReconnect', { next: step.next! })}</span>
          </label>
        )}
        <div className="toolbar">
          <button type="button" className="button" onClick={onCancel}>
            {t('editCancel')}
          </button>
          <button type="submit" autoFocus className="button button-danger" data-testid="delete-step-ok">
            {t('editDelete')}
          </button>
        </div>
      </form>
    </div>
  );
}
