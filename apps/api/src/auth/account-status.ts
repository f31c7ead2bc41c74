import { UnauthorizedException } from '@nestjs/common';
import type { UsersRepository } from './users.repository';

/** How long a process trusts what it read of an account (the other processes see a change within this). */
export const ACCOUNT_STATUS_TTL_MS = 30_000;

interface Known {
  disabled: boolean;
  /** Whole seconds: tokens issued (iat) before this are refused. */
  validAfterSec: number | null;
  readAt: number;
}

/**
 * Whether a token's account may still act: not disabled, and the token issued after the last password
 * reset or disabling. Read from the database at most every 30 s per account and process; a change made
 * in this process applies at once.
 */
export class AccountStatus {
  private readonly known = new Map<string, Known>();

  constructor(private readonly users: UsersRepository) {}

  async assertActive(userId: string, issuedAtSec: number | null): Promise<void> {
    const now = Date.now();
    let k = this.known.get(userId);
    if (!k || now - k.readAt > ACCOUNT_STATUS_TTL_MS) {
      const user = await this.users.byId(userId);
      k = {
        disabled: !user || user.disabledAt !== null,
        validAfterSec: user?.sessionsValidAfter ? Math.floor(user.sessionsValidAfter.getTime() / 1000) : null,
        readAt: now,
      };
      if (this.known.size >= 10_000) this.known.clear();
      this.known.set(userId, k);
    }
    if (k.disabled) throw new UnauthorizedException('this account is disabled: ask your administrator');
    if (k.validAfterSec !== null && (issuedAtSec === null || issuedAtSec < k.validAfterSec)) {
      throw new UnauthorizedException('your session ended (the password was reset): log in again');
    }
  }

  /** Drops what this process knows of an account, after changing it. */
  forget(userId: string): void {
    this.known.delete(userId);
  }
}

/** The `iat` claim of a JWT already verified by the caller (whole seconds), or null. */
export function issuedAtOf(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iat?: unknown };
    return typeof payload.iat === 'number' ? payload.iat : null;
  } catch {
    return null;
  }
}
