import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';

/**
 * The device end of a byte-stream device: a serial line (a socat pty pair, the device end opened here, the host
 * end given to the kiosk) or a TCP port. Unplug/replug make the serial device disappear and come back at the same
 * address, as pulling a USB-serial cable does.
 */
export interface ByteLink {
  /** The host end: a pty path, or tcp://127.0.0.1:PORT */
  readonly address: string;
  readonly plugged: boolean;
  write(bytes: Uint8Array): Promise<void>;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function openByteLink(o: {
  name: string;
  tcpPort?: number;
  baud: number;
  onBytes: (b: Uint8Array) => void;
}): Promise<ByteLink> {
  return o.tcpPort !== undefined ? tcpLink(o.tcpPort, o.onBytes) : ptyLink(o.name, o.baud, o.onBytes);
}

async function tcpLink(port: number, onBytes: (b: Uint8Array) => void): Promise<ByteLink> {
  const sockets = new Set<net.Socket>();
  let current: net.Socket | null = null;
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    sockets.add(s);
    current = s;
    s.on('data', (d) => onBytes(new Uint8Array(d)));
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const drop = async () => {
    for (const s of sockets) s.destroy();
    current = null;
  };
  return {
    address: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    get plugged() {
      return true;
    },
    write: (b) => new Promise((r) => (current ? current.write(b, () => r()) : r())),
    unplug: drop,
    replug: async () => undefined,
    close: async () => {
      await drop();
      await new Promise((r) => server.close(r));
    },
  };
}

async function ptyLink(name: string, baud: number, onBytes: (b: Uint8Array) => void): Promise<ByteLink> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-emu-`));
  const hostEnd = path.join(dir, `tty${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`);
  const deviceEnd = path.join(dir, 'device');
  let socat: ChildProcess | null = null;
  let port: SerialPort | null = null;
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
    port = sp;
  };
  const unplug = async () => {
    const sp = port;
    port = null;
    if (sp?.isOpen) await new Promise<void>((r) => sp.close(() => r()));
    const s = socat;
    socat = null;
    if (s && s.exitCode === null) {
      const gone = new Promise((r) => s.once('exit', r));
      s.kill();
      await gone;
    }
  };
  await plug();
  return {
    address: hostEnd,
    get plugged() {
      return port !== null;
    },
    write: (b) => new Promise((r) => (port ? port.write(Buffer.from(b), () => port?.drain(() => r()) ?? r()) : r())),
    unplug,
    replug: async () => {
      if (!socat) await plug();
    },
    close: unplug,
  };
}
