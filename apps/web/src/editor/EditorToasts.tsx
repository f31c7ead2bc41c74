import { useI18n } from '../i18n';

/** Why a command was refused, and what a command did beyond what was asked; each can be closed. */
export function EditorToasts({
  commandError,
  effectNote,
  onCloseError,
  onCloseNote,
}: {
  commandError: string | null;
  effectNote: string | null;
  onCloseError: () => void;
  onCloseNote: () => void;
}) {
  const { t } = useI18n();
  if (!commandError && !effectNote) return null;
  return (
    <div className="edit-toasts">
      {commandError && (
        <div className="notice notice-error edit-toast" role="alert" data-testid="command-error">
          <span>{t('editCommandFailed', { message: commandError })}</span>
          <button type="button" className="edit-icon-button" aria-label={t('editClose')} onClick={onCloseError}>
            ×
          </button>
        </div>
      )}
      {effectNote && (
        <div className="notice edit-toast" role="status" data-testid="command-effects">
          <span>{effectNote}</span>
          <button type="button" className="edit-icon-button" aria-label={t('editClose')} onClick={onCloseNote}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
