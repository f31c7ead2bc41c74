import { isLocalDate } from '@sop/business-time';

/** A named local date, as the API takes it. */
export interface HolidayEntry {
  date: string;
  name: string;
}

/** A line the administrator must fix: 1-based, with what is wrong. */
export interface HolidayLineIssue {
  line: number;
  text: string;
  /** Not "date name" at all; a date no calendar has (2027-02-30); a day of another year than the list's. */
  reason: 'unreadable' | 'not-a-date' | 'other-year';
}

const LINE = /^(\d{4}-\d{2}-\d{2})\s*(?:[,;\t|]|\s[–—-]\s|\s)\s*(.+)$/;

/**
 * Reads a list written one day per line, "2027-01-01 Tahun Baru Masehi" (a tab, comma, semicolon or
 * dash may separate date and name, so a column pasted from a spreadsheet or the SKB's table works).
 * Blank lines are skipped. A date no calendar has, or (given `year`) a day of another year, is an
 * issue of its line here, in the page's words; the server checks the same again.
 *
 * @example
 * parseHolidayLines('2027-01-01 Tahun Baru Masehi\n2027-13-01 x', 2027);
 * // { entries: [{ date: '2027-01-01', name: 'Tahun Baru Masehi' }], issues: [{ line: 2, text: '2027-13-01 x', reason: 'not-a-date' }] }
 */
export function parseHolidayLines(text: string, year?: number): { entries: HolidayEntry[]; issues: HolidayLineIssue[] } {
  const entries: HolidayEntry[] = [];
  const issues: HolidayLineIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
    if (!m || !m[2].trim()) {
      issues.push({ line: index + 1, text: shown, reason: 'unreadable' });
      return;
    }
    if (!isLocalDate(m[1])) {
      issues.push({ line: index + 1, text: shown, reason: 'not-a-date' });
      return;
    }
    if (year !== undefined && !m[1].startsWith(`${year}-`)) {
      issues.push({ line: index + 1, text: shown, reason: 'other-year' });
      return;
    }
    entries.push({ date: m[1], name: m[2].trim() });
  });
  return { entries, issues };
}

/** The inverse of parseHolidayLines: one "date name" per line. */
export function formatHolidayLines(entries: readonly HolidayEntry[]): string {
  return entries.map((e) => `${e.date} ${e.name}`).join('\n');
}
