import net from 'node:net';
import type { EmulatorDefinition, EmulatorHandle } from '../lib/emulator.js';
import { ATR, CardSession, ssPersonas, type SsPersona } from './card.js';

/**
 * A social security card for the real PC/SC stack: connects to the vsmartcard vpcd driver inside pcscd
 * (TCP, 2-byte big-endian length prefix; 1-byte control messages 00 off, 01 on, 02 reset, 04 ATR; anything else an APDU).
 * Inserting the card = connecting; removing = closing the socket.
 */
const faults = [{ name: 'removedMidRead', help: 'the card is pulled out while the holder record (EF06) is being read' }];

export const smartcardEmulator: EmulatorDefinition = {
  name: 'smartcard',
  summary: 'social security card on the vpcd virtual PC/SC reader (needs pcscd + vsmartcard-vpcd)',
  usage: `[--vpcd-port 35963] [--persona ${ssPersonas.map((p) => p.id).join('|')}]`,
  async start({ port, argv }) {
    const vpcdPort = Number(argv[argv.indexOf('--vpcd-port') + 1] ?? '') || port || 35963;
    const active = new Set<string>();
    let persona: SsPersona | null = null;
    let socket: net.Socket | null = null;
    let session: CardSession | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let connected = false;

    const send = (s: net.Socket, payload: Uint8Array) => {
      const frame = Buffer.alloc(2 + payload.length);
      frame.writeUInt16BE(payload.length, 0);
      Buffer.from(payload).copy(frame, 2);
      s.write(frame);
    };

    const connect = () => {
      if (!persona || socket) return;
      const s = net.connect({ host: '127.0.0.1', port: vpcdPort });
      s.setNoDelay(true);
      socket = s;
      session = new CardSession(persona);
      let buf = Buffer.alloc(0);
      s.on('connect', () => (connected = true));
      s.on('data', (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          const msg = buf.subarray(2, 2 + buf.readUInt16BE(0));
          buf = buf.subarray(2 + msg.length);
          if (msg.length === 1) {
            if (msg[0] === 0x04) send(s, ATR);
            if (msg[0] === 0x00 || msg[0] === 0x02) session = persona ? new CardSession(persona) : null;
            continue;
          }
          if (!session) continue;
          if (active.has('removedMidRead') && msg[1] === 0xa4 && msg[4] === 0x02 && msg[5] === 0xef && msg[6] === 0x06) {
            s.destroy();
            return;
          }
          send(s, session.answer(new Uint8Array(msg)));
        }
      });
      s.on('error', () => undefined);
      s.on('close', () => {
        connected = false;
        if (socket === s) socket = null;
        // pcscd not there (yet): keep the card "inserted" and retry, as a card waiting in a reader would
        if (persona && !retry) retry = setTimeout(() => ((retry = null), connect()), 1000);
      });
    };

    const remove = () => {
      persona = null;
      if (retry) clearTimeout(retry);
      retry = null;
      socket?.destroy();
      socket = null;
    };

    const initial = argv[argv.indexOf('--persona') + 1];
    if (argv.includes('--persona')) {
      persona = ssPersonas.find((p) => p.id === initial) ?? null;
      if (!persona) throw new Error(`unknown persona "${initial}"; known: ${ssPersonas.map((p) => p.id).join(', ')}`);
      connect();
    }

    const handle: EmulatorHandle = {
      name: 'smartcard',
      address: `vpcd://127.0.0.1:${vpcdPort}`,
      faults,
      actions: [
        { name: 'insert', help: 'insert a social security card', choices: ssPersonas.map((p) => p.id) },
        { name: 'remove', help: 'take the card out' },
      ],
      state: () => ({ card: persona?.id ?? null, connectedToVpcd: connected, faults: [...active] }),
      setFault(name, on) {
        if (!faults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        if (on) active.add(name);
        else active.delete(name);
      },
      act(action, arg) {
        if (action === 'insert') {
          const p = ssPersonas.find((x) => x.id === arg);
          if (!p) throw new Error(`unknown persona "${arg}"; known: ${ssPersonas.map((x) => x.id).join(', ')}`);
          remove();
          persona = p;
          connect();
        } else if (action === 'remove') remove();
        else throw new Error(`unknown action "${action}"`);
      },
      close: async () => remove(),
    };
    return handle;
  },
};
