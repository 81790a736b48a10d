import { idcardEmulator } from '../emulators/idcard/emulator.js';
import { Ga467Reader } from '../devices/id-card/driver.js';
import { SerialTransport } from '../devices/core/transports/serial.js';
const emu = await idcardEmulator.start({ argv: [] });
console.log('addr', emu.address);
const r = new Ga467Reader({ id: 'idcard', transport: new SerialTransport({ path: emu.address, baudRate: 115200 }), pollIntervalMs: 100 });
r.onStatus((s) => console.log('status', s.state, s.media, s.reasonKey));
r.onCard((e) =>
  console.log(
    'card',
    e.type,
    e.type === 'cardPresented'
      ? [e.card.identity.name, e.card.identity.idNumber, e.card.identity.idNumberValid, e.card.readMs, e.card.bytesExchanged]
      : e.type === 'readFailed'
        ? e.error
        : '',
  ),
);
await r.start();
await new Promise((res) => setTimeout(res, 300));
await emu.act('place', 'adult');
await new Promise((res) => setTimeout(res, 600));
console.log(await r.selfTest());
await emu.act('remove');
await new Promise((res) => setTimeout(res, 300));
emu.setFault('cardRemovedMidRead', true);
await emu.act('place', 'elderly');
await new Promise((res) => setTimeout(res, 500));
emu.setFault('cardRemovedMidRead', false);
await emu.act('unplug');
await new Promise((res) => setTimeout(res, 1500));
await emu.act('replug');
await emu.act('place', 'foreign2023');
await new Promise((res) => setTimeout(res, 2500));
await r.stop();
await emu.close();
