import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKeys, privateKeyFrom } from '../../main/core/fleet/signing.js';

/** The console's signing key pair in the data dir: `console.key` (0600, PKCS#8 base64) and `console.pub` (raw base64, for terminals' config). */
export function loadOrCreateConsoleKeys(dataDir: string): { publicKey: string; privateKeyText: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'console.key');
  const pubFile = path.join(dataDir, 'console.pub');
  if (existsSync(keyFile) && existsSync(pubFile))
    return { publicKey: readFileSync(pubFile, 'utf8').trim(), privateKeyText: readFileSync(keyFile, 'utf8').trim(), created: false };
  const k = generateSigningKeys();
  writeFileSync(keyFile, k.privateKey + '\n', { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(pubFile, k.publicKey + '\n');
  return { publicKey: k.publicKey, privateKeyText: k.privateKey, created: true };
}

export const consolePrivateKey = (dataDir: string) => privateKeyFrom(loadOrCreateConsoleKeys(dataDir).privateKeyText);
