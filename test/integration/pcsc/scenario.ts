/**
 * Runs inside a private namespace with a real pcscd + vpcd (see test/support/pcsc-namespace.sh): the smart-card
 * emulator plugs into vpcd, the kiosk's reader talks to pcscd through pcsclite. Prints one JSON object of results.
 */
import { PcscTransport } from '../../../devices/core/transports/pcsc.js';
import type { DeviceStatus } from '../../../devices/core/status.js';
import { SocialSecurityCardReader, type SocialSecurityEvent } from '../../../devices/smart-card/driver.js';
import { smartcardEmulator } from '../../../emulators/smartcard/emulator.js';

const reader = new SocialSecurityCardReader({ id: 'sscard', transport: new PcscTransport('Virtual PCD 00 00'), retryMs: 500 });
const emu = await smartcardEmulator.start({ argv: [] });
const results: Record<string, unknown> = {};

const next = <T extends SocialSecurityEvent['type']>(type: T) =>
  new Promise<Extract<SocialSecurityEvent, { type: T }>>((resolve) => {
    const off = reader.onCard((e) => e.type === type && (off(), resolve(e as Extract<SocialSecurityEvent, { type: T }>)));
  });
const statusIs = (pred: (s: DeviceStatus) => boolean) =>
  new Promise<DeviceStatus>((resolve) => {
    if (pred(reader.status())) return resolve(reader.status());
    const off = reader.onStatus((s) => pred(s) && (off(), resolve(s)));
  });
const withTimeout = <T>(p: Promise<T>, what: string, ms = 10_000) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`timed out: ${what}`)), ms))]);

try {
  await reader.start();
  results.online = (
    await withTimeout(
      statusIs((s) => s.state === 'online'),
      'reader online',
    )
  ).state;

  let presented = next('cardPresented');
  await emu.act('insert', 'gen2');
  const gen2 = await withTimeout(presented, 'gen2 read');
  results.gen2 = { kind: gen2.read.kind, card: gen2.read.card, readMs: gen2.readMs };
  results.mediaWithCard = reader.status().media;
  results.selfTest = await reader.selfTest();
  let removed = next('cardRemoved');
  await emu.act('remove');
  await withTimeout(removed, 'gen2 removed');

  presented = next('cardPresented');
  await emu.act('insert', 'gen3');
  const gen3 = await withTimeout(presented, 'gen3 read');
  results.gen3 = { kind: gen3.read.kind, card: gen3.read.card, detail: gen3.read.kind === 'authRequired' ? gen3.read.detail : null };
  removed = next('cardRemoved');
  await emu.act('remove');
  await withTimeout(removed, 'gen3 removed');

  emu.setFault('removedMidRead', true);
  const failed = next('readFailed');
  await emu.act('insert', 'gen2');
  results.removedMidRead = (await withTimeout(failed, 'removed mid-read')).error;
  emu.setFault('removedMidRead', false);
  await emu.act('remove');
} catch (e) {
  results.error = (e as Error).message;
} finally {
  await emu.close();
  await reader.stop();
  process.stdout.write(JSON.stringify(results) + '\n');
  process.exit(0);
}
