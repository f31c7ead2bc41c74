/** A named local date, as the API takes it. */
export interface HolidayEntry {
  date: string;
  name: string;
}

/** A line the administrator must fix: 1-based, with what is wrong. */
export interface HolidayLineIssue {
  line: number;
  text: string;
}

const LINE = /^(\d{4}-\d{2}-\d{2})\s*(?:[,;\t|]|\s[–—-]\s|\s)\s*(.+)$/;

/**
 * Reads a list written one day per line, "2027-01-01 Tahun Baru Masehi" (a tab, comma, semicolon or
 * dash may separate date and name, so a column pasted from a spreadsheet or the SKB's table works).
 * Blank lines are skipped. The dates' validity (a real day of the year) is the server's check.
 *
 * @example
 * parseHolidayLines('2027-01-01 Tahun Baru Masehi\n2027-13-01 x');
 * // { entries: [{ date: '2027-01-01', name: 'Tahun Baru Masehi' }], issues: [] }  (2027-13-01 is refused by the server)
 */
export function parseHolidayLines(text: string): { entries: HolidayEntry[]; issues: HolidayLineIssue[] } {
  const entries: HolidayEntry[] = [];
  const issues: HolidayLineIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    if (!m || !m[2].trim()) {
      issues.push({ line: index + 1, text: line.length > 60 ? `${line.slice(0, 60)}…` : line });
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
