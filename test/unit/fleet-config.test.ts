import { describe, expect, it } from 'vitest';
import { fleetConfigSchema } from '../../main/core/fleet/config.js';
import { generateSigningKeys } from '../../main/core/fleet/signing.js';

const consoleKey = generateSigningKeys().publicKey;
const base = {
  broker: { url: 'mqtts://broker.example.gov.cn:8883', username: 'T-0001', password: 'secret' },
  consoleKey,
  region: 'zhengzhou',
};

describe('fleet config', () => {
  it('fills the defaults for heartbeat, keep-alive and groups', () => {
    const c = fleetConfigSchema.parse(base);
    expect(c).toMatchObject({ groups: [], keepaliveSeconds: 30, heartbeatSeconds: 60, broker: { rejectUnauthorized: true } });
  });

  it('refuses plain MQTT to another machine (credentials would cross the network in clear)', () => {
    const r = fleetConfigSchema.safeParse({ ...base, broker: { url: 'mqtt://10.0.0.5:1883' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/mqtts/);
    expect(fleetConfigSchema.safeParse({ ...base, broker: { url: 'mqtt://127.0.0.1:1883' } }).success).toBe(true);
  });

  it('refuses a console key that is not an Ed25519 public key, and unknown keys', () => {
    expect(fleetConfigSchema.safeParse({ ...base, consoleKey: 'abc' }).success).toBe(false);
    expect(fleetConfigSchema.safeParse({ ...base, heartbeat: 10 }).success).toBe(false);
  });
});
