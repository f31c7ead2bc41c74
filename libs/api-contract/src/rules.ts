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
