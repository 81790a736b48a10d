import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

export const roles = ['viewer', 'operator', 'administrator'] as const;
export type Role = (typeof roles)[number];
export const isRole = (r: string): r is Role => (roles as readonly string[]).includes(r);
/** viewer < operator < administrator. */
export const atLeast = (role: Role, needed: Role) => roles.indexOf(role) >= roles.indexOf(needed);

const N = 16384;
const R = 8;
const P = 1;

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [tag, n, r, p, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface ConsoleSession {
  user: string;
  role: Role;
}

interface SessionTable {
  run(sql: string, params?: (string | number | null)[]): Promise<number>;
  get<T>(sql: string, params?: (string | number | null)[]): Promise<T | undefined>;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Console login sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps only its hash,
 * so every replica of the console knows every login. Ends after 8 hours without use.
 */
export class Sessions {
  constructor(
    private readonly sql: SessionTable,
    private readonly ttlMs = 8 * 3600_000,
  ) {}
  async create(user: string, role: Role): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.sql.run('INSERT INTO console_sessions (token_hash, user_name, role, expires_at) VALUES (?, ?, ?, ?)', [
      tokenHash(token),
      user,
      role,
      Date.now() + this.ttlMs,
    ]);
    return token;
  }
  async get(token: string | undefined): Promise<ConsoleSession | null> {
    if (!token) return null;
    const row = await this.sql.get<{ user_name: string; role: string; expires_at: number | string }>(
      'SELECT user_name, role, expires_at FROM console_sessions WHERE token_hash = ?',
      [tokenHash(token)],
    );
    if (!row || Number(row.expires_at) < Date.now() || !isRole(row.role)) return null;
    await this.sql.run('UPDATE console_sessions SET expires_at = ? WHERE token_hash = ?', [Date.now() + this.ttlMs, tokenHash(token)]);
    return { user: row.user_name, role: row.role };
  }
  async end(token: string | undefined): Promise<void> {
    if (token) await this.sql.run('DELETE FROM console_sessions WHERE token_hash = ?', [tokenHash(token)]);
  }
}
