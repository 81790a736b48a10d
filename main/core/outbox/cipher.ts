import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CryptoSuite } from '../crypto/suite.js';

/** Where the outbox key comes from: a 0600 key file in browser mode; Electron wraps it with safeStorage. */
export interface KeyProvider {
  key(): Buffer;
}

/** A 32-byte key in a file readable only by the kiosk's user (created on first use, permissions enforced). */
export class KeyFile implements KeyProvider {
  private cached: Buffer | null = null;

  constructor(
    private readonly file: string,
    private readonly wrap: { seal(key: Buffer): Buffer; open(sealed: Buffer): Buffer } = { seal: (k) => k, open: (k) => k },
  ) {}

  key(): Buffer {
    if (this.cached) return this.cached;
    if (!existsSync(this.file)) writeFileSync(this.file, this.wrap.seal(randomBytes(32)), { mode: 0o600, flag: 'wx' });
    if ((statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, 0o600);
    const key = this.wrap.open(readFileSync(this.file));
    if (key.length !== 32) throw new Error(`outbox key file ${this.file} is damaged (expected 32 bytes)`);
    return (this.cached = key);
  }
}

const SM4_MAGIC = Buffer.from('SM4\x01', 'latin1');

/**
 * Payload encryption at rest. Default suite: AES-256-GCM, nonce (12) ‖ tag (16) ‖ ciphertext. National suite
 * (`sm`): Node's OpenSSL has no SM4-GCM, so SM4-CBC with an HMAC-SM3 tag over everything before it (encrypt-then-MAC):
 * "SM4\x01" ‖ iv (16) ‖ ciphertext ‖ tag (32); the 32-byte key splits into the SM4 key and the MAC key.
 * Either format opens whatever the suite, so switching suites strands nothing already queued.
 * Tampering or a wrong key fails to open.
 */
export class PayloadCipher {
  constructor(
    private readonly keys: KeyProvider,
    private readonly suite: CryptoSuite = 'default',
  ) {}

  /**
   * A keyed hash for finding rows by a personal value without keeping it (e.g. an applicant's ID number): HMAC under a
   * key derived from the terminal's outbox key for this purpose (SM3 under the `sm` suite, else SHA-256), hex.
   * Not reversible without the key file, and a different value on every terminal.
   */
  lookupHash(purpose: string, value: string): string {
    const hash = this.suite === 'sm' ? 'sm3' : 'sha256';
    const key = createHmac(hash, this.keys.key()).update(`lookup-hash\n${purpose}`).digest();
    return createHmac(hash, key).update(value).digest('hex');
  }

  seal(plain: string): Buffer {
    return this.suite === 'sm' ? this.sealSm4(plain) : this.sealAes(plain);
  }

  open(sealed: Buffer): string {
    if (sealed.length >= 4 + 16 + 16 + 32 && sealed.subarray(0, 4).equals(SM4_MAGIC)) {
      try {
        return this.openSm4(sealed);
      } catch (e) {
        // 1 in 2^32 AES nonces start with the magic: such a payload is AES after all
        if (this.suite === 'sm') throw e;
      }
    }
    return this.openAes(sealed);
  }

  private sealAes(plain: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.key(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }

  private openAes(sealed: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', this.keys.key(), sealed.subarray(0, 12));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
  }

  private sealSm4(plain: string): Buffer {
    const key = this.keys.key();
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', key.subarray(0, 16), iv);
    const head = Buffer.concat([SM4_MAGIC, iv, c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([head, createHmac('sm3', key.subarray(16, 32)).update(head).digest()]);
  }

  private openSm4(sealed: Buffer): string {
    const key = this.keys.key();
    const head = sealed.subarray(0, sealed.length - 32);
    const tag = sealed.subarray(sealed.length - 32);
    if (!timingSafeEqual(tag, createHmac('sm3', key.subarray(16, 32)).update(head).digest()))
      throw new Error('outbox payload does not authenticate (tampered, or another key)');
    const d = createDecipheriv('sm4-cbc', key.subarray(0, 16), head.subarray(4, 20));
    return Buffer.concat([d.update(head.subarray(20)), d.final()]).toString('utf8');
  }
}
