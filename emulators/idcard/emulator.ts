import { flagValue as parseFlag } from '../lib/args.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { EmulatorDefinition, EmulatorHandle } from '../lib/emulator.js';
import { personas } from './personas.js';
import { answer, faultHelp, faultNames, HostFrameReader, type Fault, type SamState } from './sam.js';

interface Link {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Writes at the pace of a real line: 10 bits per byte at `baud`, in small chunks, half duplex. */
async function pacedWrite(link: Link, bytes: Uint8Array, baud: number): Promise<void> {
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
    let link: Link | null = null;
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

    // --- transports: a socat pty pair (device end opened here), or a TCP port ---
    let address: string;
    let unplug: () => Promise<void>;
    let replug: () => Promise<void>;
    if (tcpPort !== undefined) {
      const sockets = new Set<net.Socket>();
      const server = net.createServer((s) => {
        s.setNoDelay(true);
        sockets.add(s);
        link = { write: (b) => new Promise((r) => s.write(b, () => r())), close: async () => void s.destroy() };
        s.on('data', (d) => onBytes(new Uint8Array(d)));
        s.on('close', () => sockets.delete(s));
      });
      await new Promise<void>((r) => server.listen(Number(tcpPort), '127.0.0.1', r));
      address = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      unplug = async () => {
        for (const s of sockets) s.destroy();
        link = null;
      };
      replug = async () => undefined;
      const close = async () => {
        await unplug();
        await new Promise((r) => server.close(r));
      };
      return handle(address, close);
    }

    const dir = mkdtempSync(path.join(os.tmpdir(), 'idcard-emu-'));
    const hostEnd = path.join(dir, 'ttyIDCARD');
    const deviceEnd = path.join(dir, 'device');
    let socat: ChildProcess | null = null;
    let port_: SerialPort | null = null;
    const plug = async () => {
      socat = spawn('socat', [`pty,raw,echo=0,link=${deviceEnd}`, `pty,raw,echo=0,link=${hostEnd}`], { stdio: 'ignore' });
      socat.once('error', () => undefined);
      const deadline = Date.now() + 5000;
      while (!existsSync(deviceEnd) || !existsSync(hostEnd)) {
        if (Date.now() > deadline) throw new Error('socat did not create the pty pair: install it with "apt-get install socat"');
        await new Promise((r) => setTimeout(r, 10));
      }
      const sp = new SerialPort({ path: deviceEnd, baudRate: baud, autoOpen: false });
      await new Promise<void>((resolve, reject) => sp.open((e) => (e ? reject(e) : resolve())));
      sp.on('data', (d: Buffer) => onBytes(new Uint8Array(d)));
      sp.on('error', () => undefined);
      port_ = sp;
      link = {
        write: (b) => new Promise((r) => sp.write(Buffer.from(b), () => sp.drain(() => r()))),
        close: () => new Promise((r) => (sp.isOpen ? sp.close(() => r()) : r())),
      };
    };
    unplug = async () => {
      link = null;
      if (port_?.isOpen) await new Promise<void>((r) => port_!.close(() => r()));
      port_ = null;
      const s = socat;
      socat = null;
      if (s && s.exitCode === null) {
        const gone = new Promise((r) => s.once('exit', r));
        s.kill();
        await gone;
      }
    };
    replug = async () => {
      if (!socat) await plug();
    };
    await plug();
    address = hostEnd;
    return handle(address, unplug);

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
