/**
 * The words of each right: in the table, and beside the form's checkbox (where the reviewer's right
 * says what it lets one do). A right the page does not know shows as its code.
 */
export const PERMISSION_WORDS = {
  author: { short: 'accountsPermAuthor', long: 'accountsPermAuthor' },
  reviewer: { short: 'accountsPermReviewerShort', long: 'accountsPermReviewer' },
  signer: { short: 'accountsPermSigner', long: 'accountsPermSigner' },
  admin: { short: 'accountsPermAdmin', long: 'accountsPermAdmin' },
} as const;

type Right = keyof typeof PERMISSION_WORDS;

const RIGHTS = Object.keys(PERMISSION_WORDS) as Right[];

/**
 * The rights an account of `regency` may hold, as the API allows them: a platform account ('*')
 * reads every regency (reviewer) but signs none; a regency's account signs its SOP (its Kepala
 * Dinas) but reviews no other.
 */
export function rightsFor(regency: string): Right[] {
  return RIGHTS.filter((r) => (regency.trim() === '*' ? r !== 'signer' : r !== 'reviewer'));
}
