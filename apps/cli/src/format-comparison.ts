import type { ItemDiff, MatrixRow, SopComparison, SopVersionDiff } from '@sop/compare';

const SECTION_TITLES: Record<MatrixRow['section'], string> = {
  figures: 'Figures',
  service: 'Service standard (as printed)',
  gaps: 'Source gaps (inferred: a platform decision; incomplete: damaged in the source)',
  constructs: "What the flow does (the complainant's steps, coordination, units, routing, waits, documents)",
  roles: 'Lanes by common role',
  otherRoles: "Lanes of another role (role: other, by the SOP's own description)",
  channels: 'Channels (by kind)',
  forms: 'Form fields (by type)',
  periodic: 'Periodic procedures (by schedule)',
  legal: 'Legal basis (Dasar Hukum)',
};

const MARK: Record<MatrixRow['status'], string> = { same: '=', differs: '≠', shared: 'shared', partial: 'some', unique: 'unique' };

const CELL_WIDTH = 44;

function fit(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text + ' '.repeat(width - chars.length);
}

function itemLines(title: string, d: ItemDiff): string[] {
  const lines: string[] = [];
  const where = (flow?: string) => (flow && flow !== 'main' ? ` [${flow}]` : '');
  for (const i of d.added) lines.push(`  + ${i.id}${where(i.flow)}  ${i.label}`);
  for (const i of d.removed) lines.push(`  - ${i.id}${where(i.flow)}  ${i.label}`);
  for (const i of d.changed) {
    lines.push(`  ~ ${i.id}${where(i.flow)}  ${i.label}`);
    for (const c of i.changes) lines.push(`      ${c.field}: ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`);
  }
  return lines.length ? [`${title}:`, ...lines] : [];
}

function formatDiff(from: string, to: string, d: SopVersionDiff): string[] {
  if (!d.changed) return [`Changes ${from} → ${to}: none (same steps, form fields, lanes and channels)`];
  return [
    `Changes ${from} → ${to} (+ added, - removed, ~ changed):`,
    ...itemLines('Steps', d.steps),
    ...itemLines('Form fields', d.formFields),
    ...itemLines('Lanes', d.lanes),
    ...itemLines('Channels', d.channels),
  ];
}

/** The comparison as a plain-text table: a column per SOP, a status per row, then the version diff. */
export function formatComparison(c: SopComparison): string {
  const labelWidth = Math.min(
    36,
    c.matrix.reduce((max, r) => Math.max(max, Array.from(r.label).length), 12),
  );
  const widths = c.sops.map((s, i) => Math.min(CELL_WIDTH, Math.max(Array.from(s.key).length, ...c.matrix.map((r) => Array.from(r.cells[i]).length))));
  const line = (label: string, cells: string[], status: string) =>
    `${fit(label, labelWidth)}  ${cells.map((cell, i) => fit(cell, widths[i])).join('  ')}  ${status}`.trimEnd();
  const out = [
    `Comparison of ${c.sops.map((s) => `${s.key} (${s.regency})`).join(', ')}`,
    `Working time: a complaint arriving as each office opens on ${c.referenceDate}, every step taking its full Waktu, on the office's own calendar.`,
    '',
    line(
      '',
      c.sops.map((s) => s.key),
      '',
    ),
  ];
  let section: string | null = null;
  for (const row of c.matrix) {
    if (row.section !== section) {
      section = row.section;
      out.push('', `${SECTION_TITLES[row.section]}:`);
    }
    out.push(
      line(
        row.label,
        row.cells.map((x) => x || '—'),
        MARK[row.status],
      ),
    );
  }
  if (c.versionDiff) out.push('', ...formatDiff(c.sops[0].key, c.sops[1].key, c.versionDiff));
  return out.join('\n');
}
