import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed log-ins per username, and the lockout they lead to (auth/login-throttle.ts): kept in the
 * database so that a lockout holds in every API process and across restarts. Keyed by the name as
 * typed, not by the account: a name that has no account is counted and locked the same way, so a
 * lockout does not tell whether an account exists.
 */
export class LoginLockouts1765100000000 implements MigrationInterface {
  name = 'LoginLockouts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_lockouts (
        username text PRIMARY KEY CHECK (char_length(username) BETWEEN 1 AND 200),
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    // old rows (no failure for a day, no lock in force) are removed by the throttle as it goes
    await q.query(`CREATE INDEX login_lockouts_by_age ON login_lockouts (last_failure_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS login_lockouts');
  }
}
