import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as short strings for config files: a public key is the base64 of its 32 raw bytes, a private
 * key the base64 of its PKCS#8 DER. node:crypto only; no extra dependency.
 */

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateSigningKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return { publicKey: raw.toString('base64'), privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
}

export function publicKeyFrom(base64Raw: string): KeyObject {
  const raw = Buffer.from(base64Raw, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (base64)');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function privateKeyFrom(base64Pkcs8: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64Pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
}

export function signBytes(key: KeyObject, data: Uint8Array): string {
  return sign(null, data, key).toString('base64');
}

export function verifyBytes(key: KeyObject, data: Uint8Array, signatureBase64: string): boolean {
  try {
    return verify(null, data, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** True when the text is a usable Ed25519 public key. */
export function isPublicKey(base64Raw: string): boolean {
  try {
    publicKeyFrom(base64Raw);
    return true;
  } catch {
    return false;
  }
}
