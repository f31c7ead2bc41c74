// The editor's validation off the main thread (docs/adr/0034-editor-at-scale.md): the stack's full
// validation of a text, and where its scalars lie for the next edit's fast path.
import { answerValidationRequest } from './validation-answer';
import type { ValidationReply, ValidationRequest } from './editor-validator';

const scope = globalThis as unknown as {
  postMessage(message: ValidationReply): void;
  addEventListener(type: 'message', f: (e: MessageEvent<ValidationRequest>) => void): void;
};

scope.addEventListener('message', (e) => answerValidationRequest(e.data, (reply) => scope.postMessage(reply)));
