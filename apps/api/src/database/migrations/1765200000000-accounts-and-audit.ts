import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts an administrator manages while the API runs (disable, reset a password: tokens issued
 * before that stop working), and the audit log of administrative actions, SOP publications, holiday
 * loads and identity reveals: append-only, like the kartu kendali.
 */
export class AccountsAndAudit1765200000000 implements MigrationInterface {
  name = 'AccountsAndAudit1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    // tokens issued before this instant are refused (set on a password reset and on disabling)
    await q.query(`ALTER TABLE users ADD COLUMN sessions_valid_after timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id text,
        actor text NOT NULL,
        action text NOT NULL,
        regency text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_by_regency ON audit_log (regency, at)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    // idempotency keys are kept for a bounded time (README: 7 days) and removed by the work loop
    await q.query(`CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS idempotency_keys_by_age');
    await q.query('DROP TABLE IF EXISTS audit_log');
    await q.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
    for (const column of ['disabled_at', 'sessions_valid_after', 'updated_at']) await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS ${column}`);
  }
}
