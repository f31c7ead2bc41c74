import type { NationalRow } from '@sop/report-model';

/**
 * Each row's label in the national charts: the regency's name, and where a regency has two SOPs
 * (online and walk-in complaints, say) and so two bars, the SOP's id after it, so that each bar
 * says which one it is (the table shows each SOP's title under the name).
 *
 * @example
 * chartLabels(rows) // ['Kabupaten Buleleng', 'Kota Metro (metro)', 'Kota Metro (metro-langsung)']
 */
export function chartLabels(rows: readonly Pick<NationalRow, 'regency'>[]): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.regency.name, (count.get(r.regency.name) ?? 0) + 1);
  return rows.map((r) => ((count.get(r.regency.name) ?? 0) > 1 ? `${r.regency.name} (${r.regency.id})` : r.regency.name));
}
