import type { DatedEntry } from '@sop/business-time';
import type { Database } from '../database/database';

/** `national` for the SKB 3 Menteri list, or an SOP id for that office's own closures. */
export type HolidayScope = string;

/** One loaded version of a year's list. */
export interface HolidayList {
  id: string;
  scope: HolidayScope;
  year: number;
  version: number;
  source: string;
  holidays: DatedEntry[];
  cutiBersama: DatedEntry[];
  changeNote: string | null;
  loadedBy: string | null;
  loadedAt: Date;
}

interface HolidayListRow {
  /** bigserial, as the driver reads it (text from pg, a number from PGlite) */
  id: string | number;
  scope: string;
  year: number;
  version: number;
  source: string;
  holidays: DatedEntry[];
  cuti_bersama: DatedEntry[];
  change_note: string | null;
  loaded_by: string | null;
  loaded_at: Date;
}

const toList = (r: HolidayListRow): HolidayList => ({
  id: String(r.id),
  scope: r.scope,
  year: r.year,
  version: r.version,
  source: r.source,
  holidays: r.holidays,
  cutiBersama: r.cuti_bersama,
  changeNote: r.change_note,
  loadedBy: r.loaded_by,
  loadedAt: new Date(r.loaded_at),
});

/** The loaded holiday lists: append-only, one new version per load. */
export class HolidaysRepository {
  constructor(private readonly db: Database) {}

  /** The id of the newest load: it changes whenever any process loads a list (cheap to poll). */
  async generation(): Promise<string> {
    const rows = await this.db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM holiday_lists');
    return rows[0]?.id ?? '0';
  }

  /** The version in force of every (scope, year). */
  async latest(): Promise<HolidayList[]> {
    const rows = await this.db.query<HolidayListRow>('SELECT DISTINCT ON (scope, year) * FROM holiday_lists ORDER BY scope, year, version DESC');
    return rows.map(toList);
  }

  async versions(scope: HolidayScope, year: number): Promise<HolidayList[]> {
    const rows = await this.db.query<HolidayListRow>('SELECT * FROM holiday_lists WHERE scope = $1 AND year = $2 ORDER BY version DESC', [scope, year]);
    return rows.map(toList);
  }

  /**
   * Stores a new version when the list in force is still `basedOnVersion` (0: none loaded yet); null
   * when another load came first. One statement: two loads at once never both win.
   */
  async insert(list: Omit<HolidayList, 'id' | 'version' | 'loadedAt'>, basedOnVersion: number | null, now: Date): Promise<HolidayList | null> {
    const rows = await this.db.query<HolidayListRow>(
      `INSERT INTO holiday_lists (scope, year, version, source, holidays, cuti_bersama, change_note, loaded_by, loaded_at)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5, $6, $7, $8 FROM holiday_lists WHERE scope = $1 AND year = $2
       HAVING $9::int IS NULL OR coalesce(max(version), 0) = $9::int
       ON CONFLICT (scope, year, version) DO NOTHING
       RETURNING *`,
      [
        list.scope,
        list.year,
        list.source,
        JSON.stringify(list.holidays),
        JSON.stringify(list.cutiBersama),
        list.changeNote,
        list.loadedBy,
        now,
        basedOnVersion,
      ],
    );
    return rows[0] ? toList(rows[0]) : null;
  }
}
