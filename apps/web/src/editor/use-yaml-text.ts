import { useCallback, useEffect, useRef, useState } from 'react';
import { applyYamlText, type CommandStack } from '@sop/editor';
import type { EditorValidator } from './editor-validator';

/** The longest pause after typing before the text is applied. */
export const MAX_PAUSE_MS = 300;

/**
 * The pause after typing before the YAML pane's text is applied: twice what applying (validating)
 * took the last time, at most {@link MAX_PAUSE_MS}. A short SOP follows the typing at once; a long
 * one waits for a pause in typing, so that validating each letter does not hold the typing up.
 */
export function pauseAfterTyping(lastApplyMs: number): number {
  return Math.min(MAX_PAUSE_MS, Math.max(0, Math.round(2 * lastApplyMs)));
}

/**
 * The YAML pane's text: what is typed is applied to the stack after a pause in typing (see
 * {@link pauseAfterTyping}), as one
 * undoable edit; the text follows the stack's when nothing typed is waiting. `flush` applies what
 * waits at once (before a command, an undo, a save…). An edit the validator takes on its fast path
 * (inside one scalar, see {@link EditorValidator.quick}) is applied at once, without the pause.
 */
export function useYamlText(stack: CommandStack, yaml: string, validator?: EditorValidator) {
  const [text, setText] = useState(yaml);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // what the pane holds, for the timer and flush (set with the text)
  const textRef = useRef(text);
  // how long applying took the last time (0 until the first)
  const lastApplyMs = useRef(0);
  const apply = useCallback(() => {
    const started = performance.now();
    applyYamlText(stack, textRef.current);
    lastApplyMs.current = performance.now() - started;
  }, [stack]);
  // the wait for the worker to find where the current text's scalars lie, cancelled by its own end
  const stopWaiting = useRef<(() => void) | null>(null);
  const flush = useCallback(() => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    stopWaiting.current?.();
    stopWaiting.current = null;
    apply();
  }, [apply]);
  useEffect(() => {
    if (pending.current) return;
    textRef.current = yaml;
    setText(yaml);
  }, [yaml]);
  useEffect(() => () => flush(), [flush]);
  const onText = useCallback(
    (value: string) => {
      setText(value);
      textRef.current = value;
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      stopWaiting.current?.();
      stopWaiting.current = null;
      if (validator?.quick(stack.state.yaml, stack.document, value)) {
        // the document is patched, not read again: nothing to wait for (the pause stays what the last full validation needs)
        applyYamlText(stack, value);
        return;
      }
      if (validator?.indexing(stack.state.yaml)) {
        // the worker is finding where the current text's scalars lie (a text just opened): its answer
        // makes this edit a patch, cheaper than reading the whole text here; the longest pause at most
        stopWaiting.current = validator.whenIndexed(stack.state.yaml, flush);
        pending.current = setTimeout(flush, MAX_PAUSE_MS);
        return;
      }
      pending.current = setTimeout(() => {
        pending.current = null;
        apply();
      }, pauseAfterTyping(lastApplyMs.current));
    },
    [apply, flush, stack, validator],
  );
  return { text, onText, flush };
}
