import { describe, expect, it } from 'vitest';
import { createKioskDispatcher } from '../../main/bridge/handlers/index.js';
import { createTestKiosk } from '../support/core.js';

describe('rejected bridge messages in the audit log', () => {
  it('a client sending garbage in a loop makes one row per kind (per minute) with a count, and one log line each', async () => {
    const { kiosk, logs } = createTestKiosk();
    const dispatch = createKioskDispatcher(kiosk);
    const before = kiosk.audit.latest(1000).length;
    for (let i = 0; i < 300; i++) await dispatch({ kind: 'request', id: i, method: 'no.such.method', params: {} });
    for (let i = 0; i < 200; i++) await dispatch({ kind: 'request', id: i, method: 'session.start', params: { trigger: 42 } });
    kiosk.stores.rejections.flush();
    const rows = kiosk.audit.ofTypes(['bridge.rejected'], 100);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.detail.count).sort()).toEqual([200, 300]);
    expect(kiosk.audit.latest(1000).length - before).toBe(2);
    expect(logs.filter((l) => l.includes('bridge message rejected'))).toHaveLength(2);
    await kiosk.stop();
  });
});
