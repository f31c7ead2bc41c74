import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The runtime's tables. The same SQL runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18). */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sop_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sop_id text NOT NULL,
        version integer NOT NULL,
        content_hash text NOT NULL,
        yaml text NOT NULL,
        model jsonb NOT NULL,
        machine jsonb NOT NULL,
        change_note text,
        published_by text,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (sop_id, version)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        regency text NOT NULL,
        lanes text[] NOT NULL DEFAULT '{}',
        permissions text[] NOT NULL DEFAULT '{}',
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket text NOT NULL UNIQUE,
        sop_id text NOT NULL,
        sop_version_id uuid NOT NULL REFERENCES sop_versions (id),
        kind text NOT NULL CHECK (kind IN ('complaint', 'periodic')),
        periodic_id text,
        period text,
        step text NOT NULL,
        lane text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'done')),
        end_step text,
        snapshot jsonb NOT NULL,
        version integer NOT NULL,
        channel text,
        category text,
        form_data jsonb NOT NULL DEFAULT '{}',
        overdue boolean NOT NULL DEFAULT false,
        step_entered_at timestamptz NOT NULL,
        due_at timestamptz,
        deadline_pending boolean NOT NULL DEFAULT false,
        deadline_note text,
        created_by text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX cases_one_periodic_run ON cases (sop_id, periodic_id, period) WHERE kind = 'periodic'`);
    await q.query(`CREATE INDEX cases_inbox ON cases (sop_id, lane, status, due_at)`);
    await q.query(`CREATE INDEX cases_due_deadlines ON cases (due_at) WHERE deadline_pending`);
    await q.query(`
      CREATE TABLE kartu_kendali (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        seq integer NOT NULL,
        event text NOT NULL,
        outcome text,
        from_step text,
        from_lane text,
        to_step text NOT NULL,
        to_lane text NOT NULL,
        received_at timestamptz NOT NULL,
        handed_over_at timestamptz NOT NULL,
        officer_id text,
        officer_name text NOT NULL,
        limit_text text,
        due_at timestamptz,
        spent_working_minutes double precision,
        over_limit boolean,
        note text,
        UNIQUE (case_id, seq)
      )`);
    // The kartu kendali is a signed record: the database refuses to change or delete it.
    await q.query(`
      CREATE FUNCTION kartu_kendali_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'kartu_kendali is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER kartu_kendali_no_update BEFORE UPDATE OR DELETE ON kartu_kendali FOR EACH ROW EXECUTE FUNCTION kartu_kendali_append_only()`);
    await q.query(`CREATE TRIGGER kartu_kendali_no_truncate BEFORE TRUNCATE ON kartu_kendali FOR EACH STATEMENT EXECUTE FUNCTION kartu_kendali_append_only()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id text NOT NULL,
        key text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases (id),
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`
      CREATE TABLE identity_reveals (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        user_id text NOT NULL,
        username text NOT NULL,
        fields text[] NOT NULL,
        revealed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['identity_reveals', 'idempotency_keys', 'kartu_kendali', 'cases', 'users', 'sop_versions']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query('DROP FUNCTION IF EXISTS kartu_kendali_append_only()');
  }
}
