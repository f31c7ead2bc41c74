/** Starts the editor's validation worker (kept apart from editor-validator.ts, which runs in unit tests too). */
export function startValidationWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module', name: 'sop-validation' });
  } catch {
    return null;
  }
}
