import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../main/core/config/load.js';
import { defaultConfigFile } from '../../main/core/paths.js';

const base = `
terminal: { id: T-01, name: 终端, outlet: 网点 }
maintenance: { pinHash: "scrypt$16384$c2FsdA==$aGFzaA==" }
`;

function problems(text: string) {
  try {
    parseConfig(text, 'test.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

describe('configuration', () => {
  it('accepts the shipped default config (emulators) and fills documented defaults', () => {
    const c = parseConfig(readFileSync(defaultConfigFile, 'utf8'), defaultConfigFile);
    expect(c.terminal.id).toBe('KIOSK-0001');
    expect(c.timeouts.idleSeconds).toBe(60);
    expect(c.timeouts.countdownSeconds).toBe(15);
  });

  it('fills defaults for a minimal config', () => {
    const c = parseConfig(base, 't.yaml');
    expect(c.defaultLanguage).toBe('zh-CN');
    expect(c.languages).toEqual(['zh-CN', 'en']);
    expect(c.terminal.hotline).toBe('12345');
    expect(c.devices).toEqual([]);
  });

  it('names the field and the problem for a wrong type', () => {
    expect(problems(base + 'timeouts: { idleSeconds: "soon" }\n')).toEqual([
      { field: 'timeouts.idleSeconds', message: expect.stringMatching(/number/) },
    ]);
  });

  it('names a missing required field', () => {
    expect(problems('maintenance: { pinHash: "x" }\n').map((p) => p.field)).toContain('terminal');
  });

  it('explains how to make a PIN hash when the hash is malformed', () => {
    const p = problems(base.replace('scrypt$16384$c2FsdA==$aGFzaA==', '1234'));
    expect(p[0]).toEqual({ field: 'maintenance.pinHash', message: expect.stringContaining('pin-hash') });
  });

  it('reports a device with an unknown transport by its index', () => {
    const p = problems(base + 'devices:\n  - { id: idcard, kind: idCardReader, driver: ga467, transport: { type: carrier-pigeon } }\n');
    expect(p[0]!.field).toBe('devices[0].transport.type');
  });

  it('refuses duplicate device ids and a default language that is not enabled', () => {
    const dev = '{ kind: idCardReader, driver: ga467, transport: { type: tcp, port: 9000 }, id: a }';
    const p = problems(base + `languages: [en]\ndevices: [${dev}, ${dev}]\n`);
    expect(p.map((x) => x.field).sort()).toEqual(['defaultLanguage', 'devices[1].id']);
  });

  it('reports YAML syntax errors instead of crashing', () => {
    expect(problems('terminal: [unclosed\n')[0]!.field).toBe('(syntax)');
  });

  it('the platform needs an address (or its emulator) and a secret, and has a sync schedule by default', () => {
    expect(problems(base + 'platform: { secret: long-enough-secret }\n').map((p) => p.field)).toContain('platform.url');
    expect(problems(base + 'platform: { url: "http://p/", secret: short }\n').map((p) => p.field)).toContain('platform.secret');
    const c = parseConfig(base + 'platform: { url: "http://p/", secret: long-enough-secret }\n', 'test.yaml');
    expect(c.platform).toMatchObject({ syncIntervalMinutes: 30, timeoutMs: 10_000 });
    expect(parseConfig(base, 'test.yaml').platform).toBeUndefined();
  });
});
