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
});

export class UsersRepository {
  constructor(private readonly db: Database) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async usernames(): Promise<Set<string>> {
    const rows = await this.db.query<{ username: string }>('SELECT username FROM users');
    return new Set(rows.map((r) => r.username));
  }

  /** Inserts a user unless the username exists. */
  async insertIfMissing(user: Omit<UserRecord, 'id'>): Promise<void> {
    await this.db.query(
      `INSERT INTO users (username, password_hash, display_name, regency, lanes, permissions, demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
      [user.username, user.passwordHash, user.displayName, user.regency, user.lanes, user.permissions, user.demo],
    );
  }

  async demoUsers(): Promise<UserRecord[]> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE demo ORDER BY username');
    return rows.map(toRecord);
  }
}
