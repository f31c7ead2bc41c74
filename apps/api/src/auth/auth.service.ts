import { UnauthorizedException } from '@nestjs/common';
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import type pino from 'pino';
import type { Principal } from './principal';
import { DEMO_PASSWORD, type DemoUser } from './demo-users';
import type { UsersRepository } from './users.repository';

/** Log-in with hashed passwords (bcrypt) and signed, expiring tokens (JWT, HS256). */
export class AuthService {
  private readonly jwt: JwtService;
  private readonly key: KeyObject;
  /** Verified tokens, so that a busy operator's requests do not re-verify the signature each time. */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly users: UsersRepository,
    secret: string,
    private readonly ttlSeconds: number,
    private readonly logger: pino.Logger,
  ) {
    // a KeyObject: with a plain string, jsonwebtoken first tries to parse it as a public key on every call
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.jwt = new JwtService({ secretOrPrivateKey: this.key as unknown as string, signOptions: { expiresIn: ttlSeconds, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  }

  async login(username: string, password: string): Promise<{ token: string; expiresIn: number; user: Principal }> {
    const user = await this.users.findByUsername(username);
    // compare against a dummy hash when the user does not exist, so timing does not reveal usernames
    const ok = await bcrypt.compare(password, user?.passwordHash ?? '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.K7nQ6Z2Fe6i4qMvxXDtYT6D0Y1qG');
    if (!user || !ok) {
      // an account's name is an id; what was typed for an unknown one may be a password typed in the
      // wrong box: only a keyed hash of it, enough to see the same attempt repeated
      this.logger.warn(user ? { user: user.username } : { unknownUser: this.fingerprint(username) }, 'login refused');
      throw new UnauthorizedException('wrong username or password');
    }
    const principal: Principal = { userId: user.id, username: user.username, displayName: user.displayName, regency: user.regency, lanes: user.lanes, permissions: user.permissions };
    return { token: await this.jwt.signAsync({ sub: user.id, ...principal }), expiresIn: this.ttlSeconds, user: principal };
  }

  /** A short keyed hash (HMAC with the signing secret): the same text gives the same value, and it cannot be looked up in a table. */
  private fingerprint(text: string): string {
    return createHmac('sha256', this.key).update(`login-refused:${text}`).digest('hex').slice(0, 12);
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > now) return cached.principal;
    try {
      const claims = await this.jwt.verifyAsync<Principal & { sub: string; exp: number }>(token, { secret: this.key as unknown as string });
      const principal: Principal = { userId: claims.sub, username: claims.username, displayName: claims.displayName, regency: claims.regency, lanes: claims.lanes, permissions: claims.permissions };
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { principal, expiresAt: Math.min(claims.exp * 1000, now + 5 * 60_000) });
      return principal;
    } catch {
      throw new UnauthorizedException('the token is invalid or expired: log in again');
    }
  }

  /** Seeds the demo accounts that do not exist yet. */
  async seedDemoUsers(users: DemoUser[]): Promise<number> {
    const existing = await this.users.usernames();
    const missing = users.filter((u) => !existing.has(u.username));
    if (!missing.length) return 0;
    const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
    for (const u of missing) await this.users.insertIfMissing({ ...u, passwordHash: hash, demo: true });
    return missing.length;
  }

  /** Demo accounts still holding the published demo password (a production start refuses them). */
  async demoUsersWithDefaultPassword(): Promise<string[]> {
    const demo = await this.users.demoUsers();
    const still: string[] = [];
    for (const u of demo) if (await bcrypt.compare(DEMO_PASSWORD, u.passwordHash)) still.push(u.username);
    return still;
  }
}
