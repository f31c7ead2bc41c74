import type pino from 'pino';
import { tooManyRequestsBody, TooManyRequestsException } from '../common/rate-limit';
import type { RateLimits } from '../config';
import type { Database } from '../database/database';

/** Failures older than this (since the last one) are forgotten: the next failure counts from 1 again. */
export const FAILURES_FORGOTTEN_AFTER_SECONDS = 24 * 3600;
/** How often a process removes rows of names that have not failed for a day and are not locked. */
const PRUNE_EVERY_MS = 10 * 60_000;

export interface LockoutStatus {
  username: string;
  /** Failed log-ins counted (since the last success, within a day of each other). */
  failures: number;
  locked: boolean;
  lockedUntil: Date | null;
  /** Seconds until the lock ends; 0 when not locked. */
  retryAfterSeconds: number;
}

interface Row {
  counted: boolean;
  failures: number;
  locked_until: Date | null;
  wait_seconds: number | null;
}

/** The 429 of a locked username: the same words whether or not an account has that name. */
export function lockedOut(retryAfterSeconds: number): TooManyRequestsException {
  return new TooManyRequestsException(
    tooManyRequestsBody(
      retryAfterSeconds,
      (wait) => `too many failed log-ins for this username: it is locked for ${wait}; try again then, or ask an administrator to lift the lock`,
      (wait) => `terlalu banyak login gagal untuk nama pengguna ini: dikunci selama ${wait}; coba lagi nanti, atau minta administrator membuka kuncinya`,
    ),
  );
}

/**
 * Progressive lockout of a username after repeated failed log-ins, kept in the database
 * (`login_lockouts`) so that it holds in every API process and across restarts: after `after`
 * failures the name is locked for `baseSeconds`, and each further failure doubles the lock up to
 * `maxSeconds`. A success clears the count; failures a day apart are forgotten. Names are counted as
 * typed whether or not an account has them, so a lockout never tells whether an account exists.
 *
 * An attempt is counted before its password is checked, in one statement that also refuses it while
 * the name is locked: guesses sent at the same moment cannot get past the limit together. An attempt
 * whose password could not be checked (server busy, an error) is given back with {@link refund}.
 */
export class LoginThrottle {
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    private readonly policy: RateLimits['lockout'],
    private readonly logger?: pino.Logger,
  ) {}

  /**
   * Counts an attempt for `username`, or throws the 429 ({@link lockedOut}) while it is locked (the
   * attempt is then not counted). Returns the failures now counted and whether this attempt started a
   * lock (it is still checked: the right password clears it).
   */
  async begin(username: string): Promise<{ failures: number; locks: boolean }> {
    this.pruneNowAndThen();
    const { after, baseSeconds, maxSeconds } = this.policy;
    // the count after this attempt: 1 again when the last failure is more than a day old
    const next = `CASE WHEN l.last_failure_at < now() - make_interval(secs => $5::float8) THEN 1 ELSE l.failures + 1 END`;
    const lockFor = (count: string) =>
      `CASE WHEN ${count} >= $2::int THEN now() + make_interval(secs => least($4::float8, $3::float8 * power(2::float8, least(${count} - $2::int, 40)))) END`;
    const rows = await this.db.query<Row>(
      `WITH counted AS (
         INSERT INTO login_lockouts AS l (username, failures, last_failure_at, locked_until)
         VALUES ($1, 1, now(), ${lockFor('1')})
         ON CONFLICT (username) DO UPDATE SET failures = ${next}, last_failure_at = now(), locked_until = ${lockFor(next)}
         WHERE l.locked_until IS NULL OR l.locked_until <= now()
         RETURNING true AS counted, failures, locked_until
       )
       SELECT counted, failures, locked_until, NULL::float8 AS wait_seconds FROM counted
       UNION ALL
       SELECT false, failures, locked_until, extract(epoch FROM locked_until - now())::float8 FROM login_lockouts
        WHERE username = $1 AND NOT EXISTS (SELECT 1 FROM counted)`,
      [username, after, baseSeconds, maxSeconds, FAILURES_FORGOTTEN_AFTER_SECONDS],
    );
    const row = rows[0];
    if (!row || !row.counted) {
      // locked. No row at all: another process locked it after this statement's snapshot was taken
      const wait = Number(row?.wait_seconds ?? 0);
      throw lockedOut(wait > 0 ? Math.ceil(wait) : baseSeconds);
    }
    const failures = Number(row.failures);
    return { failures, locks: failures >= after };
  }

  /** The password was right: the count and any lock of the name end. */
  async succeeded(username: string): Promise<void> {
    await this.db.query('DELETE FROM login_lockouts WHERE username = $1', [username]);
  }

  /**
   * The attempt counted by {@link begin} was not checked (the server was busy, or failed): it is taken
   * off again. A lock that attempt started ends; a longer one it caused stays until it runs out.
   */
  async refund(username: string): Promise<void> {
    await this.db.query(
      `UPDATE login_lockouts SET failures = greatest(failures - 1, 0), locked_until = CASE WHEN failures - 1 >= $2::int THEN locked_until END WHERE username = $1`,
      [username, this.policy.after],
    );
  }

  /** Where a username stands (for an administrator): failures counted, and the lock if one is in force. */
  async status(username: string): Promise<LockoutStatus> {
    const rows = await this.db.query<{ failures: number; locked_until: Date | null; wait_seconds: number | null; forgotten: boolean }>(
      `SELECT failures, locked_until, extract(epoch FROM locked_until - now())::float8 AS wait_seconds,
              last_failure_at < now() - make_interval(secs => $2::float8) AS forgotten
         FROM login_lockouts WHERE username = $1`,
      [username, FAILURES_FORGOTTEN_AFTER_SECONDS],
    );
    const row = rows[0];
    const wait = row?.wait_seconds === null || row?.wait_seconds === undefined ? 0 : Math.ceil(Number(row.wait_seconds));
    const locked = wait > 0;
    return {
      username,
      failures: row && !(row.forgotten && !locked) ? Number(row.failures) : 0,
      locked,
      lockedUntil: locked ? new Date(row!.locked_until!) : null,
      retryAfterSeconds: locked ? wait : 0,
    };
  }

  /**
   * Lifts the lockout of a username and clears its failures (an administrator's action). Resolves true
   * when a lock was in force, false when there was none (the failures are cleared either way).
   */
  async lift(username: string): Promise<boolean> {
    // a SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count]
    const rows = await this.db.query<{ locked: boolean }>(
      'WITH lifted AS (DELETE FROM login_lockouts WHERE username = $1 RETURNING coalesce(locked_until > now(), false) AS locked) SELECT locked FROM lifted',
      [username],
    );
    return rows.some((r) => r.locked === true);
  }

  /** Removes, at most every 10 minutes, the rows of names with no failure for a day and no lock in force. */
  private pruneNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.db
      .query(
        `DELETE FROM login_lockouts WHERE last_failure_at < now() - make_interval(secs => $1::float8) AND (locked_until IS NULL OR locked_until <= now())`,
        [FAILURES_FORGOTTEN_AFTER_SECONDS],
      )
      .catch((err: unknown) => this.logger?.warn({ err }, 'old login failures could not be removed'));
  }
}
