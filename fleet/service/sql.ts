import Database from 'better-sqlite3';
import pg from 'pg';

export type Param = string | number | null;

/**
 * The little SQL the fleet store needs, over embedded SQLite (one service) or PostgreSQL (replicas sharing one
 * database). Statements are written once with `?` placeholders in the dialect both accept (TEXT/INTEGER columns,
 * `ON CONFLICT ... DO UPDATE`).
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  run(sql: string, params?: Param[]): Promise<number>;
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  close(): Promise<void>;
}

export function openSqlite(file: string): Sql {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    dialect: 'sqlite',
    run: async (sql, params = []) => prep(sql).run(...params).changes,
    all: async <T>(sql: string, params: Param[] = []) => prep(sql).all(...params) as T[],
    get: async <T>(sql: string, params: Param[] = []) => prep(sql).get(...params) as T | undefined,
    close: async () => void db.close(),
  };
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function openPostgres(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  return {
    dialect: 'postgres',
    run: async (sql, params = []) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
    all: async <T>(sql: string, params: Param[] = []) => (await pool.query(numbered(sql), params)).rows as T[],
    get: async <T>(sql: string, params: Param[] = []) => (await pool.query(numbered(sql), params)).rows[0] as T | undefined,
    close: () => pool.end(),
  };
}

export function openSql(target: string): Sql {
  return /^postgres(ql)?:\/\//.test(target) ? openPostgres(target) : openSqlite(target);
}
