import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../support/kiosk-process.js';

const builderConfig = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = builderConfig.electronFuses as Record<string, unknown> | undefined;

/** The fuse names electron-builder passes on to @electron/fuses (any other key is silently ignored). */
function knownFuseNames(): string[] {
  const typings = readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
  const body = /export interface FuseOptionsV1 \{([\s\S]*?)\n\}/.exec(typings)?.[1] ?? '';
  return [...body.matchAll(/^\s{4}(\w+)\?:/gm)].map((m) => m[1]!);
}

describe('Electron fuses in the packaging (electron-builder.yml)', () => {
  it('turns off every way to run other code with the kiosk binary, and turns on cookie encryption and asar checks', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses electron-builder knows (a misspelt one would be dropped without a word)', () => {
    const known = knownFuseNames();
    expect(known).toContain('runAsNode');
    expect(Object.keys(fuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('packs the app into an asar archive, the only place the fuses let it load from', () => {
    expect(builderConfig.asar).toBe(true);
  });
});
