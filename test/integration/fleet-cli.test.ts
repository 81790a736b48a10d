import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../main/core/fleet/protocol.js';
import { root } from '../support/kiosk-process.js';
import { startMosquitto, type PrivateBroker } from '../support/mosquitto.js';
import { MqttObserver } from '../support/mqtt-observer.js';

const run = promisify(execFile);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const cli = path.join(root, 'fleet', 'cli.ts');
const data = mkdtempSync(path.join(os.tmpdir(), 'fleet-cli-'));
let broker: PrivateBroker;
const children: ChildProcess[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await broker?.stop();
});

/** Starts a long-running CLI command and resolves with the first stdout line matching `ready`. */
function startCli(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(tsx, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = ready.exec(line);
      if (m) resolve({ child, match: m });
    });
    child.once('exit', (code) => reject(new Error(`fleet ${args[0]} exited ${code}: ${err}`)));
  });
}

describe('npm run -s fleet -- …', () => {
  it('keygen, user, console and simulate work together from the command line', async () => {
    const keygen = await run(tsx, [cli, 'keygen', '--data', data]);
    expect(keygen.stdout).toMatch(/consoleKey \(for each terminal's config\): [A-Za-z0-9+/]{43}=/);
    expect(statSync(path.join(data, 'console.key')).mode & 0o777).toBe(0o600);
    await run(tsx, [cli, 'user', '--data', data, '--user', 'admin', '--role', 'administrator'], {
      env: { ...process.env, FLEET_PASSWORD: 'a-long-password' },
    });

    const { match } = await startCli(['console', '--data', data, '--broker', broker.url, '--port', '0'], /^FLEET_CONSOLE_URL=(\S+)/);
    const url = match[1]!;
    const observer = await MqttObserver.connect(broker.url, 'zwkiosk/v1/+/state');
    const sim = await startCli(
      ['simulate', '--data', data, '--broker', broker.url, '--terminals', '12', '--prefix', 'CLI', '--faults', '0'],
      /^SIM_READY (\d+)/,
    );
    expect(sim.match[1]).toBe('12');
    await observer.next((m) => m.topic === topics.state('CLI-000011') && m.json.online === true);

    const login = await fetch(`${url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ user: 'admin', password: 'a-long-password' }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const deadline = Date.now() + 10_000;
    let rows: { id: string; online: boolean }[] = [];
    while (Date.now() < deadline && rows.filter((r) => r.online).length < 12) {
      rows = (await (await fetch(`${url}/api/terminals`, { headers: { cookie } })).json()) as typeof rows;
      if (rows.filter((r) => r.online).length < 12) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.filter((r) => r.online && r.id.startsWith('CLI-'))).toHaveLength(12);

    // stopping the simulator takes its terminals offline (a clean stop says so itself)
    const mark = observer.mark();
    sim.child.kill('SIGTERM');
    await observer.next((m) => m.topic === topics.state('CLI-000000') && m.json.online === false, 10_000, mark);
    await observer.close();
  });

  it('writes a Mosquitto ACL and signs a release', async () => {
    const list = path.join(data, 'terminals.json');
    writeFileSync(list, JSON.stringify([{ id: 'ZZ-0001', groups: ['outlet-1'] }]));
    const acl = await run(tsx, [cli, 'acl', '--terminals', list]);
    expect(acl.stdout).toContain('user ZZ-0001\ntopic readwrite zwkiosk/v1/ZZ-0001/state');
    const pkg = path.join(data, 'pkg.tgz');
    writeFileSync(pkg, 'package bytes');
    const signed = JSON.parse((await run(tsx, [cli, 'sign-release', '--data', data, '--version', '1.1.0', '--file', pkg])).stdout) as {
      sha256: string;
      signature: string;
    };
    expect(signed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(data, 'console.pub'), 'utf8').trim()).toHaveLength(44);
  });
});
