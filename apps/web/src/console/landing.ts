import type { SessionUser } from '../session';
import { AUTHOR, SIGNER } from '@sop/api-contract';

/**
 * Where a user's work is, when they log in with nowhere else to go: officers of a lane their inbox,
 * administrators their accounts, reviewers the comparison, SOP signers their regency's proposals, SOP authors their regency's SOP.
 */
export function landingFor(user: Pick<SessionUser, 'lanes' | 'permissions' | 'regency'>): string {
  if (user.lanes.length > 0) return '/inbox';
  if (user.permissions.includes('admin')) return '/admin/pengguna';
  if (user.permissions.includes('reviewer')) return '/compare';
  if (user.permissions.includes(SIGNER) && user.regency && user.regency !== '*') return `/sops/${user.regency}/usulan`;
  if (user.permissions.includes(AUTHOR) && user.regency && user.regency !== '*') return `/sops/${user.regency}`;
  return '/sops';
}
