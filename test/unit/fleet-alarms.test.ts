import { describe, expect, it } from 'vitest';
import { activeAlarms, DISK_LOW_BYTES } from '../../main/core/fleet/alarms.js';
import type { Presence } from '../../main/core/fleet/protocol.js';

const presence = (over: Partial<Presence> = {}): Presence => ({
  online: true,
  version: '1.0.0',
  catalogVersion: 1,
  outboxDepth: 0,
  unfinishedPayments: 0,
  inSession: false,
  locked: false,
  region: 'r',
  outlet: 'o',
  groups: ['all'],
  devices: { a4: { kind: 'documentPrinter', status: 'online', media: [] } },
  alarms: [],
  since: '2026-11-30T00:00:00Z',
  at: '2026-11-30T00:00:00Z',
  ...over,
});
const keys = (input: Parameters<typeof activeAlarms>[0]) => activeAlarms(input).map((a) => `${a.key}/${a.severity}`);

describe('terminal alarms', () => {
  it('names each device condition with its severity: paper low is a warning, out of paper, jams and offline are critical', () => {
    const p = presence({
      devices: {
        a4: { kind: 'documentPrinter', status: 'online', media: ['paperLow'] },
        receipt: { kind: 'receiptPrinter', status: 'userError', media: ['paperOut', 'paperJam'] },
        idcard: { kind: 'idCardReader', status: 'offline', media: [] },
      },
    });
    expect(keys({ presence: p, outboxTrend: [], diskFreeBytes: null })).toEqual([
      'paperLow:a4/warning',
      'paperOut:receipt/critical',
      'paperJam:receipt/critical',
      'deviceOffline:idcard/critical',
    ]);
  });

  it('raises an outbox backlog only when it kept growing over the window and is not small', () => {
    expect(keys({ presence: presence({ outboxDepth: 9 }), outboxTrend: [3, 5, 9], diskFreeBytes: null })).toEqual([
      'outboxBacklog/warning',
    ]);
    expect(keys({ presence: presence({ outboxDepth: 9 }), outboxTrend: [9, 5, 9], diskFreeBytes: null })).toEqual([]);
    expect(keys({ presence: presence({ outboxDepth: 3 }), outboxTrend: [1, 2, 3], diskFreeBytes: null })).toEqual([]);
  });

  it('raises unresolved payments and low disk', () => {
    expect(keys({ presence: presence({ unfinishedPayments: 1 }), outboxTrend: [], diskFreeBytes: DISK_LOW_BYTES - 1 })).toEqual([
      'paymentUnresolved/critical',
      'diskLow/warning',
    ]);
  });
});
