import { validateStackText } from '@sop/editor';
import { scalarSpans, type ScalarSpan } from './scalar-patch';
import type { ValidationReply, ValidationRequest } from './editor-validator';

/**
 * What the validation worker answers a request, through `post`: where the text's scalars lie (for
 * the next edit's fast path; null when they cannot be found or were not asked) and, when asked, the stack's full
 * validation (validateSop, the CLI's and the API's validator, with each issue located). A validation
 * is answered in two messages: the scalars first (`partial`), so that the author's first keystrokes
 * in a text just opened take the fast path while the whole SOP is still being checked.
 */
export function answerValidationRequest({ yaml, file, validate, index = true }: ValidationRequest, post: (reply: ValidationReply) => void): void {
  let spans: ScalarSpan[] | null = null;
  try {
    // a patched text's scalars are known where it was patched: only its validation is asked then
    spans = index || !validate ? scalarSpans(yaml) : null;
  } catch {
    spans = null;
  }
  if (!validate) {
    post({ yaml, validate, spans });
    return;
  }
  if (spans) post({ yaml, validate: false, spans, partial: true });
  try {
    post({ yaml, validate, validation: validateStackText(yaml, file), spans });
  } catch (error) {
    post({ yaml, validate, spans, error: String(error) });
  }
}
