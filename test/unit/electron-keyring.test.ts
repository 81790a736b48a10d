import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveOutboxKey, outboxKeySealing, plainKeyFileName, sealedKeyFileName } from '../../main/electron/keyring.js';

describe('sealing the outbox key with safeStorage', () => {
  it('refuses the basic_text fallback on Linux (no keyring) and says what to install', () => {
    const d = outboxKeySealing({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' });
    expect(d).toMatchObject({ use: 'keyFile', warning: { code: 'keyringWeak' } });
    const message = d.use === 'keyFile' ? d.warning.message : '';
    expect(message).toContain('basic_text');
    expect(message).toContain('apt-get install gnome-keyring');
    expect(message).toContain('--password-store=gnome-libsecret');
  });

  it('refuses an unknown Linux backend the same way', () => {
    expect(outboxKeySealing({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' }).use).toBe('keyFile');
    expect(outboxKeySealing({ platform: 'linux', encryptionAvailable: true }).use).toBe('keyFile');
  });

  it('seals with a real keyring: libsecret or KWallet on Linux, DPAPI on Windows, Keychain on macOS', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
      expect(outboxKeySealing({ platform: 'linux', encryptionAvailable: true, linuxBackend })).toEqual({ use: 'safeStorage' });
    expect(outboxKeySealing({ platform: 'win32', encryptionAvailable: true })).toEqual({ use: 'safeStorage' });
    expect(outboxKeySealing({ platform: 'darwin', encryptionAvailable: true })).toEqual({ use: 'safeStorage' });
  });

  it('keeps the key file when no encryption is available at all, with the advice', () => {
    const d = outboxKeySealing({ platform: 'linux', encryptionAvailable: false });
    expect(d).toMatchObject({ use: 'keyFile', warning: { code: 'keyringUnavailable' } });
  });
});

describe('moving an existing outbox key when the sealing changes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  // a stand-in for safeStorage: reversible, and visibly not the plain key
  const wrap = {
    seal: (s: string) => Buffer.from(`sealed:${s}`),
    open: (b: Buffer) => b.toString().replace(/^sealed:/, ''),
  };
  const key = Buffer.alloc(32, 7);

  it('opens a key once sealed with basic_text and keeps it in a 0600 file, so old outbox entries stay readable', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyring-'));
    writeFileSync(path.join(dir, sealedKeyFileName), wrap.seal(key.toString('base64')));
    moveOutboxKey(dir, outboxKeySealing({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' }), wrap);
    expect(readFileSync(path.join(dir, plainKeyFileName))).toEqual(key);
    expect(statSync(path.join(dir, plainKeyFileName)).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dir, sealedKeyFileName))).toBe(false);
  });

  it('seals a plain key file once a keyring is there, and removes the plain one', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyring-'));
    writeFileSync(path.join(dir, plainKeyFileName), key, { mode: 0o600 });
    moveOutboxKey(dir, { use: 'safeStorage' }, wrap);
    expect(wrap.open(readFileSync(path.join(dir, sealedKeyFileName)))).toBe(key.toString('base64'));
    expect(existsSync(path.join(dir, plainKeyFileName))).toBe(false);
  });

  it('leaves things alone when the key already lives where it should', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyring-'));
    writeFileSync(path.join(dir, plainKeyFileName), key, { mode: 0o600 });
    moveOutboxKey(dir, outboxKeySealing({ platform: 'linux', encryptionAvailable: false }), wrap);
    expect(readFileSync(path.join(dir, plainKeyFileName))).toEqual(key);
    expect(existsSync(path.join(dir, sealedKeyFileName))).toBe(false);
  });
});
