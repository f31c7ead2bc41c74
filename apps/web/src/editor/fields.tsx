import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * A text field of the properties panels. What is typed stays in the field until it is left (Tab,
 * a click elsewhere) or Enter is pressed (Ctrl+Enter in a text area): then `onCommit` runs one
 * command with the new text. When the document changes under it, the field shows the new value.
 */
export function TextField({
  label,
  value,
  onCommit,
  multiline = false,
  rows = 2,
  testId,
  placeholder,
  hint,
  list,
  wide = false,
}: {
  label: string;
  value: string;
  onCommit(text: string): void;
  multiline?: boolean;
  rows?: number;
  testId: string;
  placeholder?: string;
  hint?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  wide?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className={wide ? 'edit-field edit-field-wide' : 'edit-field'}>
      <span>{label}</span>
      {multiline ? (
        <textarea
          data-testid={testId}
          rows={rows}
          value={draft}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') setDraft(value);
          }}
        />
      ) : (
        <input
          data-testid={testId}
          value={draft}
          placeholder={placeholder}
          list={list}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {hint && <small className="edit-field-hint">{hint}</small>}
    </label>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A choice among fixed values; a change runs its command at once. */
export function SelectField({
  label,
  value,
  choices,
  onChange,
  testId,
  wide = false,
}: {
  label: string;
  value: string;
  choices: Choice[];
  onChange(value: string): void;
  testId: string;
  wide?: boolean;
}) {
  const known = choices.some((c) => c.value === value);
  return (
    <label className={wide ? 'edit-field edit-field-wide' : 'edit-field'}>
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A list of texts (a section of the SOP-AP): each item is its own field, committed as a change
 * of that item alone (so comments on the other items stay); an item is removed with its button,
 * and a new one added at the end.
 */
export function ListField({
  label,
  items,
  testId,
  onSet,
  onRemove,
  onAdd,
}: {
  label: string;
  items: readonly string[];
  testId: string;
  onSet(index: number, text: string): void;
  onRemove(index: number): void;
  onAdd(text: string): void;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState('');
  const add = () => {
    if (!adding.trim()) return;
    onAdd(adding.trim());
    setAdding('');
  };
  return (
    <fieldset className="edit-list edit-field-wide" data-testid={testId}>
      <legend>{label}</legend>
      {items.length === 0 && <p className="muted edit-list-empty">{t('editListEmpty')}</p>}
      <ol>
        {items.map((item, i) => (
          <ListItem key={`${i}:${item}`} index={i} value={item} testId={`${testId}-item`} onSet={onSet} onRemove={onRemove} />
        ))}
      </ol>
      <div className="edit-list-add">
        <input
          data-testid={`${testId}-new`}
          value={adding}
          placeholder={t('editListNew')}
          aria-label={`${label}: ${t('editListNew')}`}
          onChange={(e) => setAdding(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" data-testid={`${testId}-add`} disabled={!adding.trim()} onClick={add}>
          {t('editListAdd')}
        </button>
      </div>
    </fieldset>
  );
}

function ListItem({
  index,
  value,
  testId,
  onSet,
  onRemove,
}: {
  index: number;
  value: string;
  testId: string;
  onSet(index: number, text: string): void;
  onRemove(index: number): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onSet(index, draft);
  };
  return (
    <li>
      <input
        data-testid={testId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(value);
        }}
      />
      <button
        type="button"
        className="edit-icon-button"
        data-testid={`${testId}-remove`}
        title={t('editListRemove')}
        aria-label={t('editListRemove')}
        onClick={() => onRemove(index)}
      >
        ×
      </button>
    </li>
  );
}

/** A titled group of fields. */
export function FieldGroup({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="edit-group" data-testid={testId}>
      <h3>{title}</h3>
      <div className="edit-group-fields">{children}</div>
    </section>
  );
}
