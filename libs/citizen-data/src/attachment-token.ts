/**
 * The shape of an attachment token: what `POST /api/public/attachments` answers for an uploaded
 * file, and what a form's file field holds. `att_` and 32 characters of base64url (24 random bytes).
 */
export const ATTACHMENT_TOKEN_PATTERN = /^att_[A-Za-z0-9_-]{32}$/;

/**
 * Whether `value` has the shape of an attachment token (not whether such a file was uploaded: the
 * API checks that when the form is filed).
 *
 * @example
 * ```ts
 * isAttachmentToken('att_3q2Yx0Zb9fJkP1mN4oR7sT8uV5wA6cDe'); // true
 * isAttachmentToken('../../etc/passwd');                      // false
 * ```
 */
export function isAttachmentToken(value: unknown): value is string {
  return typeof value === 'string' && ATTACHMENT_TOKEN_PATTERN.test(value);
}
