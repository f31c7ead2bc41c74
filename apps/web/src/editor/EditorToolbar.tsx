import { useI18n } from '../i18n';

/** The editor's toolbar: undo and redo (saying what), Mutu Baku shown or not, discard, download and save. */
export function EditorToolbar({
  canUndo,
  canRedo,
  undoWhat,
  redoWhat,
  onUndo,
  onRedo,
  showMutuBaku,
  onShowMutuBaku,
  dirty,
  onDiscard,
  onDownload,
  onSave,
}: {
  canUndo: boolean;
  canRedo: boolean;
  undoWhat: string | undefined;
  redoWhat: string | undefined;
  onUndo: () => void;
  onRedo: () => void;
  showMutuBaku: boolean;
  onShowMutuBaku: (show: boolean) => void;
  dirty: boolean;
  onDiscard: () => void;
  onDownload: () => void;
  onSave: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="toolbar edit-toolbar">
      <button
        type="button"
        className="button"
        data-testid="undo"
        disabled={!canUndo}
        title={t('editUndoTip', { what: undoWhat ?? t('editNothing') })}
        onClick={onUndo}
      >
        ↶ {t('editUndo')}
      </button>
      <button
        type="button"
        className="button"
        data-testid="redo"
        disabled={!canRedo}
        title={t('editRedoTip', { what: redoWhat ?? t('editNothing') })}
        onClick={onRedo}
      >
        ↷ {t('editRedo')}
      </button>
      <label className="switch">
        <input type="checkbox" checked={showMutuBaku} onChange={(e) => onShowMutuBaku(e.target.checked)} />
        <span className="switch-track" aria-hidden="true" />
        <span>{t('showMutuBaku')}</span>
      </label>
      <span className="edit-spacer" />
      <button type="button" className="button" data-testid="discard-draft" disabled={!dirty} onClick={onDiscard}>
        {t('editDiscard')}
      </button>
      <button type="button" className="button" data-testid="download-yaml" onClick={onDownload}>
        {t('editDownload')}
      </button>
      <button type="button" className="button button-primary" data-testid="save" onClick={onSave}>
        {t('editSave')}
      </button>
    </div>
  );
}
