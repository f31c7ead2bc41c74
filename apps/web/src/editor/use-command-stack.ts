import { useEffect, useState } from 'react';
import { CommandStack, type EditorIssue } from '@sop/editor';
import { EditorValidator } from './editor-validator';
import { startValidationWorker } from './validation-worker';
import type { SopDocument } from '@sop/model';

/** What the page draws of the command stack: one object per change of state. */
export interface StackSnapshot {
  yaml: string;
  issues: readonly EditorIssue[];
  valid: boolean;
  /** True until the worker has validated a text just opened: its issues are not known yet. */
  checking: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The document as far as it can be read (null while the YAML cannot be read), from the stack's own parse. */
  document: SopDocument | null;
  /** The document to draw: `document`, or while the YAML cannot be read, the last one that could. */
  shown: SopDocument | null;
}

/**
 * The stack's snapshot after a change: `shown` is the document to draw, the current one or, while the
 * YAML cannot be read, the last one that could (the previous snapshot's).
 */
export const snapshotOf = (stack: CommandStack, previous?: StackSnapshot): StackSnapshot => ({
  yaml: stack.state.yaml,
  issues: stack.issues,
  valid: stack.valid,
  checking: stack.checking,
  canUndo: stack.canUndo,
  canRedo: stack.canRedo,
  document: stack.document,
  shown: stack.document ?? previous?.shown ?? null,
});

/**
 * The editor's command stack, made once for the page, and a snapshot of it that changes with every
 * command, undo, redo, reset or confirmation. Its validator ({@link EditorValidator}) patches the
 * document of an edit inside one scalar at once and confirms it in a worker. `known` is a text's
 * data already read the validator's way (the API's `sop` for its `yaml`): opening that text draws it.
 */
export function useCommandStack(initialYaml: () => string, file: string, known?: { yaml: string; data: unknown }) {
  const [validator] = useState(() => new EditorValidator(file, startValidationWorker));
  const [stack] = useState(() => {
    // the API's reading of the published text: drawn without reading the YAML here (EditorValidator.known)
    if (known) validator.known(known.yaml, known.data);
    return new CommandStack(initialYaml(), { file, validate: validator.validate });
  });
  const [snap, setSnap] = useState<StackSnapshot>(() => snapshotOf(stack));
  useEffect(() => {
    const stopListening = validator.listen((yaml, validation) => stack.confirm(yaml, validation));
    validator.settle(stack.state.yaml, !!stack.document);
    const unsubscribe = stack.subscribe(() => {
      // the new text is validated: for npm run bench:editor and the browser's performance panel
      performance.mark('sop-editor:applied');
      validator.settle(stack.state.yaml, !!stack.document);
      setSnap((previous) => snapshotOf(stack, previous));
    });
    return () => {
      unsubscribe();
      stopListening();
    };
  }, [stack, validator]);
  return { stack, snap, validator };
}
