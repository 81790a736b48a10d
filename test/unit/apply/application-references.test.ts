import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config/load.js';
import { hashPin } from '../../../main/core/maintenance/pin.js';
import { ApplicationStore } from '../../../main/core/apply/application-store.js';
import { KeyFile, PayloadCipher } from '../../../main/core/outbox/cipher.js';
import { openOutboxDatabase } from '../../../main/core/outbox/outbox-db.js';
import { Outbox } from '../../../main/core/outbox/outbox.js';
import type { Db } from '../../../main/core/store/db.js';
import { persona, residencePermitDraft } from '../../support/apply-drafts.js';

/** The reference rows of applications saved at this terminal: found by card holder, by local reference, removed in time. */
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function storeAt(dir: string, clock: { now: Date }, retentionDays = 30) {
  const { db } = openOutboxDatabase(dir);
  opened.push(db);
  const cipher = new PayloadCipher(new KeyFile(path.join(dir, 'outbox.key')));
  return { db, store: new ApplicationStore(db, new Outbox(db, cipher), cipher, () => clock.now, retentionDays) };
}

const adult = persona('adult');
const minimalConfig = `terminal: { id: T-01, name: 终端, outlet: 网点 }\nmaintenance: { pinHash: "${hashPin('246810', Buffer.from('fixed-salt-16byt'), 1024)}" }\n`;
const draftFor = (idNumber: string, name = adult.name) => {
  const d = residencePermitDraft();
  d.applicant = { name, idNumber };
  return d;
};
const settled = (saved: ReturnType<ApplicationStore['save']>) => ({
  localReference: saved.localReference,
  idempotencyKey: saved.idempotencyKey,
  matterId: saved.stored.matterId,
  savedAt: saved.stored.savedAt,
});

describe('applications held for a card holder', () => {
  it('lists the holder’s waiting and refused applications, newest first, and not other people’s or delivered ones', () => {
    const clock = { now: new Date('2026-11-30T02:00:00Z') };
    const { store } = storeAt(mkdtempSync(path.join(os.tmpdir(), 'refs-')), clock);
    const waiting = store.save(draftFor(adult.idNumber));
    clock.now = new Date('2026-11-30T02:10:00Z');
    const refused = store.save(draftFor(adult.idNumber));
    clock.now = new Date('2026-11-30T02:20:00Z');
    const delivered = store.save(draftFor(adult.idNumber));
    store.save(draftFor('110101199003074514', '王五'));
    store.recordRefused(settled(refused), '居住登记信息与申请不符');
    store.recordAccepted(settled(delivered), {
      caseNumber: '31010620261130000001',
      queryCode: 'Q1W2E3',
      status: 'accepted',
      promisedDate: null,
      delivery: null,
    } as never);

    // the card gives the number with a capital X or not, as typed by whoever made the card
    const held = store.forHolder(adult.idNumber.toLowerCase());
    expect(held.map((h) => [h.localReference, h.outcome])).toEqual([
      [refused.localReference, 'refused'],
      [waiting.localReference, 'queued'],
    ]);
    expect(held[0]).toMatchObject({ matterId: 'sh-kiosk-112', message: '居住登记信息与申请不符' });
    expect(held[1]).toMatchObject({ savedAt: '2026-11-30T02:00:00.000Z' });
    expect(store.forHolder('110101199003070000')).toEqual([]);
  });

  it('a local reference answers waiting, delivered (case number and query code) or refused, typed in any case', () => {
    const clock = { now: new Date('2026-11-30T02:00:00Z') };
    const { store } = storeAt(mkdtempSync(path.join(os.tmpdir(), 'refs-')), clock);
    const a = store.save(draftFor(adult.idNumber));
    expect(store.lookup(` ${a.localReference.toLowerCase()} `)).toMatchObject({ outcome: 'queued', matterId: 'sh-kiosk-112' });
    store.recordAccepted(settled(a), { caseNumber: '31010620261130000002', queryCode: 'ZX9Y8W' } as never);
    expect(store.lookup(a.localReference)).toMatchObject({ outcome: 'accepted', caseNumber: '31010620261130000002', queryCode: 'ZX9Y8W' });
    expect(store.lookup('ZD0000000000')).toBeNull();
  });

  it('keeps neither the ID number nor the name in clear anywhere in the database files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'refs-'));
    const clock = { now: new Date('2026-11-30T02:00:00Z') };
    const { db, store } = storeAt(dir, clock);
    const a = store.save(draftFor(adult.idNumber));
    store.recordRefused(settled(a), '不予受理');
    store.save(draftFor(adult.idNumber));
    expect(store.forHolder(adult.idNumber)).toHaveLength(2);
    const holderKeys = db.prepare('SELECT DISTINCT holder_key FROM application_reference').pluck().all() as string[];
    expect(holderKeys).toHaveLength(1);
    expect(holderKeys[0]).toMatch(/^[0-9a-f]{64}$/);

    const files = readdirSync(dir).filter((f) => f.startsWith('outbox.sqlite'));
    expect(files).toContain('outbox.sqlite');
    const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(dir, f))));
    for (const needle of [adult.idNumber, adult.idNumber.slice(0, 14), adult.name])
      for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(needle, encoding))).toBe(false);
  });

  it('another terminal (another key) does not find the holder by the same number', () => {
    const clock = { now: new Date('2026-11-30T02:00:00Z') };
    const one = storeAt(mkdtempSync(path.join(os.tmpdir(), 'refs-')), clock);
    const two = storeAt(mkdtempSync(path.join(os.tmpdir(), 'refs-')), clock);
    one.store.save(draftFor(adult.idNumber));
    two.store.save(draftFor(adult.idNumber));
    const key = (db: Db) => db.prepare('SELECT holder_key FROM application_reference').pluck().get();
    expect(key(one.db)).not.toBe(key(two.db));
  });
});

describe('the keyed hash', () => {
  it('is stable for one key and purpose, differs by purpose, and uses SM3 under the sm suite', () => {
    const keys = { key: () => Buffer.alloc(32, 7) };
    const aes = new PayloadCipher(keys);
    const sm = new PayloadCipher(keys, 'sm');
    expect(aes.lookupHash('application-holder', adult.idNumber)).toBe(aes.lookupHash('application-holder', adult.idNumber));
    expect(aes.lookupHash('application-holder', adult.idNumber)).not.toBe(aes.lookupHash('other', adult.idNumber));
    expect(sm.lookupHash('application-holder', adult.idNumber)).toMatch(/^[0-9a-f]{64}$/);
    expect(sm.lookupHash('application-holder', adult.idNumber)).not.toBe(aes.lookupHash('application-holder', adult.idNumber));
  });
});

describe('retention of reference rows', () => {
  it('removes delivered and refused rows once the retention period has passed, never a waiting one', () => {
    const clock = { now: new Date('2026-11-01T02:00:00Z') };
    const { store } = storeAt(mkdtempSync(path.join(os.tmpdir(), 'refs-')), clock, 10);
    const waiting = store.save(draftFor(adult.idNumber));
    const delivered = store.save(draftFor(adult.idNumber));
    const refused = store.save(draftFor(adult.idNumber));
    store.recordAccepted(settled(delivered), { caseNumber: '31010620261101000003', queryCode: 'AB12CD' } as never);
    store.recordRefused(settled(refused), '材料不全');

    clock.now = new Date('2026-11-11T01:59:00Z'); // 9 days 23 h 59 min after settling: still kept
    expect(store.lookup(delivered.localReference)?.outcome).toBe('accepted');
    expect(
      store
        .forHolder(adult.idNumber)
        .map((h) => h.outcome)
        .sort(),
    ).toEqual(['queued', 'refused']);

    clock.now = new Date('2026-11-11T02:01:00Z');
    expect(store.lookup(delivered.localReference)).toBeNull();
    expect(store.lookup(refused.localReference)).toBeNull();
    expect(store.forHolder(adult.idNumber).map((h) => h.localReference)).toEqual([waiting.localReference]);

    clock.now = new Date('2027-06-01T00:00:00Z'); // a waiting application is never dropped, however long the platform is away
    expect(store.lookup(waiting.localReference)?.outcome).toBe('queued');
  });

  it('the retention period is the config’s applications.referenceRetentionDays, 30 days by default', () => {
    expect(parseConfig(minimalConfig, 't.yaml').applications.referenceRetentionDays).toBe(30);
    expect(parseConfig(`${minimalConfig}applications: { referenceRetentionDays: 7 }\n`, 't.yaml').applications.referenceRetentionDays).toBe(
      7,
    );
    expect(() => parseConfig(`${minimalConfig}applications: { referenceRetentionDays: 0 }\n`, 't.yaml')).toThrow();
  });
});
