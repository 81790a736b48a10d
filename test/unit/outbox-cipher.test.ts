import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PayloadCipher, type KeyProvider } from '../../main/core/outbox/cipher.js';
import { createTestKiosk } from '../support/core.js';

const key = (fill: number): KeyProvider => ({ key: () => Buffer.alloc(32, fill) });
const text = '{"caseId":"CASE-1","comment":"窗口人员很耐心"}';

describe('outbox encryption at rest in both suites', () => {
  it('default: AES-256-GCM as before (nonce, tag, ciphertext)', () => {
    const c = new PayloadCipher(key(1));
    const sealed = c.seal(text);
    expect(sealed.length).toBe(12 + 16 + Buffer.byteLength(text));
    expect(c.open(sealed)).toBe(text);
  });

  it('sm: SM4-CBC with an HMAC-SM3 tag; it opens, and does not contain the plain text', () => {
    const c = new PayloadCipher(key(1), 'sm');
    const sealed = c.seal(text);
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('SM4\x01');
    expect(sealed.includes(Buffer.from('CASE-1'))).toBe(false);
    expect(c.open(sealed)).toBe(text);
  });

  it('sm: a flipped bit anywhere, or another key, fails to open', () => {
    const c = new PayloadCipher(key(1), 'sm');
    const sealed = c.seal(text);
    for (const at of [5, 20, sealed.length - 40, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect(() => c.open(bad)).toThrow();
    }
    expect(() => new PayloadCipher(key(2), 'sm').open(sealed)).toThrow(/does not authenticate/);
  });

  it('entries queued before a change of suite still open after it (both ways)', () => {
    expect(new PayloadCipher(key(1), 'sm').open(new PayloadCipher(key(1)).seal(text))).toBe(text);
    expect(new PayloadCipher(key(1)).open(new PayloadCipher(key(1), 'sm').seal(text))).toBe(text);
  });
});

describe('a kiosk configured with crypto.suite: sm', () => {
  it('seals its outbox with SM4 and chains its audit log with SM3', async () => {
    const { kiosk } = createTestKiosk({ crypto: { suite: 'sm' } });
    kiosk.outbox.submit('evaluation', {
      caseId: 'CASE-SM',
      matterId: 'm',
      level: 5,
      reasons: [],
      comment: null,
      evaluatedAt: new Date().toISOString(),
    });
    kiosk.audit.append('session.started', { trigger: 'touch' });
    const outboxFile = kiosk.stores.outboxDb.name;
    const kioskFile = kiosk.db.name;
    await kiosk.stop();
    const o = new Database(outboxFile, { readonly: true });
    expect((o.prepare('SELECT payload FROM outbox').get() as { payload: Buffer }).payload.subarray(0, 4).toString('latin1')).toBe(
      'SM4\x01',
    );
    o.close();
    const k = new Database(kioskFile, { readonly: true });
    const hashes = k.prepare('SELECT hash FROM audit').pluck().all() as string[];
    k.close();
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes.every((h) => h.startsWith('sm3:'))).toBe(true);
    expect(path.dirname(outboxFile)).toBe(path.dirname(kioskFile));
  });
});
