import { COMMON_ROLES, OTHER_ROLE, ROLE_INFO, roleDescription, type FormField, type Lane, type LaneRole, type LaneUnit } from '@sop/model';
import { memo, useState } from 'react';
import { laneAdd, laneMove, laneRemove, laneRename, laneSetRole, laneSetUnits, slugify, uniqueId } from '@sop/editor';
import { useI18n, type Lang } from '../i18n';
import { TextField } from './fields';
import type { RunCommand } from './run-command';

/**
 * The role picker: the common national roles of the schema's list (their label, the value written
 * in the YAML, and the schema's description as a tooltip), then "other", which takes a description.
 */
function RoleSelect({
  value,
  lang,
  testId,
  label,
  onChange,
  placeholder,
}: {
  value: string;
  lang: Lang;
  testId: string;
  label: string;
  onChange(role: string): void;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const known = value === '' || value in ROLE_INFO;
  return (
    <label className="edit-field">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {!known && <option value={value}>{value}</option>}
        <optgroup label={t('editLaneRoleCommon')}>
          {COMMON_ROLES.map((r) => (
            <option key={r} value={r} title={roleDescription(r, lang)}>
              {`${ROLE_INFO[r][lang]} (${r})`}
            </option>
          ))}
        </optgroup>
        <option value={OTHER_ROLE} title={roleDescription(OTHER_ROLE, lang)}>
          {`${ROLE_INFO.other[lang]} (${OTHER_ROLE})…`}
        </option>
      </select>
    </label>
  );
}

/**
 * The Pelaksana columns, left to right: rename (header, id), the role each plays (a common national
 * role, or "other" with the SOP's own description of it), move left or right, remove (the command
 * refuses while steps are in the lane, naming them), and add one. The swimlane's header stays the
 * lane's name whatever its role. Drawn again only when what it is given changes (not at each keystroke).
 */
export const LanesPanel = memo(function LanesPanel({
  lanes,
  stepCount,
  run,
  choiceFields = [],
  categoryField,
}: {
  lanes: Lane[];
  stepCount: ReadonlyMap<string, number>;
  run: RunCommand;
  /** The form's choice fields: a lane's units are picked by one (ADR 0014). */
  choiceFields?: FormField[];
  categoryField?: string;
}) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<LaneRole | ''>('');
  const [description, setDescription] = useState('');
  const add = () => {
    if (!name.trim() || !role) return;
    const roleDescription = role === OTHER_ROLE && description.trim() ? description.trim() : undefined;
    if (run(laneAdd({ name: name.trim(), role, roleDescription }))) {
      setName('');
      setRole('');
      setDescription('');
    }
  };
  return (
    <div className="edit-lanes" data-testid="lanes-panel">
      <ol className="edit-lane-list">
        {lanes.map((lane, i) => {
          const n = stepCount.get(lane.id) ?? 0;
          return (
            <li key={`${i}:${lane.id}`} className="edit-lane" data-testid="lane-row" data-lane-id={lane.id} data-role={lane.role}>
              <span className="edit-lane-index" aria-hidden="true">
                {i + 1}
              </span>
              <div className="edit-lane-fields">
                <TextField
                  label={t('editLaneName')}
                  testId="lane-name"
                  value={lane.name}
                  wide
                  onCommit={(v) => run(laneRename({ laneId: lane.id, name: v.trim() }))}
                />
                <TextField label={t('editLaneId')} testId="lane-id" value={lane.id} onCommit={(v) => run(laneRename({ laneId: lane.id, newId: v.trim() }))} />
                <RoleSelect
                  label={t('editLaneRole')}
                  testId="lane-role"
                  lang={lang}
                  value={lane.role}
                  onChange={(r) => run(laneSetRole({ laneId: lane.id, role: r }))}
                />
                {lane.role === OTHER_ROLE && (
                  <div className="edit-lane-other">
                    <TextField
                      label={t('editLaneRoleDescription')}
                      testId="lane-role-description"
                      value={lane.roleDescription ?? ''}
                      wide
                      hint={t('editLaneRoleDescriptionHint')}
                      onCommit={(v) => run(laneSetRole({ laneId: lane.id, role: OTHER_ROLE, roleDescription: v }))}
                    />
                  </div>
                )}
                {lane.role !== 'pemohon' && <LaneUnits lane={lane} run={run} choiceFields={choiceFields} categoryField={categoryField} />}
              </div>
              <div className="edit-lane-actions">
                <span className="edit-lane-count muted" data-testid="lane-steps">
                  {t('editLaneSteps', { n })}
                </span>
                <span className="edit-lane-buttons">
                  <button
                    type="button"
                    className="edit-icon-button"
                    data-testid="lane-left"
                    disabled={i === 0}
                    title={t('editLaneLeft')}
                    aria-label={t('editLaneLeft')}
                    onClick={() => run(laneMove({ laneId: lane.id, toIndex: i - 1 }))}
                  >
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
        <RoleSelect
          label={t('editLaneRole')}
          testId="lane-new-role"
          lang={lang}
          value={role}
          placeholder={t('editLaneRoleChoose')}
          onChange={(r) => setRole(r as LaneRole)}
        />
        <button type="submit" className="button" data-testid="lane-add" disabled={!name.trim() || !role}>
          {t('editLaneAdd')}
        </button>
        {role === OTHER_ROLE && (
          <label className="edit-field edit-lane-other">
            <span>{t('editLaneRoleDescription')}</span>
            <input
              data-testid="lane-new-role-description"
              value={description}
              placeholder={t('editLaneRoleDescriptionNew')}
              onChange={(e) => setDescription(e.target.value)}
            />
            <small className="edit-field-hint">{t('editLaneRoleDescriptionHint')}</small>
          </label>
        )}
      </form>
    </div>
  );
});

/**
 * The units a lane stands for (ADR 0014: each Bidang or Seksi) and the choice field that picks
 * among them: every change writes the list whole, one undoable lane.setUnits.
 */
function LaneUnits({ lane, run, choiceFields, categoryField }: { lane: Lane; run: RunCommand; choiceFields: FormField[]; categoryField?: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const units = lane.units ?? [];
  const fieldId = lane.unitField ?? categoryField;
  const field = choiceFields.find((f) => f.id === fieldId);
  const set = (next: LaneUnit[], unitField = lane.unitField) => run(laneSetUnits({ laneId: lane.id, units: next, unitField }));
  const change = (i: number, unit: Partial<LaneUnit>) => set(units.map((u, j) => (j === i ? { ...u, ...unit } : u)));
  const add = () => {
    if (!name.trim() || !field) return;
    // a new unit takes the first value no unit has yet: the command wants at least one
    const free = (field.options ?? []).find((o) => !units.some((u) => u.values.includes(o)));
    if (!free) return;
    const id = uniqueId(slugify(name) || 'unit', new Set(units.map((u) => u.id)));
    if (set([...units, { id, name: name.trim(), values: [free] }])) setName('');
  };
  return (
    <details className="edit-lane-units" data-testid="lane-units-editor" open={units.length > 0 || undefined}>
      <summary>
        {t('editLaneUnits')}
        {units.length > 0 && <span className="muted"> · {units.map((u) => u.name).join(' · ')}</span>}
      </summary>
      <label className="edit-field">
        <span>{t('editLaneUnitField')}</span>
        <select
          data-testid="lane-unit-field"
          value={lane.unitField ?? ''}
          onChange={(e) => units.length && set(units, e.target.value || undefined)}
          disabled={!units.length}
        >
          <option value="">{t('editLaneUnitFieldDefault', { field: categoryField ?? '—' })}</option>
          {choiceFields.map((f) => (
            <option key={f.id} value={f.id}>
              {`${f.label} (${f.id})`}
            </option>
          ))}
        </select>
      </label>
      {units.length === 0 && <p className="muted edit-list-empty">{t('editLaneUnitsNone')}</p>}
      {units.map((u, i) => (
        <div key={`${i}:${u.id}`} className="edit-lane-unit" data-testid="lane-unit" data-unit-id={u.id}>
          <TextField label={t('editLaneUnitId')} testId="lane-unit-id" value={u.id} onCommit={(v) => change(i, { id: v.trim() })} />
          <TextField label={t('editLaneUnitName')} testId="lane-unit-name" value={u.name} onCommit={(v) => change(i, { name: v })} />
          <button
            type="button"
            className="edit-icon-button"
            data-testid="lane-unit-remove"
            title={t('editLaneUnitRemove')}
            aria-label={t('editLaneUnitRemove')}
            onClick={() => set(units.filter((_, j) => j !== i))}
          >
            ×
          </button>
          <div className="edit-lane-unit-values" role="group" aria-label={t('editLaneUnitValues')}>
            {[...new Set([...(field?.options ?? []), ...u.values])].map((value) => {
              const checked = u.values.includes(value);
              const other = units.find((o, j) => j !== i && o.values.includes(value));
              return (
                <label key={value} className="edit-check" title={other ? other.name : undefined}>
                  <input
                    type="checkbox"
                    data-testid="lane-unit-value"
                    data-value={value}
                    checked={checked}
                    disabled={!checked && !!other}
                    onChange={() => change(i, { values: checked ? u.values.filter((v) => v !== value) : [...u.values, value] })}
                  />
                  {value}
                </label>
              );
            })}
          </div>
        </div>
      ))}
      {field ? (
        <div className="edit-lane-unit-new">
          <label className="edit-field">
            <span>{t('editLaneUnitNew')}</span>
            <input data-testid="lane-unit-new-name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="button" className="button" data-testid="lane-unit-add" disabled={!name.trim()} onClick={add}>
            {t('editLaneUnitAdd')}
          </button>
        </div>
      ) : (
        <p className="muted edit-list-empty">{t('editLaneUnitNeedsField')}</p>
      )}
    </details>
  );
}
