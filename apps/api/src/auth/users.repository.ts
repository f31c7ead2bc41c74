import type { Database } from '../database/database';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
  demo: boolean;
  /** When an administrator disabled the account; null while it is active. */
  disabledAt: Date | null;
  /** Tokens issued before this instant are refused (a password reset, a disabling). */
  sessionsValidAfter: Date | null;
  createdAt: Date;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  regency: string;
  lanes: string[];
  permissions: string[];
  demo: boolean;
  disabled_at: Date | null;
  sessions_valid_after: Date | null;
  created_at: Date;
}

const toRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  displayName: r.display_name,
  regency: r.regency,
  lanes: r.lanes,
  permissions: r.permissions,
  demo: r.demo,
  disabledAt: r.disabled_at ? new Date(r.disabled_at) : null,
  sessionsValidAfter: r.sessions_valid_after ? new Date(r.sessions_valid_after) : null,
  createdAt: new Date(r.created_at),
});

export type NewUser = Pick<UserRecord, 'username' | 'passwordHash' | 'displayName' | 'regency' | 'lanes' | 'permissions' | 'demo'>;

export class UsersRepository {
  constructor(private readonly db: Database) {}

  /** An account that may log in: a disabled one is not found, so it is refused like a wrong password. */
  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE username = $1 AND disabled_at IS NULL', [username]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Any account by name, disabled ones included (administration). */
  async byUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async byId(id: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async usernames(): Promise<Set<string>> {
    const rows = await this.db.query<{ username: string }>('SELECT username FROM users');
    return new Set(rows.map((r) => r.username));
  }

  /** Inserts a user unless the username exists. */
  async insertIfMissing(user: NewUser): Promise<void> {
    await this.insert(user);
  }

  /** Inserts a user; null when the username is taken. */
  async insert(user: NewUser): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>(
      `INSERT INTO users (username, password_hash, display_name, regency, lanes, permissions, demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [user.username, user.passwordHash, user.displayName, user.regency, user.lanes, user.permissions, user.demo],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The accounts of one regency (null: every account), by username; a page at a time. */
  async list(regency: string | null, limit: number, offset: number): Promise<{ users: UserRecord[]; total: number }> {
    const rows = await this.db.query<UserRow & { total: string }>(
      'SELECT *, count(*) OVER () AS total FROM users WHERE ($1::text IS NULL OR regency = $1) ORDER BY username LIMIT $2 OFFSET $3',
      [regency, limit, offset],
    );
    return { users: rows.map(toRecord), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * Changes what is given; returns the account as it is now, or null when it does not exist. Tokens
   * issued before a change of password, lanes, permissions or a disabling stop working: they carry
   * the old rights.
   */
  async update(
    username: string,
    change: { displayName?: string; lanes?: string[]; permissions?: string[]; disabled?: boolean; passwordHash?: string },
    now: Date,
  ): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>(
      `WITH u AS (UPDATE users SET
         display_name = coalesce($2, display_name),
         lanes = coalesce($3, lanes),
         permissions = coalesce($4, permissions),
         disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at WHEN $5 THEN coalesce(disabled_at, $7) ELSE NULL END,
         password_hash = coalesce($6, password_hash),
         demo = CASE WHEN $6::text IS NULL THEN demo ELSE false END,
         sessions_valid_after = CASE WHEN $5::boolean IS TRUE OR $6::text IS NOT NULL OR $3::text[] IS NOT NULL OR $4::text[] IS NOT NULL THEN $8 ELSE sessions_valid_after END,
         updated_at = $7
       WHERE username = $1 RETURNING *)
       SELECT * FROM u`, // a bare UPDATE answers [rows, count] through TypeORM: select from it instead
      // sessions are cut at the real instant: tokens carry the real time they were issued (iat), whatever the app's clock says
      [
        username,
        change.displayName ?? null,
        change.lanes ?? null,
        change.permissions ?? null,
        change.disabled ?? null,
        change.passwordHash ?? null,
        now,
        new Date(),
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async demoUsers(): Promise<UserRecord[]> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE demo ORDER BY username');
    return rows.map(toRecord);
  }
}
