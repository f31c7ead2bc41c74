import type { Database } from '../database/database';

export interface ReplyTemplateRow {
  id: string;
  regency: string;
  title: string;
  body: string;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A title already taken in the regency (the unique index on regency and lower(title)). */
export class DuplicateTitleError extends Error {}

const codeOf = (x: unknown): unknown => (typeof x === 'object' && x !== null && 'code' in x ? x.code : undefined);

/** A unique violation, from the driver or wrapped by TypeORM (its driverError). */
function isUniqueViolation(e: unknown): boolean {
  return codeOf(e) === '23505' || (typeof e === 'object' && e !== null && 'driverError' in e && codeOf(e.driverError) === '23505');
}

/** The office's reply templates, per regency; each write one statement. */
export class ReplyTemplatesRepository {
  constructor(private readonly db: Database) {}

  async list(regency: string): Promise<ReplyTemplateRow[]> {
    return this.db.query<ReplyTemplateRow>('SELECT * FROM reply_templates WHERE regency = $1 ORDER BY lower(title), id LIMIT 500', [regency]);
  }

  async byId(id: string): Promise<ReplyTemplateRow | null> {
    const rows = await this.db.query<ReplyTemplateRow>('SELECT * FROM reply_templates WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  async create(t: { regency: string; title: string; body: string; by: string; now: Date }): Promise<ReplyTemplateRow> {
    try {
      const rows = await this.db.query<ReplyTemplateRow>(
        `INSERT INTO reply_templates (regency, title, body, created_by, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $4, $5, $5) RETURNING *`,
        [t.regency, t.title, t.body, t.by, t.now],
      );
      return rows[0];
    } catch (e) {
      if (isUniqueViolation(e)) throw new DuplicateTitleError(t.title);
      throw e;
    }
  }

  async update(id: string, t: { title: string; body: string; by: string; now: Date }): Promise<ReplyTemplateRow | null> {
    try {
      const rows = await this.db.query<ReplyTemplateRow>(
        'WITH u AS (UPDATE reply_templates SET title = $2, body = $3, updated_by = $4, updated_at = $5 WHERE id = $1 RETURNING *) SELECT * FROM u',
        [id, t.title, t.body, t.by, t.now],
      );
      return rows[0] ?? null;
    } catch (e) {
      if (isUniqueViolation(e)) throw new DuplicateTitleError(t.title);
      throw e;
    }
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>('WITH d AS (DELETE FROM reply_templates WHERE id = $1 RETURNING id) SELECT id FROM d', [id]);
    return rows.length > 0;
  }
}
