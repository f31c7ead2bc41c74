import type { SessionUser } from '../session';

/** Whether a user signs an SOP's versions: the signer permission on an account of that regency (the API's rule, ADR 0025). */
export function isSignerOf(user: Pick<SessionUser, 'permissions' | 'regency'>, sopId: string): boolean {
  return user.permissions.includes('signer') && user.regency === sopId;
}
