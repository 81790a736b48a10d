import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceError } from '../../devices/core/errors.js';
import { systemClock } from '../../devices/core/operation.js';
import { StatusTracker } from '../../devices/core/status-tracker.js';
import type { CardRead, IdCardEvent, IdCardReader } from '../../devices/id-card/index.js';
import type { SmartCardReader, SocialSecurityEvent } from '../../devices/smart-card/index.js';
import { emptyCard } from '../../devices/smart-card/records.js';
import { IdentityService, type IdentitySnapshot } from '../../main/core/identity/identity-service.js';
import { createLogger } from '../../main/core/log/logger.js';
import { SessionManager } from '../../main/core/session/session.js';
import { Writable } from 'node:stream';

function fakeReader() {
  const tracker = new StatusTracker('idcard', 'idCardReader');
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
  return { reader, tracker, emit: (e: IdCardEvent) => listeners.forEach((l) => l(e)) };
}

const card = (over: Partial<CardRead['identity']> = {}): CardRead => ({
  identity: {
    cardType: 'resident',
    name: '王秀英',
    englishName: null,
    genderCode: '2',
    gender: 'female',
    nationCode: '01',
    nation: '汉',
    birthDate: '1942-08-20',
    address: '上海市黄浦区示例路88弄6号',
    idNumber: '11010519491231002X',
    idNumberValid: true,
    issuer: 'x',
    validFrom: '2012-03-15',
    validTo: '2032-03-15',
    passNumber: null,
    issueCount: null,
    nationality: null,
    renewalCount: null,
    cardVersion: null,
    authorityCode: null,
    ...over,
  },
  photoWlt: new Uint8Array(1024),
  fingerprint: new Uint8Array(0),
  readMs: 120,
  bytesExchanged: 1334,
});

let logs = '';
function fakeSsReader() {
  const tracker = new StatusTracker('sscard', 'smartCardReader');
  const listeners = new Set<(e: SocialSecurityEvent) => void>();
  const reader: SmartCardReader = {
    id: 'sscard',
    kind: 'smartCardReader',
    capabilities: {},
    start: async () => undefined,
    stop: async () => undefined,
    status: () => tracker.get(),
    onStatus: (l) => tracker.subscribe(l),
    selfTest: async () => ({ deviceId: 'sscard', passed: true, steps: [] }),
    onCard: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  return { reader, tracker, emit: (e: SocialSecurityEvent) => listeners.forEach((l) => l(e)) };
}

function setup() {
  const { reader, tracker, emit } = fakeReader();
  const ss = fakeSsReader();
  tracker.set('online');
  const published: IdentitySnapshot[] = [];
  const session = new SessionManager(
    { idleMs: 60_000, countdownMs: 15_000, maintenanceIdleMs: 300_000 },
    'zh-CN',
    { changed: () => undefined, started: () => undefined, ended: () => undefined },
    systemClock,
  );
  const log = createLogger({ destination: new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }) });
  const service: IdentityService = new IdentityService(
    [reader],
    session,
    (s) => published.push(s),
    log,
    null,
    () => '2026-11-21',
    [ss.reader],
  );
  return { service, session, emit, tracker, published, ss };
}

describe('identity service', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a card on the attract screen starts a session and the summary carries no full number or address', async () => {
    const { service, session, emit } = setup();
    emit({ type: 'cardDetected' });
    expect(session.snapshot().phase).toBe('active');
    expect(service.snapshot().state).toBe('reading');
    emit({ type: 'cardPresented', card: card() });
    await vi.advanceTimersByTimeAsync(0);
    const snap = service.snapshot();
    expect(snap).toMatchObject({ state: 'read', person: { name: '王秀英', maskedIdNumber: '1101**********002X', age: 84, photo: null } });
    expect(JSON.stringify(snap)).not.toContain('11010519491231002X');
    expect(JSON.stringify(snap)).not.toContain('黄浦');
    expect(service.currentCard()?.identity.idNumber).toBe('11010519491231002X');
    expect(logs).not.toContain('11010519491231002X');
  });

  it('refuses expired cards and bad check digits without keeping them', async () => {
    const { service, emit } = setup();
    emit({ type: 'cardPresented', card: card({ validTo: '2020-01-01' }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.snapshot()).toMatchObject({ state: 'rejected', person: null, messageKey: 'identify.error.expired' });
    expect(service.currentCard()).toBeUndefined();
    emit({ type: 'cardRemoved' });
    expect(service.snapshot()).toMatchObject({ state: 'waiting', messageKey: 'identify.error.expired' });
    emit({ type: 'cardPresented', card: card({ idNumberValid: false }) });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.snapshot().messageKey).toBe('identify.error.badNumber');
  });

  it("reports read failures with the driver's message, and a card removed mid-read", () => {
    const { service, emit } = setup();
    emit({ type: 'cardDetected' });
    emit({ type: 'readFailed', error: deviceError('userError', 'SW3 32', 'idcard.error.fakeOrDamaged') });
    expect(service.snapshot()).toMatchObject({ state: 'error', messageKey: 'idcard.error.fakeOrDamaged' });
    emit({ type: 'cardRemoved' });
    emit({ type: 'cardDetected' });
    emit({ type: 'cardRemoved' });
    expect(service.snapshot()).toMatchObject({ state: 'removed', messageKey: 'identify.error.keepStill' });
  });

  it('follows the reader going offline and back, apart from the social security reader', () => {
    const { service, tracker, ss } = setup();
    ss.tracker.set('online');
    tracker.set('offline', { reasonKey: 'device.reason.disconnected' });
    expect(service.snapshot()).toMatchObject({ readerAvailable: false, socialSecurityAvailable: true });
    tracker.set('online');
    expect(service.snapshot().readerAvailable).toBe(true);
  });

  it('forgets everything when the session ends', async () => {
    const { service, session, emit } = setup();
    emit({ type: 'cardPresented', card: card() });
    await vi.advanceTimersByTimeAsync(0);
    session.end('canceled');
    expect(service.currentCard()).toBeUndefined();
    expect(service.snapshot()).toMatchObject({ state: 'waiting', person: null });
  });

  it('ignores cards in maintenance mode (technicians test readers without starting a resident session)', async () => {
    const { service, session, emit } = setup();
    session.start('maintenance');
    emit({ type: 'cardPresented', card: card() });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.snapshot().state).toBe('waiting');
    expect(session.snapshot().mode).toBe('maintenance');
  });

  it('accepts a complete social security card and refuses one that needs PSAM authentication', () => {
    const { service, session, ss } = setup();
    ss.tracker.set('online');
    expect(service.snapshot().socialSecurityAvailable).toBe(true);
    const card = {
      ...emptyCard(),
      name: '王秀英',
      socialSecurityNumber: '310101194208200048',
      birthDate: '1942-08-20',
      expiryDate: '2030-01-01',
      specVersion: '2.00',
    };
    ss.emit({ type: 'cardPresented', read: { kind: 'complete', card }, readMs: 20 });
    expect(session.snapshot().phase).toBe('active');
    expect(service.snapshot()).toMatchObject({
      state: 'read',
      person: { cardType: 'socialSecurity', name: '王秀英', maskedIdNumber: '3101**********0048', age: 84 },
    });
    ss.emit({ type: 'cardRemoved' });
    ss.emit({
      type: 'cardPresented',
      read: { kind: 'authRequired', card: { ...emptyCard(), specVersion: '3.00' }, detail: '6982' },
      readMs: 20,
    });
    expect(service.snapshot()).toMatchObject({ state: 'rejected', messageKey: 'identify.error.ssAuthRequired', person: null });
  });
});

describe('a card the reader will not read again (issue 9 #6)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a card left on the reader from the last session: the next session asks to lift and replace it, then reads it', async () => {
    const { service, session, emit } = setup();
    emit({ type: 'cardDetected' });
    emit({ type: 'cardPresented', card: card() });
    await vi.advanceTimersByTimeAsync(0);
    session.end('timeout');
    session.start('touch');
    expect(service.snapshot()).toMatchObject({ state: 'waiting', person: null, cardOnReader: true, messageKey: 'identify.liftAndReplace' });
    emit({ type: 'cardRemoved' });
    expect(service.snapshot()).toMatchObject({ state: 'waiting', cardOnReader: false, messageKey: null });
    emit({ type: 'cardDetected' });
    emit({ type: 'cardPresented', card: card() });
    await vi.advanceTimersByTimeAsync(0);
    expect(service.snapshot()).toMatchObject({ state: 'read', person: { name: '王秀英' } });
  });

  it('keeps saying "reading" while the driver retries, and asks to lift and replace once it gives up on the card', () => {
    const { service, emit, tracker } = setup();
    tracker.set('busy', { media: ['cardPresent'] });
    emit({ type: 'cardDetected' });
    emit({ type: 'readFailed', error: deviceError('userError', 'SW3 41', 'idcard.error.keepStill') });
    expect(service.snapshot()).toMatchObject({ state: 'reading', messageKey: null });
    tracker.set('online', { media: ['cardPresent'] });
    emit({ type: 'readFailed', error: deviceError('userError', 'SW3 41', 'idcard.error.keepStill') });
    expect(service.snapshot()).toMatchObject({ state: 'error', cardOnReader: true, messageKey: 'identify.liftAndReplace' });
    emit({ type: 'cardRemoved' });
    expect(service.snapshot()).toMatchObject({ state: 'waiting', cardOnReader: false, messageKey: null });
  });

  it('a fake card that failed for good keeps its own message: lifting it would not help', () => {
    const { service, emit } = setup();
    emit({ type: 'cardDetected' });
    emit({ type: 'readFailed', error: deviceError('userError', 'SW3 32', 'idcard.error.fakeOrDamaged') });
    expect(service.snapshot()).toMatchObject({ state: 'error', messageKey: 'idcard.error.fakeOrDamaged' });
  });
});
