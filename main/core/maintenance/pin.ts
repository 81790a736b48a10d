import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const COST = 16384;
/** The PIN of the shipped emulator config (config/kiosk.yaml); a real terminal must not keep it. */
export const SHIPPED_DEFAULT_PIN = '246810';
/** A new PIN has at least this many digits (`diag pin-hash`). */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;

/** Why a new PIN is not acceptable, or null. */
export function newPinProblem(pin: string): string | null {
  if (!new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`).test(pin))
    return `the PIN must be ${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} digits`;
  if (/^(\d)\1+$/.test(pin)) return 'the PIN must not repeat one digit';
  if (pin === SHIPPED_DEFAULT_PIN) return 'that is the shipped default PIN; choose another';
  return null;
}

/** `scrypt$N$salt$hash`, all base64. */
export function hashPin(pin: string, salt = randomBytes(16), cost = COST): string {
  const hash = scryptSync(pin, salt, 32, { N: cost });
  return `scrypt$${cost}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

interface ParsedHash {
  cost: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const m = /^scrypt\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(stored);
  if (!m) return null;
  return { cost: Number(m[1]), salt: Buffer.from(m[2]!, 'base64'), hash: Buffer.from(m[3]!, 'base64') };
}

/**
 * Why a stored PIN hash could never verify a PIN, or null when it can. Checked when the config loads, because a
 * hash that fails only at the first unlock (`scrypt$3$…`: scrypt wants a power of two) locks technicians out.
 */
export function pinHashProblem(stored: string): string | null {
  const p = parse(stored);
  if (!p) return 'not a PIN hash; make one with: npm run -s diag -- pin-hash <PIN>';
  if (p.salt.length < 8) return 'the salt is shorter than 8 bytes; make a new hash with: npm run -s diag -- pin-hash <PIN>';
  if (p.hash.length < 16) return 'the hash is shorter than 16 bytes; make a new hash with: npm run -s diag -- pin-hash <PIN>';
  if (p.cost < 1024 || (p.cost & (p.cost - 1)) !== 0)
    return `scrypt cost ${p.cost} is not a power of two from 1024 up; make a new hash with: npm run -s diag -- pin-hash <PIN>`;
  try {
    scryptSync('', p.salt, p.hash.length, { N: p.cost });
  } catch (e) {
    return `scrypt cannot run with cost ${p.cost} (${(e as Error).message}); make a new hash with: npm run -s diag -- pin-hash <PIN>`;
  }
  return null;
}

export function verifyPin(pin: string, stored: string): boolean {
  const p = parse(stored);
  if (!p || p.hash.length === 0) return false;
  try {
    const actual = scryptSync(pin, p.salt, p.hash.length, { N: p.cost });
    return timingSafeEqual(actual, p.hash);
  } catch {
    return false;
  }
}

/** Whether the stored hash is the one for the shipped default PIN (any salt). */
export const isShippedDefaultPin = (stored: string): boolean => verifyPin(SHIPPED_DEFAULT_PIN, stored);
