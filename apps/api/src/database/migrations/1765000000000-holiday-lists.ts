import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holidays as operational data (docs/adr/0006-holidays-as-operational-data.md): each year's national
 * list (SKB 3 Menteri: libur nasional and cuti bersama) and each office's local closures, loaded by an
 * administrator with their source. Append-only and versioned per (scope, year): the latest version is
 * in force, earlier ones stay as the record of what deadlines were computed on.
 */
export class HolidayLists1765000000000 implements MigrationInterface {
  name = 'HolidayLists1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holiday_lists (
        id bigserial PRIMARY KEY,
        scope text NOT NULL CHECK (scope ~ '^(national|[a-z][a-z0-9-]*)$'),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        version integer NOT NULL CHECK (version >= 1),
        source text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 2000),
        holidays jsonb NOT NULL,
        cuti_bersama jsonb NOT NULL,
        change_note text,
        loaded_by text,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (scope, year, version)
      )`);
    // cases whose deadline could not be computed (before provisional years existed): repaired at start
    await q.query(`CREATE INDEX cases_without_deadline ON cases (sop_id) WHERE status = 'open' AND due_at IS NULL AND deadline_note IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS cases_without_deadline');
    await q.query('DROP TABLE IF EXISTS holiday_lists');
  }
}
