import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfigOrExit, parseConfig } from '../../main/core/config/load.js';
import { configWarnings } from '../../main/core/config/warnings.js';
import { hashPin } from '../../main/core/maintenance/pin.js';
import { defaultConfigFile } from '../../main/core/paths.js';

const pinHash = hashPin('135790', Buffer.from('fixed-salt-16byt'), 1024);
const base = `
terminal: { id: T-01, name: 终端, outlet: 网点 }
maintenance: { pinHash: "${pinHash}" }
`;
const device = (fields: string) => base + `devices:\n  - { id: d, ${fields} }\n`;

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
    const p = problems(base.replace(pinHash, '1234'));
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
    expect(problems(base + 'platform: { url: "https://p.example/", secret: short }\n').map((p) => p.field)).toContain('platform.secret');
    const c = parseConfig(base + 'platform: { url: "https://p.example/", secret: long-enough-secret }\n', 'test.yaml');
    expect(c.platform).toMatchObject({ syncIntervalMinutes: 30, timeoutMs: 10_000 });
    expect(parseConfig(base, 'test.yaml').platform).toBeUndefined();
  });
});

describe('configuration mistakes are refused with the field named', () => {
  it('an unknown key, with the field that was probably meant', () => {
    expect(problems(base + 'timeout: { idleSeconds: 30 }\n')).toEqual([
      { field: 'timeout', message: expect.stringContaining('did you mean "timeouts"') },
    ]);
    expect(problems(base + 'timeouts: { idleSecs: 30 }\n')[0]!.field).toBe('timeouts.idleSecs');
    // nothing close: the message lists what is allowed there
    expect(problems(base + 'colour: red\n')[0]!.message).toContain('allowed here: terminal, languages');
  });

  it("a misspelt driver option (pollIntervalMS), and another driver's option", () => {
    const reader = 'kind: idCardReader, driver: ga467, transport: { type: tcp, port: 9000 }';
    expect(problems(device(`${reader}, pollIntervalMS: 300`))).toEqual([
      { field: 'devices[0].pollIntervalMS', message: expect.stringContaining('did you mean "pollIntervalMs"') },
    ]);
    const receipt = 'kind: receiptPrinter, driver: escpos, transport: { type: tcp, port: 9100 }';
    expect(problems(device(`${receipt}, withFingerprint: true`))).toEqual([
      { field: 'devices[0].withFingerprint', message: expect.stringContaining('for a escpos device') },
    ]);
    expect(problems(device(`${receipt}, encoding: big5`))[0]!.field).toBe('devices[0].encoding');
  });

  it('an unknown driver, naming the drivers this kiosk has', () => {
    expect(problems(device('kind: idCardReader, driver: ga476, transport: { type: tcp, port: 9000 }'))).toEqual([
      {
        field: 'devices[0].driver',
        message: 'unknown driver "ga476"; this kiosk has: escl, escpos, ga467, ipp, payment-scanner, sane, ssse-pcsc',
      },
    ]);
  });

  it('a driver of another kind, and a transport the driver cannot use', () => {
    const p = problems(device('kind: certificatePrinter, driver: escpos, transport: { type: pcsc, reader: R }'));
    expect(p.map((x) => x.field).sort()).toEqual(['devices[0].kind', 'devices[0].transport.type']);
    expect(p.find((x) => x.field === 'devices[0].kind')!.message).toContain('drives a receiptPrinter');
  });

  it("validates each driver's own options and fills its defaults", () => {
    const c = parseConfig(
      device('kind: receiptPrinter, driver: escpos, transport: { type: tcp, port: 9100 }, encoding: gbk, cjkMode: false'),
      't.yaml',
    );
    expect(c.devices[0]).toMatchObject({ id: 'd', driver: 'escpos', enabled: true });
    expect(c.devices[0]!.options).toEqual({ pollIntervalMs: 3000, commandTimeoutMs: 1500, encoding: 'gbk', cjkMode: false });
    const reader = parseConfig(device('kind: idCardReader, driver: ga467, transport: { type: tcp, port: 9000 }'), 't.yaml');
    expect(reader.devices[0]!.options).toEqual({ pollIntervalMs: 500, commandTimeoutMs: 1500, withFingerprint: false });
  });

  it('a platform that is not an object is refused, not a crash', () => {
    expect(problems(base + 'platform: null\n')[0]!.field).toBe('platform');
  });

  it('platform "url" and "emulator" together', () => {
    expect(problems(base + 'platform: { url: "https://p.example/", emulator: platform, secret: long-enough-secret }\n')).toEqual([
      { field: 'platform.emulator', message: expect.stringContaining('not both') },
    ]);
  });

  it('a platform address that is not https (plain http only to this machine, for an emulator)', () => {
    for (const url of ['ftp://p.example/', 'file:///etc/passwd', 'http://platform.example.gov.cn/'])
      expect(problems(base + `platform: { url: "${url}", secret: long-enough-secret }\n`)).toEqual([
        { field: 'platform.url', message: expect.stringContaining('https') },
      ]);
    const local = parseConfig(base + 'platform: { url: "http://127.0.0.1:8080/", secret: long-enough-secret }\n', 't.yaml');
    expect(configWarnings(local)).toEqual([{ field: 'platform.url', message: expect.stringContaining('only to this machine') }]);
  });

  it('a PIN hash whose scrypt parameters could never verify a PIN (maintenance would be unreachable)', () => {
    const [, , salt, hash] = pinHash.split('$');
    for (const cost of ['3', '1000', '1048576'])
      expect(problems(base.replace(pinHash, `scrypt$${cost}$${salt}$${hash}`))).toEqual([
        { field: 'maintenance.pinHash', message: expect.stringMatching(/scrypt|cost/) },
      ]);
    expect(problems(base.replace(pinHash, `scrypt$1024$${salt}$aGFzaA==`))[0]!.field).toBe('maintenance.pinHash');
  });

  it('gives the whole YAML error: where the file is broken and the excerpt', () => {
    const [p] = problems('terminal:\n  id: T-01\n  name: "unterminated\nmaintenance: {}\n');
    expect(p!.field).toBe('(syntax)');
    expect(p!.message).toMatch(/line \d+, column \d+/);
    expect(p!.message.split('\n').length).toBeGreaterThan(1);
  });

  it('warns when the shipped default maintenance PIN is in use', () => {
    const shipped = parseConfig(readFileSync(defaultConfigFile, 'utf8'), defaultConfigFile);
    expect(configWarnings(shipped)).toEqual([
      { field: 'maintenance.pinHash', message: expect.stringContaining('default maintenance PIN') },
    ]);
    expect(configWarnings(parseConfig(base, 't.yaml'))).toEqual([]);
  });

  it('says so loudly at every start while the shipped PIN is in use', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      loadConfigOrExit(defaultConfigFile, defaultConfigFile);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/\*\*\* WARNING .*maintenance\.pinHash: this is the shipped default maintenance PIN/);
  });
});
