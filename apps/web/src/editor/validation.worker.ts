// The editor's validation off the main thread (docs/adr/0034-editor-at-scale.md): the stack's full
// validation of a text (validateSop, the CLI's and the API's validator, with each issue located), and
// where its scalars lie for the next edit's fast path.
import { validateStackText } from '@sop/editor';
import { scalarSpans } from './scalar-patch';
import type { ValidationReply, ValidationRequest } from './editor-validator';

const scope = globalThis as unknown as {
  postMessage(message: ValidationReply): void;
  addEventListener(type: 'message', f: (e: MessageEvent<ValidationRequest>) => void): void;
};

scope.addEventListener('message', (e) => {
  const { yaml, file, validate } = e.data;
  let reply: ValidationReply;
  try {
    const validation = validate ? validateStackText(yaml, file) : undefined;
    let spans = null;
    try {
      spans = scalarSpans(yaml);
    } catch {
      spans = null;
    }
    reply = { yaml, validate, validation, spans };
  } catch (error) {
    reply = { yaml, validate, spans: null, error: String(error) };
  }
  scope.postMessage(reply);
});
