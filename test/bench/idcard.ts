import { SerialTransport } from '../../devices/core/transports/serial.js';
import { Ga467Reader, type CardRead } from '../../devices/id-card/driver.js';
import { idcardEmulator } from '../../emulators/idcard/emulator.js';

/**
 * Time from "card presented" (the find-card exchange that sees it) to identity decoded in the core, over the
 * emulator at 115200 baud through a real pty, as a ratio to the pure wire time of the bytes exchanged
 * (10 bits per byte): the physical floor, measured in the same run. Target ≤ 1.3×.
 */
export async function benchIdCard(rounds = 25): Promise<{ ratioP50: number; ratioP95: number }> {
  const baud = 115200;
  const emu = await idcardEmulator.start({ argv: ['--baud', String(baud)] });
  const reader = new Ga467Reader({
    id: 'bench',
    transport: new SerialTransport({ path: emu.address, baudRate: baud }),
    pollIntervalMs: 20,
  });
  const reads: CardRead[] = [];
  await reader.start();
  const personas = ['adult', 'elderly', 'minority', 'hongkong', 'foreign2023'];
  for (let i = 0; i < rounds; i++) {
    const presented = new Promise<CardRead>((resolve) => {
      const off = reader.onCard((e) => e.type === 'cardPresented' && (off(), resolve(e.card)));
    });
    await emu.act('place', personas[i % personas.length]);
    reads.push(await presented);
    const removed = new Promise<void>((resolve) => {
      const off = reader.onCard((e) => e.type === 'cardRemoved' && (off(), resolve()));
    });
    await emu.act('remove');
    await removed;
  }
  await reader.stop();
  await emu.close();
  const ratios = reads.map((r) => r.readMs / ((r.bytesExchanged * 10 * 1000) / baud)).sort((a, b) => a - b);
  const pct = (p: number) => ratios[Math.min(ratios.length - 1, Math.floor(p * ratios.length))]!;
  const ms = reads.map((r) => r.readMs).sort((a, b) => a - b);
  const wire = (reads[0]!.bytesExchanged * 10 * 1000) / baud;
  console.log(`idcard: ${rounds} reads at ${baud} baud, ${reads[0]!.bytesExchanged} bytes on the wire per read`);
  console.log(`  wire time (physical floor): ${wire.toFixed(1)} ms`);
  console.log(`  card presented → identity:  p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, max ${ms[ms.length - 1]!.toFixed(1)} ms`);
  console.log(`  ratio to wire time:         p50 ${pct(0.5).toFixed(3)}×, p95 ${pct(0.95).toFixed(3)}×  (target ≤ 1.3×)`);
  return { ratioP50: pct(0.5), ratioP95: pct(0.95) };
}
