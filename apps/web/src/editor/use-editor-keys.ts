import { useEffect } from 'react';

/** Whether a key went to a field of its own (its own undo, its own Delete). */
export function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The editor's keys outside its fields: Delete asks to delete the selected step (unless a dialog is
 * open), Ctrl+Z undoes and Ctrl+Shift+Z redoes.
 */
export function useEditorKeys({ selected, onDelete, undo, redo }: { selected: string | null; onDelete: () => void; undo: () => void; redo: () => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const field = inField(e.target);
      if (e.key === 'Delete' && !field && selected && !document.querySelector('.edit-backdrop')) {
        e.preventDefault();
        onDelete();
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      if (field) return; // the field's own undo
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, selected, onDelete]);
}
