/** Names the API and the web app both use, written once. */

/** The public form's own channel: a complaint a citizen filed on the web, not one an officer registered. */
export const WEB_CHANNEL = 'web';

/**
 * Platform permissions of an account: `author` publishes the SOP versions of its regency, `reviewer`
 * compares SOPs and reads the reports of every regency, `admin` keeps holiday lists and accounts,
 * `signer` (the Kepala Dinas) approves or rejects the versions its regency's authors propose (ADR 0025).
 */
export const PERMISSIONS = ['author', 'reviewer', 'admin', 'signer'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const AUTHOR: Permission = 'author';
export const REVIEWER: Permission = 'reviewer';
export const ADMIN: Permission = 'admin';
export const SIGNER: Permission = 'signer';

/** The change note of a version the API published from its SOP folder at start (`loaded from sops/metro.yaml`). */
export function fileLoadNote(file: string): string {
  return `loaded from sops/${file}`;
}

/** The file a version was published from at start (its change note written by {@link fileLoadNote}), or null. */
export function loadedFromFile(note: string | null): string | null {
  return note === null ? null : (/^loaded from (sops\/\S+)$/.exec(note)?.[1] ?? null);
}
