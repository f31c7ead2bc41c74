/** The period in a file name: 2026-11, 2026-11-10, or 2026-11-01_2026-11-15. */
export function periodSlug(period: { from: string; to: string; month: string | null }): string {
  return period.month ?? (period.from === period.to ? period.from : `${period.from}_${period.to}`);
}
