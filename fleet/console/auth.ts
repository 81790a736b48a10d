import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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
  expiresAt: number;
}

/** Console login sessions: random tokens in an HttpOnly, SameSite=Strict cookie; 8 hours idle limit. */
export class Sessions {
  private readonly byToken = new Map<string, ConsoleSession>();
  constructor(private readonly ttlMs = 8 * 3600_000) {}
  create(user: string, role: Role): string {
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, { user, role, expiresAt: Date.now() + this.ttlMs });
    return token;
  }
  get(token: string | undefined): ConsoleSession | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s || s.expiresAt < Date.now()) {
      this.byToken.delete(token ?? '');
      return null;
    }
    s.expiresAt = Date.now() + this.ttlMs;
    return s;
  }
  end(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }
}
