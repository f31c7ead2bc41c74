import type { RecapRow } from './report-types';

/** A horizontal bar, as wide as `value` is of `max` (0 draws nothing). */
export function Bar({ value, max, tone = 'primary' }: { value: number; max: number; tone?: 'primary' | 'danger' | 'muted' }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className="report-bar" aria-hidden="true">
      <span className={`report-bar-fill report-bar-${tone}`} style={{ width: `${width}%` }} />
    </span>
  );
}

/**
 * The working minutes spent at a step against its limit: the median as a bar, the maximum as a thin
 * line, the limit as a red tick. All on one scale: the larger of the limit and the maximum.
 */
export function TimeAgainstLimit({ median, max, limit, label }: { median: number | null; max: number | null; limit: number | null; label: string }) {
  if (median === null && limit === null) return null;
  const scale = Math.max(limit ?? 0, max ?? 0, median ?? 0) * 1.08 || 1;
  const x = (v: number) => (v / scale) * 120;
  const late = limit !== null && median !== null && median > limit;
  return (
    <svg className="report-time-chart" viewBox="0 0 124 14" width="124" height="14" role="img" aria-label={label}>
      <rect x="0" y="4" width="120" height="6" rx="3" fill="var(--line)" />
      {max !== null && <rect x="0" y="6" width={x(max)} height="2" fill={late || (limit !== null && max > limit) ? 'var(--danger)' : 'var(--line-strong)'} />}
      {median !== null && <rect x="0" y="4" width={Math.max(x(median), 1.5)} height="6" rx="3" fill={late ? 'var(--danger)' : 'var(--primary)'} />}
      {limit !== null && <rect x={Math.min(x(limit), 119)} y="0" width="2" height="14" fill="var(--danger)" />}
    </svg>
  );
}

/** Complaints per day (or month) as columns: done below, still open above; the count on top. */
export function RecapColumns({ rows, label, shortLabel }: { rows: RecapRow[]; label: string; shortLabel: (period: string) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.filed));
  const every = rows.length > 62 ? 7 : rows.length > 31 ? 2 : 1;
  return (
    <div className="report-columns" role="img" aria-label={label} data-testid="report-daily-chart">
      {rows.map((r, i) => (
        <div key={r.period} className="report-column" title={`${r.period}: ${r.filed}`}>
          <div className="report-column-plot">
            {r.filed > 0 && <span className="report-column-value">{r.filed}</span>}
            {r.open > 0 && <span className="report-column-open" style={{ height: `${(r.open / max) * 100}%` }} />}
            {r.done > 0 && <span className="report-column-done" style={{ height: `${(r.done / max) * 100}%` }} />}
          </div>
          <span className="report-column-label">{i % every === 0 ? shortLabel(r.period) : ''}</span>
        </div>
      ))}
    </div>
  );
}
