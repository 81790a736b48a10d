import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../devices/core/transports/serial.js';
import { TcpTransport } from '../../devices/core/transports/tcp.js';
import type { DeviceStatus } from '../../devices/core/status.js';
import { Ga467Reader, type IdCardEvent } from '../../devices/id-card/driver.js';
import { idcardEmulator } from '../../emulators/idcard/emulator.js';
import type { EmulatorHandle } from '../../emulators/lib/emulator.js';
import { requirePeer } from '../support/peers.js';

let emu: EmulatorHandle | null = null;
let reader: Ga467Reader | null = null;
afterEach(async () => {
  await reader?.stop();
  await emu?.close();
  reader = null;
  emu = null;
});

async function setup(opts: { tcp?: boolean; withFingerprint?: boolean } = {}) {
  requirePeer('socat', 'socat');
  emu = await idcardEmulator.start({ argv: opts.tcp ? ['--tcp', '0'] : [] });
  const transport = opts.tcp
    ? new TcpTransport({ host: '127.0.0.1', port: Number(emu.address.split(':').pop()) })
    : new SerialTransport({ path: emu.address, baudRate: 115200, presenceCheckMs: 200 });
  reader = new Ga467Reader({ id: 'idcard', transport, pollIntervalMs: 50, commandTimeoutMs: 800, withFingerprint: opts.withFingerprint });
  await reader.start();
  await status((s) => s.state === 'online');
  return { emu, reader };
}

function next<T extends IdCardEvent['type']>(type: T): Promise<Extract<IdCardEvent, { type: T }>> {
  return new Promise((resolve) => {
    const off = reader!.onCard((e) => {
      if (e.type === type) {
        off();
        resolve(e as Extract<IdCardEvent, { type: T }>);
      }
    });
  });
}

function status(pred: (s: DeviceStatus) => boolean): Promise<DeviceStatus> {
  if (pred(reader!.status())) return Promise.resolve(reader!.status());
  return new Promise((resolve) => {
    const off = reader!.onStatus((s) => {
      if (pred(s)) {
        off();
        resolve(s);
      }
    });
  });
}

describe('ID card reader ↔ emulator over a socat pty (serialport)', () => {
  it('reads each persona once, with valid numbers, and reports removal', async () => {
    const { emu, reader } = await setup();
    const cases: [string, string, string | null][] = [
      ['adult', '张伟民', 'resident'],
      ['minority', '阿依古丽·买买提', 'resident'],
      ['hongkong', '陈家明', 'hkMacaoTaiwan'],
      ['foreign2017', '史密斯约翰', 'foreignPermanent2017'],
      ['foreign2023', '玛丽亚', 'foreignPermanent2023'],
    ];
    for (const [persona, name, type] of cases) {
      const presented = next('cardPresented');
      await emu.act('place', persona);
      const { card } = await presented;
      expect([card.identity.name, card.identity.cardType]).toEqual([name, type]);
      expect(card.identity.idNumberValid).not.toBe(false);
      expect(card.photoWlt.length).toBe(1024);
      expect(reader.status().media).toEqual(['cardPresent']);
      const removed = next('cardRemoved');
      await emu.act('remove');
      await removed;
    }
    expect((await status((s) => s.media.length === 0)).state).toBe('online');
  });

  it('does not re-read a card left on the reader', async () => {
    const { emu, reader } = await setup();
    let reads = 0;
    reader.onCard((e) => e.type === 'cardPresented' && reads++);
    const first = next('cardPresented');
    await emu.act('place', 'elderly');
    await first;
    // let the reader poll the same card many more times
    for (let i = 0; i < 10; i++) await reader.exchange('samStatus');
    await new Promise((r) => setTimeout(r, 400));
    expect(reads).toBe(1);
  });

  it('reads the 长期 card and the fingerprint card (30 10, 1024-byte fingerprint)', async () => {
    const { emu } = await setup({ withFingerprint: true });
    let presented = next('cardPresented');
    await emu.act('place', 'longterm');
    expect((await presented).card.identity.validTo).toBe('长期');
    await emu.act('remove');
    await next('cardRemoved');
    presented = next('cardPresented');
    await emu.act('place', 'fingerprint');
    expect((await presented).card.fingerprint.length).toBe(1024);
  });

  it('turns each card fault into the typed error the UI explains', async () => {
    const { emu } = await setup();
    emu.setFault('cardRemovedMidRead', true);
    let failed = next('readFailed');
    await emu.act('place', 'adult');
    expect((await failed).error).toMatchObject({ code: 'userError', messageKey: 'idcard.error.keepStill' });
    emu.setFault('cardRemovedMidRead', false);
    await next('cardRemoved');

    emu.setFault('fakeCard', true);
    failed = next('readFailed');
    await emu.act('place', 'adult');
    expect((await failed).error).toMatchObject({ code: 'userError', messageKey: 'idcard.error.fakeOrDamaged' });
    emu.setFault('fakeCard', false);
    await emu.act('remove');
    await next('cardRemoved');
  });

  it('reports a SAM that is not authorised as a hardware error, and recovers', async () => {
    const { emu } = await setup();
    emu.setFault('samNotAuthorised', true);
    const s = await status((x) => x.state === 'hardwareError');
    expect(s.reasonKey).toBe('idcard.error.readerFault');
    emu.setFault('samNotAuthorised', false);
    await status((x) => x.state === 'online');
  });

  it('goes offline when the SAM falls silent, and back online when it answers', async () => {
    const { emu } = await setup();
    emu.setFault('noAnswer', true);
    expect((await status((x) => x.state === 'offline')).reasonKey).toBe('device.reason.noAnswer');
    emu.setFault('noAnswer', false);
    await status((x) => x.state === 'online');
  });

  it('survives garbage and bad checksums without crashing, then reads normally', async () => {
    const { emu, reader } = await setup();
    emu.setFault('garbage', true);
    expect(await reader.exchange('samStatus')).toMatchObject({ ok: false });
    emu.setFault('garbage', false);
    emu.setFault('badChecksum', true);
    expect(await reader.exchange('samStatus')).toMatchObject({ ok: false, error: { code: 'invalidData' } });
    emu.setFault('badChecksum', false);
    const presented = next('cardPresented');
    await emu.act('place', 'adult');
    expect((await presented).card.identity.name).toBe('张伟民');
  });

  it('recovers from unplug and replug without a restart', async () => {
    const { emu } = await setup();
    await emu.act('unplug');
    await status((s) => s.state === 'offline');
    await emu.act('replug');
    await status((s) => s.state === 'online');
    const presented = next('cardPresented');
    await emu.act('place', 'adult');
    expect((await presented).card.identity.name).toBe('张伟民');
  });

  it('reads the appended address (30 03): none on these cards', async () => {
    const { emu, reader } = await setup();
    const presented = next('cardPresented');
    await emu.act('place', 'adult');
    await presented;
    expect(await reader.readAppendedAddress()).toEqual({ ok: true, value: null });
  });

  it('runs the technician self-test: SAM status, SAM id, test card', async () => {
    const { emu, reader } = await setup();
    await emu.act('place', 'adult');
    const r = await reader.selfTest();
    expect(r.passed).toBe(true);
    expect(r.steps.map((s) => s.name)).toEqual(['samStatus', 'samId', 'readTestCard']);
    expect(r.steps[1]!.detail).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
    expect(JSON.stringify(r)).not.toContain('张伟民');
  });

  it('paces replies at 115200 baud: a text+photo read takes at least its wire time', async () => {
    const { emu } = await setup();
    const presented = next('cardPresented');
    await emu.act('place', 'adult');
    const { card } = await presented;
    const wireMs = (card.bytesExchanged * 10 * 1000) / 115200;
    expect(card.readMs).toBeGreaterThanOrEqual(wireMs * 0.95);
  });
});

describe('ID card reader ↔ emulator over TCP', () => {
  it('reads a card over the TCP transport too', async () => {
    const { emu } = await setup({ tcp: true });
    const presented = next('cardPresented');
    await emu.act('place', 'expired');
    // the expired persona ended years before today, whatever today is
    const validTo = (await presented).card.identity.validTo ?? '';
    expect(validTo < new Date().toISOString().slice(0, 10)).toBe(true);
    expect(validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
