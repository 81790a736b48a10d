import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MaintenanceGate } from '../../main/core/maintenance/gate.js';
import { hashPin, newPinProblem, pinHashProblem, verifyPin } from '../../main/core/maintenance/pin.js';
import { openDatabase } from '../../main/core/store/db.js';
import { KeyValueStore } from '../../main/core/store/kv.js';

const hash = hashPin('246810', Buffer.from('fixed-salt-16byt'), 1024);

describe('maintenance PIN', () => {
  it('stores a salted hash that verifies only the right PIN', () => {
    expect(hash).toMatch(/^scrypt\$1024\$/);
    expect(hash).not.toContain('246810');
    expect(verifyPin('246810', hash)).toBe(true);
    expect(verifyPin('246811', hash)).toBe(false);
    expect(hashPin('246810')).not.toBe(hashPin('246810'));
    expect(verifyPin('246810', 'garbage')).toBe(false);
  });

  it('a new PIN has at least 6 digits and is not the shipped default', () => {
    expect(newPinProblem('1357')).toContain('6–12 digits');
    expect(newPinProblem('111111')).toContain('repeat');
    expect(newPinProblem('246810')).toContain('default');
    expect(newPinProblem('135790')).toBeNull();
  });

  it('a stored hash that cannot verify any PIN is found before it is needed', () => {
    expect(pinHashProblem(hash)).toBeNull();
    expect(pinHashProblem(hash.replace('$1024$', '$3$'))).toContain('power of two');
    expect(verifyPin('246810', hash.replace('$1024$', '$3$'))).toBe(false);
  });

  it('locks out after the allowed wrong tries, and the lockout survives a restart', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-'));
    let now = 1_000_000;
    const open = () =>
      new MaintenanceGate(new KeyValueStore(openDatabase(dir)), { pinHash: hash, maxAttempts: 5, lockoutSeconds: 300 }, () => now);
    const gate = open();
    for (let remaining = 4; remaining >= 1; remaining--)
      expect(gate.unlock('0000')).toEqual({ result: 'rejected', remainingAttempts: remaining });
    expect(gate.unlock('0000').result).toBe('lockedOut');
    // even the right PIN is refused while locked, also after a restart
    expect(open().unlock('246810').result).toBe('lockedOut');
    now += 300_001;
    expect(open().unlock('246810')).toEqual({ result: 'unlocked' });
  });

  it('each lockout lasts twice as long as the last, also across restarts, until the right PIN is entered', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-'));
    let now = 1_000_000;
    const open = () =>
      new MaintenanceGate(new KeyValueStore(openDatabase(dir)), { pinHash: hash, maxAttempts: 3, lockoutSeconds: 60 }, () => now);
    const lockOut = () => {
      const gate = open();
      gate.unlock('0000');
      gate.unlock('0000');
      const r = gate.unlock('0000');
      expect(r.result).toBe('lockedOut');
      return Date.parse((r as { retryAt: string }).retryAt) - now;
    };
    expect(lockOut()).toBe(60_000);
    now += 60_001;
    expect(lockOut()).toBe(120_000);
    now += 120_001;
    expect(lockOut()).toBe(240_000);
    // still locked one second before the end, after a restart
    now += 239_000;
    expect(open().unlock('246810').result).toBe('lockedOut');
    now += 1_001;
    expect(open().unlock('246810')).toEqual({ result: 'unlocked' });
    // the right PIN starts the escalation over
    expect(lockOut()).toBe(60_000);
  });

  it('never locks out for more than a day', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gate-'));
    const gate = new MaintenanceGate(new KeyValueStore(openDatabase(dir)), { pinHash: hash, maxAttempts: 3, lockoutSeconds: 3600 });
    expect(gate.lockoutMs(10)).toBe(24 * 3600 * 1000);
  });
});
