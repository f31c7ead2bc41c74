import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing is a proposal (issue 11, docs/adr/0025-version-approval.md): a version after the first
 * is `proposed` until the SOP's signer approves it (with the date it takes effect) or rejects it
 * (with a reason). The version in effect is found when asked: the highest approved version whose
 * `effective_from` has come. Versions published before this change were in effect when published.
 */
export class VersionApproval1766500000000 implements MigrationInterface {
  name = 'VersionApproval1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE sop_versions
         ADD COLUMN status text NOT NULL DEFAULT 'approved' CHECK (status IN ('proposed', 'approved', 'rejected')),
         ADD COLUMN effective_from timestamptz,
         ADD COLUMN effective_date text,
         ADD COLUMN decided_by text,
         ADD COLUMN decided_at timestamptz,
         ADD COLUMN decision_reason text`,
    );
    await q.query('UPDATE sop_versions SET effective_from = published_at');
    // every new row says what it is (a proposal or in effect at once): no default to forget
    await q.query('ALTER TABLE sop_versions ALTER COLUMN status DROP DEFAULT');
    await q.query("ALTER TABLE sop_versions ADD CONSTRAINT sop_versions_approved_has_date CHECK (status <> 'approved' OR effective_from IS NOT NULL)");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sop_versions DROP CONSTRAINT IF EXISTS sop_versions_approved_has_date');
    await q.query(
      'ALTER TABLE sop_versions DROP COLUMN IF EXISTS status, DROP COLUMN IF EXISTS effective_from, DROP COLUMN IF EXISTS effective_date, DROP COLUMN IF EXISTS decided_by, DROP COLUMN IF EXISTS decided_at, DROP COLUMN IF EXISTS decision_reason',
    );
  }
}
