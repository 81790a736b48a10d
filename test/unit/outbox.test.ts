import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFile, PayloadCipher } from '../../main/core/outbox/cipher.js';
import { Outbox, type Delivery } from '../../main/core/outbox/outbox.js';
import { openDatabase } from '../../main/core/store/db.js';

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  let now = new Date('2026-11-22T02:00:00Z');
  const db = openDatabase(dir);
  const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
  const outbox = new Outbox(db, cipher, () => now, { firstMs: 1000, maxMs: 60_000 });
  return { dir, db, outbox, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const evaluation = {
  caseId: 'C1',
  matterId: 'sh-kiosk-058',
  level: 2,
  reasons: ['等待时间长'],
  comment: '张三 13812345678',
  evaluatedAt: '2026-11-22T02:00:00Z',
};

describe('outbox state machine', () => {
  it('keeps an entry until it is acknowledged, with growing back-off between failures', async () => {
    const { outbox, advance } = setup();
    outbox.enqueue('evaluation', evaluation);
    const fail: Delivery = { result: 'failed', retry: true, error: 'unreachable' };
    expect(await outbox.deliverDue(async () => fail)).toEqual({ acknowledged: 0, failed: 1 });
    expect(outbox.entries()[0]).toMatchObject({ attempts: 1, lastError: 'unreachable' });
    // not due yet: nothing is sent
    let calls = 0;
    await outbox.deliverDue(async () => (calls++, fail));
    expect(calls).toBe(0);
    advance(1000);
    await outbox.deliverDue(async () => fail);
    const second = new Date(outbox.entries()[0]!.nextAttemptAt).getTime();
    advance(2000);
    const keys: string[] = [];
    expect(
      await outbox.deliverDue(async (_k, p, key) => (keys.push(key), expect(p).toEqual(evaluation), { result: 'acknowledged' })),
    ).toEqual({
      acknowledged: 1,
      failed: 0,
    });
    expect(second).toBeGreaterThan(0);
    expect(outbox.depth()).toBe(0);
    expect(keys).toHaveLength(1);
  });

  it('sends every retry of one entry with the same idempotency key', async () => {
    const { outbox, advance } = setup();
    const entry = outbox.enqueue('evaluation', evaluation);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await outbox.deliverDue(async (_k, _p, key) => (seen.push(key), { result: 'failed', retry: true, error: 'timeout' }));
      advance(60_000);
    }
    expect(new Set(seen)).toEqual(new Set([entry.idempotencyKey]));
  });

  it('a refusal retrying cannot fix waits the longest, and a thrown sender counts as a transient failure', async () => {
    const { outbox } = setup();
    outbox.enqueue('evaluation', evaluation);
    outbox.enqueue('evaluation', evaluation);
    let n = 0;
    await outbox.deliverDue(async () => {
      if (n++ === 0) return { result: 'failed', retry: false, error: 'unauthorized' };
      throw new Error('socket hang up');
    });
    const [a, b] = outbox.entries();
    expect(new Date(a!.nextAttemptAt).getTime() - new Date(b!.nextAttemptAt).getTime()).toBe(59_000);
    expect(b!.lastError).toBe('socket hang up');
  });

  it('stores personal data encrypted, in a key file only its owner can read', async () => {
    const { db, dir, outbox } = setup();
    outbox.enqueue('evaluation', evaluation);
    const raw = (db.prepare('SELECT payload FROM outbox').get() as { payload: Buffer }).payload;
    expect(raw.toString('latin1')).not.toContain('13812345678');
    expect(raw.toString('utf8')).not.toContain('张三');
    expect(statSync(path.join(dir, 'outbox.key')).mode & 0o777).toBe(0o600);
  });

  it('a tampered payload fails to open instead of sending garbage', () => {
    const { dir } = setup();
    const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
    const sealed = cipher.seal('hello');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => cipher.open(sealed)).toThrow();
  });
});
