import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const COST = 16384;

/** `scrypt$N$salt$hash`, all base64. */
export function hashPin(pin: string, salt = randomBytes(16), cost = COST): string {
  const hash = scryptSync(pin, salt, 32, { N: cost });
  return `scrypt$${cost}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, costText, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !costText || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const actual = scryptSync(pin, Buffer.from(saltText, 'base64'), expected.length, { N: Number(costText) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
