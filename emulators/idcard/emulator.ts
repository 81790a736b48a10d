import { flagValue as parseFlag } from '../lib/args.js';
import { openByteLink, type ByteLink } from '../lib/byte-link.js';
import type { EmulatorDefinition, EmulatorHandle } from '../lib/emulator.js';
import { personas } from './personas.js';
import { answer, faultHelp, faultNames, HostFrameReader, type Fault, type SamState } from './sam.js';

/** Writes at the pace of a real line: 10 bits per byte at `baud`, in small chunks, half duplex. */
async function pacedWrite(link: ByteLink, bytes: Uint8Array, baud: number): Promise<void> {
  const bytesPerMs = baud / 10 / 1000;
  const chunk = 64;
  const start = performance.now();
  for (let at = 0; at < bytes.length; at += chunk) {
    const due = start + at / bytesPerMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    await link.write(bytes.subarray(at, at + chunk));
  }
  const end = start + bytes.length / bytesPerMs;
  const wait = end - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
}

export const idcardEmulator: EmulatorDefinition = {
  name: 'idcard',
  summary: 'GA 467 SAM ID card reader (serial pty via socat, or TCP)',
  usage: '[--tcp PORT] [--baud 115200] [--persona ID]   personas: ' + personas.map((p) => p.id).join(', '),
  async start({ port, argv }) {
    const baud = Number(parseFlag(argv, '--baud') ?? 115200);
    const tcpPort = parseFlag(argv, '--tcp') ?? (port !== undefined ? String(port) : undefined);
    const state: SamState = { card: null, faults: new Set<Fault>() };
    const initial = parseFlag(argv, '--persona');
    if (initial) {
      const p = personas.find((x) => x.id === initial);
      if (!p) throw new Error(`unknown persona "${initial}"; known: ${personas.map((x) => x.id).join(', ')}`);
      state.card = p;
    }
    let link: ByteLink | null = null;
    let busy: Promise<void> = Promise.resolve();
    const reader = new HostFrameReader();

    const onBytes = (chunk: Uint8Array) => {
      for (const frame of reader.feed(chunk)) {
        busy = busy.then(async () => {
          let out = answer(frame, state);
          if (!out || !link) return;
          if (state.faults.has('slow')) await new Promise((r) => setTimeout(r, 600));
          if (state.faults.has('garbage')) out = Uint8Array.from({ length: out.length }, () => Math.floor(Math.random() * 256));
          else if (state.faults.has('badChecksum')) {
            out = out.slice();
            out[out.length - 1]! ^= 0x5a;
          }
          await pacedWrite(link, out, baud);
        });
      }
    };

    // --- the line: a socat pty pair (device end opened here), or a TCP port ---
    link = await openByteLink({ name: 'idcard', tcpPort: tcpPort === undefined ? undefined : Number(tcpPort), baud, onBytes });
    const unplug = () => link!.unplug();
    const replug = () => link!.replug();
    return handle(link.address, () => link!.close());

    function handle(addr: string, close: () => Promise<void>): EmulatorHandle {
      let plugged = true;
      return {
        name: 'idcard',
        address: addr,
        faults: faultNames.map((name) => ({ name, help: faultHelp[name] })),
        actions: [
          { name: 'place', help: "place a persona's card on the reader", choices: personas.map((p) => p.id) },
          { name: 'remove', help: 'take the card off the reader' },
          { name: 'unplug', help: "pull the reader's cable (the serial device disappears)" },
          { name: 'replug', help: 'plug the reader back in at the same address' },
        ],
        state: () => ({
          card: state.card?.id ?? null,
          faults: [...state.faults],
          plugged,
          baud,
          personas: personas.map((p) => ({ id: p.id, label: p.label })),
        }),
        setFault(name, on) {
          if (!faultNames.includes(name as Fault)) throw new Error(`unknown fault "${name}"`);
          if (on) state.faults.add(name as Fault);
          else state.faults.delete(name as Fault);
        },
        async act(action, arg) {
          if (action === 'place') {
            const p = personas.find((x) => x.id === arg);
            if (!p) throw new Error(`unknown persona "${arg}"; known: ${personas.map((x) => x.id).join(', ')}`);
            state.card = p;
          } else if (action === 'remove') state.card = null;
          else if (action === 'unplug') {
            plugged = false;
            await unplug();
          } else if (action === 'replug') {
            plugged = true;
            await replug();
          } else throw new Error(`unknown action "${action}"`);
        },
        close: async () => {
          await busy.catch(() => undefined);
          await close();
        },
      };
    }
  },
};
