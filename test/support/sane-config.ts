import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requirePeer } from './peers.js';

/**
 * A private SANE configuration (SANE_CONFIG_DIR) loading only the named backends, so scanimage neither probes the
 * machine's scanners nor reads /etc/sane.d. With `esclUrl`, sane-airscan knows one fixed eSCL scanner ("Kiosk
 * Scanner") and does no discovery.
 */
export function privateSaneConfig(backends: ('test' | 'airscan')[], esclUrl?: string): { dir: string; device: string; close(): void } {
  requirePeer('scanimage', 'sane-utils');
  if (
    backends.includes('airscan') &&
    !['/usr/lib/x86_64-linux-gnu/sane', '/usr/lib/aarch64-linux-gnu/sane'].some((d) => existsSync(`${d}/libsane-airscan.so.1`))
  )
    throw new Error('sane-airscan is missing: run "npm run setup:debian" (apt-get install -y sane-airscan)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sane-config-'));
  writeFileSync(path.join(dir, 'dll.conf'), backends.join('\n') + '\n');
  if (esclUrl)
    writeFileSync(path.join(dir, 'airscan.conf'), `[devices]\n"Kiosk Scanner" = ${esclUrl}, eSCL\n\n[options]\ndiscovery = disable\n`);
  return {
    dir,
    device: esclUrl ? `airscan:escl:Kiosk Scanner:${esclUrl}` : 'test',
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
