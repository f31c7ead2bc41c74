import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claiming a case within its lane (issue 11): the officer working it, by id and name, and since when.
 * A move to another step clears it (the case statement does); claims and take-overs are in the audit log.
 */
export class CaseAssignee1765800000000 implements MigrationInterface {
  name = 'CaseAssignee1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN assigned_to text, ADD COLUMN assigned_name text, ADD COLUMN assigned_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN IF EXISTS assigned_to, DROP COLUMN IF EXISTS assigned_name, DROP COLUMN IF EXISTS assigned_at');
  }
}
