import { flagValue } from '../lib/args.js';
import { openByteLink, type ByteLink } from '../lib/byte-link.js';
import type { EmulatorDefinition } from '../lib/emulator.js';
import { payerPersonas, paymentCodeFor, sampleNotices } from '../platform/payment-personas.js';

const faults = [
  { name: 'noSuffix', help: 'send codes without the CR suffix (the host must frame by inter-byte silence)' },
  { name: 'trickle', help: 'send a code one byte every 20 ms, as a slow serial line does' },
] as const;
type Fault = (typeof faults)[number]['name'];

const CR = 0x0d;

/** What the scanner would see for an action's argument: a payer's fresh payment code, or a 缴款码 QR. */
function codeText(arg: string | undefined): string {
  if (!arg) throw new Error('name a payer or a 缴款码');
  if (payerPersonas.some((p) => p.name === arg)) return paymentCodeFor(arg);
  if (/^\d{20}$/.test(arg)) return `JKM:${arg}`;
  throw new Error(`unknown payer or 缴款码 "${arg}"`);
}

export const paymentScannerEmulator: EmulatorDefinition = {
  name: 'payment-scanner',
  summary: "2D payment-code scanner: presents payers' payment codes and 缴款码 QR codes (serial pty via socat, or TCP)",
  usage: '[--tcp PORT]   each code is sent as ASCII followed by CR, as scanners in serial (USB-CDC) mode do',
  async start({ port, argv }) {
    const tcp = flagValue(argv, '--tcp') ?? (port !== undefined ? String(port) : undefined);
    const on = new Set<Fault>();
    let link: ByteLink | null = null;
    let reads = 0;
    const triggers: string[] = [];
    link = await openByteLink({
      name: 'payscan',
      tcpPort: tcp === undefined ? undefined : Number(tcp),
      baud: 115200,
      // trigger commands from the host (e.g. 16 54 0D) are recorded for tests; this scanner reads continuously
      onBytes: (b) => triggers.push(Buffer.from(b).toString('hex')),
    });
    const send = async (bytes: Uint8Array) => {
      if (!on.has('trickle')) return link!.write(bytes);
      for (const b of bytes) {
        await link!.write(Uint8Array.of(b));
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const frame = (text: string) => {
      const body = Buffer.from(text, 'ascii');
      return on.has('noSuffix') ? new Uint8Array(body) : new Uint8Array([...body, CR]);
    };
    const choices = [...payerPersonas.map((p) => p.name), ...sampleNotices.map((n) => n.noticeNo)];
    return {
      name: 'payment-scanner',
      address: link.address,
      faults: [...faults],
      actions: [
        { name: 'present', help: "hold a payer's phone (a fresh payment code) or a printed 缴款码 QR to the scanner", choices },
        { name: 'twice', help: 'the same code read twice in a row (a phone held still)', choices },
        { name: 'half', help: 'half of a code, then nothing (the phone pulled away mid-read)', choices },
        { name: 'garbage', help: 'a misread: bytes that are no code' },
        { name: 'unplug', help: "pull the scanner's cable" },
        { name: 'replug', help: 'plug it back in' },
      ],
      state: () => ({ plugged: link!.plugged, faults: [...on], reads, triggers: triggers.slice(-10) }),
      setFault(name, value) {
        if (!faults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        if (value) on.add(name as Fault);
        else on.delete(name as Fault);
      },
      async act(action, arg) {
        if (action === 'unplug') return link!.unplug();
        if (action === 'replug') return link!.replug();
        reads++;
        if (action === 'garbage') return send(Uint8Array.from([0x1b, 0x5d, 0xff, 0x00, 0x7f, 0x31, 0x32, CR]));
        const text = codeText(arg);
        if (action === 'present') return send(frame(text));
        if (action === 'twice') return send(new Uint8Array([...frame(text), ...frame(text)]));
        if (action === 'half') return send(new Uint8Array(Buffer.from(text.slice(0, Math.ceil(text.length / 2)), 'ascii')));
        throw new Error(`unknown action "${action}"`);
      },
      close: () => link!.close(),
    };
  },
};
