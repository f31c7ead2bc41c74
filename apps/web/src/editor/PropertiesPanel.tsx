import { useState } from 'react';
import type { StepChanges } from '@sop/editor';
import type { Step } from '@sop/model';
import { useI18n } from '../i18n';

type Field = 'activity' | 'waktu' | 'kelengkapan' | 'output' | 'keterangan';

const textOf = (step: Step, field: Field): string => {
  const value = (step as unknown as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.join('\n');
  return typeof value === 'string' ? value : '';
};

/** The selected step's fields; "Terapkan" runs one step.update with what changed. */
export function PropertiesPanel({
  step,
  lanes,
  onUpdate,
  onChangeLane,
}: {
  step: Step;
  lanes: { id: string; name: string }[];
  onUpdate(changes: StepChanges): void;
  onChangeLane(lane: string): void;
}) {
  const { t } = useI18n();
  const initial = (): Record<Field, string> => ({
    activity: textOf(step, 'activity'),
    waktu: textOf(step, 'waktu'),
    kelengkapan: textOf(step, 'kelengkapan'),
    output: textOf(step, 'output'),
    keterangan: textOf(step, 'keterangan'),
  });
  const [values, setValues] = useState(initial);
  const fields: [Field, string, boolean][] = [
    ['activity', t('editActivity'), true],
    ['waktu', t('headerWaktu'), false],
    ['kelengkapan', t('editKelengkapanHint'), true],
    ['output', t('headerOutput'), false],
    ['keterangan', t('headerKeterangan'), true],
  ];
  const apply = () => {
    const before = initial();
    const changes: Record<string, unknown> = {};
    for (const [field] of fields) {
      if (values[field] === before[field]) continue;
      const text = values[field].trim();
      if (field === 'kelengkapan') {
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
        changes[field] = lines.length === 0 ? null : lines.length === 1 ? lines[0] : lines;
      } else changes[field] = text === '' ? null : text;
    }
    if (Object.keys(changes).length) onUpdate(changes as StepChanges);
  };
  return (
    <form
      className="edit-props"
      data-testid="properties-panel"
      data-step-id={step.id}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="edit-props-id">
        <code>{step.id}</code> · {step.kind}
      </div>
      <label>
        <span>{t('editLane')}</span>
        <select data-testid="prop-lane" value={step.lane} onChange={(e) => onChangeLane(e.target.value)}>
          {lanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name.length > 60 ? `${l.name.slice(0, 57)}…` : l.name}
            </option>
          ))}
        </select>
      </label>
      {fields.map(([field, label, multi]) => (
        <label key={field}>
          <span>{label}</span>
          {multi ? (
            <textarea data-testid={`prop-${field}`} rows={field === 'kelengkapan' ? 3 : 2} value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
          ) : (
            <input data-testid={`prop-${field}`} value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
          )}
        </label>
      ))}
      <button type="submit" className="button button-primary" data-testid="prop-apply">
        {t('editApply')}
      </button>
    </form>
  );
}
