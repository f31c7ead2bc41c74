import { useState } from 'react';
import { useI18n } from '../i18n';

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
