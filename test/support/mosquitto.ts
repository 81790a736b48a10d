import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { requirePeer } from './peers.js';

export interface PrivateBroker {
  port: number;
  url: string;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A private Mosquitto on a free loopback port in a temp dir (never the system service). `extra` adds config lines
 * (password_file, acl_file, TLS...); files named in `files` are written into the dir first.
 */
export async function startMosquitto(
  opts: { extra?: string[]; files?: Record<string, string>; tls?: boolean; beforeStart?: (dir: string) => void; port?: number } = {},
): Promise<PrivateBroker> {
  requirePeer('mosquitto', 'mosquitto');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mosquitto-'));
  for (const [name, text] of Object.entries(opts.files ?? {})) writeFileSync(path.join(dir, name), text);
  opts.beforeStart?.(dir);
  const port = opts.port ?? (await freePort());
  const conf = [
    `listener ${port} 127.0.0.1`,
    'persistence false',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'max_connections -1',
    'set_tcp_nodelay true',
    // as root, mosquitto would drop to the mosquitto user, which cannot read this private temp dir
    ...(process.getuid?.() === 0 ? ['user root'] : []),
    ...(opts.extra ?? ['allow_anonymous true']),
  ];
  writeFileSync(path.join(dir, 'mosquitto.conf'), conf.join('\n') + '\n');
  const child = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await Promise.race([
      waitForPort(port),
      new Promise((_r, reject) => child.once('exit', (code) => reject(new Error(`mosquitto exited (${code}): ${stderr}`)))),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    port,
    url: `${opts.tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`,
    dir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => (rmSync(dir, { recursive: true, force: true }), resolve());
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
