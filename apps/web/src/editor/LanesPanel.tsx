import { KNOWN_ROLES } from '@sop/model';
import { useState } from 'react';
import { laneAdd, laneMove, laneRemove, laneRename, sopUpdate } from '@sop/editor';
import type { Lane } from '@sop/model';
import { useI18n } from '../i18n';
import { TextField } from './fields';
import type { RunCommand } from './PropertiesPanel';

/** The roles the schema names for comparing regencies (a lane may use another). */
// the common roles the validator knows, offered as suggestions (other values are warned about)
const ROLES = Object.keys(KNOWN_ROLES);

/**
 * The Pelaksana columns, left to right: rename (header, id, role), move left or right, remove
 * (the command refuses while steps are in the lane, naming them), and add one.
 */
export function LanesPanel({ lanes, stepCount, run }: { lanes: Lane[]; stepCount: ReadonlyMap<string, number>; run: RunCommand }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const add = () => {
    if (!name.trim()) return;
    if (run(laneAdd({ name: name.trim(), role: role.trim() }))) {
      setName('');
      setRole('');
    }
  };
  return (
    <div className="edit-lanes" data-testid="lanes-panel">
      <datalist id="edit-lane-roles">
        {ROLES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <ol className="edit-lane-list">
        {lanes.map((lane, i) => {
          const n = stepCount.get(lane.id) ?? 0;
          return (
            <li key={`${i}:${lane.id}`} className="edit-lane" data-testid="lane-row" data-lane-id={lane.id}>
              <span className="edit-lane-index" aria-hidden="true">
                {i + 1}
              </span>
              <div className="edit-lane-fields">
                <TextField label={t('editLaneName')} testId="lane-name" value={lane.name} wide onCommit={(v) => run(laneRename({ laneId: lane.id, name: v.trim() }))} />
                <TextField label={t('editLaneId')} testId="lane-id" value={lane.id} onCommit={(v) => run(laneRename({ laneId: lane.id, newId: v.trim() }))} />
                <TextField label={t('editLaneRole')} testId="lane-role" list="edit-lane-roles" value={lane.role} onCommit={(v) => run(sopUpdate({ pointer: `/lanes/${i}/role`, value: v.trim() }))} />
              </div>
              <div className="edit-lane-actions">
                <span className="edit-lane-count muted" data-testid="lane-steps">
                  {t('editLaneSteps', { n })}
                </span>
                <span className="edit-lane-buttons">
                  <button type="button" className="edit-icon-button" data-testid="lane-left" disabled={i === 0} title={t('editLaneLeft')} aria-label={t('editLaneLeft')} onClick={() => run(laneMove({ laneId: lane.id, toIndex: i - 1 }))}>
                    ←
                  </button>
                  <button
                    type="button"
                    className="edit-icon-button"
                    data-testid="lane-right"
                    disabled={i === lanes.length - 1}
                    title={t('editLaneRight')}
                    aria-label={t('editLaneRight')}
                    onClick={() => run(laneMove({ laneId: lane.id, toIndex: i + 1 }))}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    className="edit-icon-button edit-danger"
                    data-testid="lane-remove"
                    title={n > 0 ? t('editLaneRemoveInUse', { n }) : t('editLaneRemove')}
                    aria-label={t('editLaneRemove')}
                    onClick={() => run(laneRemove({ laneId: lane.id }))}
                  >
                    ×
                  </button>
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      <form
        className="edit-lane-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="edit-field">
          <span>{t('editLaneNewName')}</span>
          <input data-testid="lane-new-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="edit-field">
          <span>{t('editLaneRole')}</span>
          <input data-testid="lane-new-role" list="edit-lane-roles" value={role} onChange={(e) => setRole(e.target.value)} />
        </label>
        <button type="submit" className="button" data-testid="lane-add" disabled={!name.trim()}>
          {t('editLaneAdd')}
        </button>
      </form>
    </div>
  );
}
