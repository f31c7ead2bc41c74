/** The report's choices as they stand in the page's query string (?regency=…&month=… or &from=…&to=…). */
export type PeriodMode = 'month' | 'day' | 'range';

export interface ReportChoice {
  regency: string | null;
  mode: PeriodMode;
  month: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the browser, 'YYYY-MM-DD'. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reads the query string; a missing period is the current month. */
export function readChoice(search: string, now: Date = new Date()): ReportChoice {
  const q = new URLSearchParams(search);
  const day = today(now);
  const from = q.get('from');
  const to = q.get('to');
  const regency = q.get('regency');
  if (from || to) {
    const f = from ?? to!;
    const t = to ?? from!;
    return { regency, mode: f === t ? 'day' : 'range', month: f.slice(0, 7), from: f, to: t };
  }
  const month = q.get('month') ?? day.slice(0, 7);
  return { regency, mode: 'month', month, from: `${month}-01`, to: day };
}

/** The query string of a choice: for the page's address and for the API (which adds format and table). */
export function choiceQuery(c: ReportChoice): string {
  const q = new URLSearchParams();
  if (c.regency) q.set('regency', c.regency);
  if (c.mode === 'month') q.set('month', c.month);
  else {
    q.set('from', c.from);
    q.set('to', c.mode === 'day' ? c.from : c.to);
  }
  return q.toString();
}

/** The period in a file name: 2026-11, 2026-11-10, or 2026-11-01_2026-11-15. */
export function periodSlug(period: { from: string; to: string; month: string | null }): string {
  return period.month ?? (period.from === period.to ? period.from : `${period.from}_${period.to}`);
}
