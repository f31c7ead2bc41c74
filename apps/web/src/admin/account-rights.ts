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

/** An account the page suggests for a regency, with why it is needed (as a message key) when that is not plain from its name. */
export interface SuggestedAccount {
  username: string;
  /** The display name's message key and parameters, or the lane's own name. */
  name: { key: 'accountsSuggestAdmin' | 'accountsSuggestAuthor' | 'accountsSuggestSigner' } | { lane: string };
  why: 'accountsSuggestSignerWhy' | null;
  lanes: string[];
  permissions: Right[];
}

/**
 * The accounts a regency needs, as the demo accounts name them (ADR 0008, ADR 0025): its
 * administrator, its SOP author, its signer (`<id>.pengesah`, the Kepala Dinas: without one no
 * version after the first can be approved), and one officer per lane of its SOP but the citizen's.
 *
 * @example
 * suggestedAccounts('sleman', [{ id: 'petugas', name: 'Petugas' }]).map((a) => a.username)
 * // ['admin.sleman', 'sleman.penyusun', 'sleman.pengesah', 'sleman.petugas']
 */
export function suggestedAccounts(regency: string, officeLanes: readonly { id: string; name: string }[]): SuggestedAccount[] {
  return [
    { username: `admin.${regency}`, name: { key: 'accountsSuggestAdmin' }, why: null, lanes: [], permissions: ['admin'] },
    { username: `${regency}.penyusun`, name: { key: 'accountsSuggestAuthor' }, why: null, lanes: [], permissions: ['author'] },
    { username: `${regency}.pengesah`, name: { key: 'accountsSuggestSigner' }, why: 'accountsSuggestSignerWhy', lanes: [], permissions: ['signer'] },
    ...officeLanes.map((l) => ({ username: `${regency}.${l.id}`, name: { lane: l.name }, why: null, lanes: [l.id], permissions: [] })),
  ];
}
