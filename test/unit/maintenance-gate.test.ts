import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MaintenanceGate } from '../../main/core/maintenance/gate.js';
import { hashPin, verifyPin } from '../../main/core/maintenance/pin.js';
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
});
