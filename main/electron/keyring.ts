import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the outbox key may be sealed with Electron's safeStorage (no Electron import, unit-tested).
 *
 * On Linux safeStorage uses the desktop keyring (Secret Service via libsecret, or KWallet). Without one it falls
 * back to `basic_text`: "encryption" with a fixed key that is in Chromium's public source, which protects nothing
 * while looking as if it did. The kiosk refuses that and keeps the key in its 0600 key file instead (as browser
 * mode does), and says what to install.
 */

/** What Electron reports (`safeStorage.isEncryptionAvailable()`, `safeStorage.getSelectedStorageBackend()`). */
export interface SafeStorageFacts {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  /** Linux only: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'. */
  linuxBackend?: string;
}

export type OutboxKeySealing =
  { use: 'safeStorage' } | { use: 'keyFile'; warning: { code: 'keyringUnavailable' | 'keyringWeak'; message: string } };

const linuxAdvice =
  'Give the kiosk user an unlocked Secret Service keyring in its session: apt-get install gnome-keyring libsecret-1-0 ' +
  'dbus-user-session, start the session with a D-Bus session bus and `gnome-keyring-daemon --start --components=secrets` ' +
  '(unlocked at login by pam_gnome_keyring), or use KWallet; Electron picks it up by itself, or force it with ' +
  '--password-store=gnome-libsecret (kwallet5, kwallet6). Until then the key stays in a 0600 file readable by the kiosk user.';

const strongLinuxBackends = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export function outboxKeySealing(facts: SafeStorageFacts): OutboxKeySealing {
  if (!facts.encryptionAvailable)
    return {
      use: 'keyFile',
      warning: {
        code: 'keyringUnavailable',
        message:
          `The OS keyring is not available, so the outbox key is not sealed by it. ${facts.platform === 'linux' ? linuxAdvice : ''}`.trim(),
      },
    };
  if (facts.platform === 'linux' && !strongLinuxBackends.has(facts.linuxBackend ?? 'unknown'))
    return {
      use: 'keyFile',
      warning: {
        code: 'keyringWeak',
        message:
          `safeStorage fell back to "${facts.linuxBackend ?? 'unknown'}" (no keyring: a fixed key anyone can read in ` +
          `Chromium's source), so the outbox key is not sealed with it. ${linuxAdvice}`,
      },
    };
  return { use: 'safeStorage' };
}

export const plainKeyFileName = 'outbox.key';
export const sealedKeyFileName = 'outbox.key.sealed';

/**
 * Moves an existing outbox key to where `sealing` says it lives now, so entries written under the old choice stay
 * readable: a key once sealed with `basic_text` is opened (that works, which is the point) and kept in the 0600
 * file; a key from the 0600 file is sealed once a keyring appears, and the plain file removed.
 */
export function moveOutboxKey(
  dataDir: string,
  sealing: OutboxKeySealing,
  wrap: { seal(plain: string): Buffer; open(sealed: Buffer): string },
): void {
  const plain = path.join(dataDir, plainKeyFileName);
  const sealed = path.join(dataDir, sealedKeyFileName);
  if (sealing.use === 'keyFile' && existsSync(sealed) && !existsSync(plain)) {
    writeFileSync(plain, Buffer.from(wrap.open(readFileSync(sealed)), 'base64'), { mode: 0o600, flag: 'wx' });
    rmSync(sealed);
  } else if (sealing.use === 'safeStorage' && existsSync(plain) && !existsSync(sealed)) {
    writeFileSync(sealed, wrap.seal(readFileSync(plain).toString('base64')), { mode: 0o600, flag: 'wx' });
    rmSync(plain);
  }
}
