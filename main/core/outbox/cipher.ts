import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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

/** AES-256-GCM: nonce (12) ‖ tag (16) ‖ ciphertext. Tampering or a wrong key fails to open. */
export class PayloadCipher {
  constructor(private readonly keys: KeyProvider) {}

  seal(plain: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.key(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }

  open(sealed: Buffer): string {
    const d = createDecipheriv('aes-256-gcm', this.keys.key(), sealed.subarray(0, 12));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
  }
}
