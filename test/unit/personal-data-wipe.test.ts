import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../devices/core/operation.js';
import { StatusTracker } from '../../devices/core/status-tracker.js';
import { encodeResponse } from '../../devices/id-card/codec.js';
import { FrameSplitter } from '../../devices/id-card/framing.js';
import type { CardRead, IdCardEvent, IdCardReader } from '../../devices/id-card/index.js';
import { ok } from '../../devices/core/result.js';
import { readSocialSecurityCard, type Transmit } from '../../devices/smart-card/read-card.js';
import { RunData, dataKey } from '../../main/core/flows/types.js';
import { IdentityService } from '../../main/core/identity/identity-service.js';
import { createLogger } from '../../main/core/log/logger.js';
import { SessionManager } from '../../main/core/session/session.js';

const isZero = (b: Uint8Array) => b.every((x) => x === 0);

describe('card bytes are zeroed, not just dropped', () => {
  it('the frame splitter zeroes every buffer it lets go of; only the frame it hands out holds the bytes', () => {
    const splitter = new FrameSplitter();
    const frame = encodeResponse(0x90, new Uint8Array(300).fill(0x41));
    const seen: Uint8Array[] = [];
    const spy = splitter as unknown as { replace(next: Uint8Array): void; buffer: Uint8Array };
    const replace = spy.replace.bind(splitter);
    spy.replace = (next) => {
      seen.push(spy.buffer);
      replace(next);
    };
    const junk = Uint8Array.from([1, 2, 3]);
    const out = [...splitter.push(Uint8Array.from([...junk, ...frame.subarray(0, 100)])), ...splitter.push(frame.subarray(100))];
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual(frame);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(isZero)).toBe(true);
  });

  it('run data: a proof PDF kept for a reprint is zeroed when the run is cleared', () => {
    const data = new RunData();
    const pdf = new Uint8Array(64).fill(0x25);
    const preview = new Uint8Array(16).fill(0x25);
    data.set(dataKey<{ caseId: string; pdf: Uint8Array; preview: Uint8Array }>('proof'), { caseId: 'C', pdf, preview });
    data.clear();
    expect(isZero(pdf) && isZero(preview)).toBe(true);
  });

  it("the identity service zeroes the card's photo and fingerprint when the session ends", async () => {
    const tracker = new StatusTracker('idcard', 'idCardReader');
    tracker.set('online');
    const listeners = new Set<(e: IdCardEvent) => void>();
    const reader: IdCardReader = {
      id: 'idcard',
      kind: 'idCardReader',
      capabilities: {},
      start: async () => undefined,
      stop: async () => undefined,
      status: () => tracker.get(),
      onStatus: (l) => tracker.subscribe(l),
      selfTest: async () => ({ deviceId: 'idcard', passed: true, steps: [] }),
      onCard: (l) => (listeners.add(l), () => listeners.delete(l)),
    };
    const session = new SessionManager(
      { idleMs: 60_000, countdownMs: 15_000, maintenanceIdleMs: 300_000 },
      'zh-CN',
      { changed: () => undefined, started: () => undefined, ended: () => undefined },
      systemClock,
    );
    const service = new IdentityService(
      [reader],
      session,
      () => undefined,
      createLogger({ destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    );
    const card = {
      identity: { cardType: 'resident', name: '王秀英', idNumber: '11010519491231002X', idNumberValid: true, validTo: '长期' },
      photoWlt: new Uint8Array(1024).fill(7),
      fingerprint: new Uint8Array(512).fill(7),
      readMs: 1,
      bytesExchanged: 1,
    } as unknown as CardRead;
    for (const l of listeners) l({ type: 'cardPresented', card });
    await Promise.resolve();
    expect(service.applicant()?.name).toBe('王秀英');
    session.end('completed');
    expect(isZero(card.photoWlt) && isZero(card.fingerprint)).toBe(true);
    expect(service.applicant()).toBeNull();
    session.dispose();
  });

  it('the social security card reader zeroes every reply the card gave once the card is decoded', async () => {
    const replies: Uint8Array[] = [];
    const record = (tag: number, v: number[]) => [tag, v.length, ...v];
    const values: Record<number, number[]> = {
      0x07: [...Buffer.from('A12345678')],
      0x08: [...Buffer.from('110105194912310021')],
      0x09: [0xd5, 0xc5, 0xc8, 0xfd],
    };
    const transmit: Transmit = async (apdu) => {
      const tag = apdu[2]!;
      const body = apdu[1] === 0xb2 && values[tag] ? record(tag, values[tag]) : [];
      const reply = Uint8Array.from([...body, 0x90, 0x00]);
      replies.push(reply);
      return ok(reply);
    };
    const r = await readSocialSecurityCard(transmit);
    expect(r).toMatchObject({ ok: true, value: { card: { socialSecurityNumber: '110105194912310021', name: '张三' } } });
    expect(replies.length).toBeGreaterThan(3);
    expect(replies.every(isZero)).toBe(true);
  });
});
