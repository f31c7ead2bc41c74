import { useCallback, useEffect, useRef, useState } from 'react';
import { applyYamlText, type CommandStack } from '@sop/editor';

const YAML_DEBOUNCE_MS = 300;

/**
 * The YAML pane's text: what is typed is applied to the stack after a pause in typing, as one
 * undoable edit; the text follows the stack's when nothing typed is waiting. `flush` applies what
 * waits at once (before a command, an undo, a save…).
 */
export function useYamlText(stack: CommandStack, yaml: string) {
  const [text, setText] = useState(yaml);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // what the pane holds, for the timer and flush (set with the text)
  const textRef = useRef(text);
  const flush = useCallback(() => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    applyYamlText(stack, textRef.current);
  }, [stack]);
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
      pending.current = setTimeout(() => {
        pending.current = null;
        applyYamlText(stack, textRef.current);
      }, YAML_DEBOUNCE_MS);
    },
    [stack],
  );
  return { text, onText, flush };
}
