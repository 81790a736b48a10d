import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './mosquitto.js';
import { requirePeer } from './peers.js';

export interface PrivatePostgres {
  url: string;
  stop(): Promise<void>;
}

/** initdb + pg_ctl as the postgres user (runuser) in a temp dir on a free loopback port; trust auth, loopback only. */
export async function startPostgres(): Promise<PrivatePostgres> {
  const bin = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find(
    (d) => spawnSync('test', ['-x', `${d}/initdb`]).status === 0,
  );
  if (!bin) requirePeer('initdb', 'postgresql');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-'));
  chmodSync(dir, 0o700);
  const pwd = execFileSync('id', ['-u', 'postgres']).toString().trim();
  const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
  chownSync(dir, Number(pwd), Number(gid));
  const data = path.join(dir, 'data');
  const asPostgres = (cmd: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', `${bin}/${cmd}`, ...args], { stdio: 'pipe', cwd: dir });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  asPostgres('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
    'start',
  ]);
  await waitForPort(port);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
