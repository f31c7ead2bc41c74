import { UnauthorizedException } from '@nestjs/common';
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type pino from 'pino';
import type { Principal } from './principal';
import { DEMO_PASSWORD, type DemoUser } from './demo-users';
import type { LoginThrottle } from './login-throttle';
import { ServiceBusyException } from '../common/rate-limit';
import { PasswordCheckBusy, PasswordHasher } from './password-hasher';
import type { UsersRepository } from './users.repository';

/** Checked instead of a password hash when the username has no account, so that timing does not reveal usernames. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.K7nQ6Z2Fe6i4qMvxXDtYT6D0Y1qG';

/**
 * Log-in with hashed passwords (bcrypt, on worker threads: {@link PasswordHasher}) and signed, expiring
 * tokens (JWT, HS256); with a {@link LoginThrottle}, usernames are locked after repeated failures.
 */
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
    readonly passwords: PasswordHasher = new PasswordHasher(),
    readonly throttle: LoginThrottle | null = null,
  ) {
    // a KeyObject: with a plain string, jsonwebtoken first tries to parse it as a public key on every call
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.jwt = new JwtService({
      secretOrPrivateKey: this.key as unknown as string,
      signOptions: { expiresIn: ttlSeconds, algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /**
   * 401 for a wrong username or password; 429 while the username is locked (the same for a name with
   * no account, and even with the right password); 503 when the password workers are saturated.
   */
  async login(username: string, password: string): Promise<{ token: string; expiresIn: number; user: Principal }> {
    try {
      return await this.checkAndSign(username, password);
    } catch (e) {
      if (!(e instanceof PasswordCheckBusy)) throw e;
      throw new ServiceBusyException(e.retryAfterSeconds, e.message, `server sedang sibuk memeriksa login lain: coba lagi dalam ${e.retryAfterSeconds} detik`);
    }
  }

  private async checkAndSign(username: string, password: string): Promise<{ token: string; expiresIn: number; user: Principal }> {
    // refused before any other work when the checks already queued are all this process will wait for
    this.passwords.assertCapacity();
    // 429 while the name is locked, without a log line each (a flood would fill the logs): the lock's start is logged
    const attempt = (await this.throttle?.begin(username)) ?? null;
    let user: Awaited<ReturnType<UsersRepository['findByUsername']>>;
    let ok: boolean;
    try {
      user = await this.users.findByUsername(username);
      // compare against a dummy hash when the user does not exist, so timing does not reveal usernames
      ok = await this.passwords.compare(password, user?.passwordHash ?? DUMMY_HASH);
    } catch (e) {
      // not checked (the workers are busy, the database failed): the attempt does not count
      if (attempt) await this.throttle!.refund(username).catch((err: unknown) => this.logger.warn({ err }, 'a login attempt could not be given back'));
      throw e;
    }
    if (!user || !ok) {
      // an account's name is an id; what was typed for an unknown one may be a password typed in the
      // wrong box: only a keyed hash of it, enough to see the same attempt repeated
      const who = user ? { user: user.username } : { unknownUser: this.fingerprint(username) };
      this.logger.warn(attempt ? { ...who, failures: attempt.failures } : who, 'login refused');
      if (attempt?.locks) this.logger.warn({ ...who, failures: attempt.failures }, 'login lockout started');
      throw new UnauthorizedException('wrong username or password');
    }
    if (attempt) await this.throttle!.succeeded(username);
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      regency: user.regency,
      lanes: user.lanes,
      permissions: user.permissions,
    };
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
      const principal: Principal = {
        userId: claims.sub,
        username: claims.username,
        displayName: claims.displayName,
        regency: claims.regency,
        lanes: claims.lanes,
        permissions: claims.permissions,
      };
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
    const hash = await this.passwords.hash(DEMO_PASSWORD, 10);
    for (const u of missing) await this.users.insertIfMissing({ ...u, passwordHash: hash, demo: true });
    return missing.length;
  }

  /** Demo accounts still holding the published demo password (a production start refuses them). */
  async demoUsersWithDefaultPassword(): Promise<string[]> {
    const demo = await this.users.demoUsers();
    const still: string[] = [];
    // seeded together, they share one hash: each distinct hash is checked once (a start stays quick as regencies and accounts are added)
    const checked = new Map<string, boolean>();
    for (const u of demo) {
      let weak = checked.get(u.passwordHash);
      if (weak === undefined) checked.set(u.passwordHash, (weak = await this.passwords.compare(DEMO_PASSWORD, u.passwordHash)));
      if (weak) still.push(u.username);
    }
    return still;
  }

  /** Stops the password workers (Nest calls it on shutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.passwords.close();
  }
}
