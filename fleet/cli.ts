import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { releaseSigningText } from '../main/core/fleet/protocol.js';
import { publicKeyFrom, signBytes } from '../main/core/fleet/signing.js';
import { hashPassword, isRole } from './console/auth.js';
import { ConsoleServer } from './console/server.js';
import { mosquittoAcl, type AclTerminal } from './service/acl.js';
import { FleetService } from './service/fleet-service.js';
import { consolePrivateKey, loadOrCreateConsoleKeys } from './service/keys.js';
import { migrate } from './service/schema.js';
import { openSql } from './service/sql.js';
import { FleetStore } from './service/store.js';
import { simulate } from './simulate/run.js';

const usage = `npm run -s fleet -- <command>
  keygen [--data DIR]                         the console's Ed25519 key pair (console.pub goes into each terminal's fleet.consoleKey)
  user --user NAME --role viewer|operator|administrator [--db FILE|postgres://...]   (password from FLEET_PASSWORD)
  console --broker URL [--port P] [--db FILE|postgres://...] [--data DIR] [--share-group G] [--no-rollouts] [--latest VERSION]
          [--broker-user U] (broker password from FLEET_BROKER_PASSWORD) [--ca FILE]
  simulate --terminals N --broker URL [--keepalive S] [--seconds T] [--heartbeat S] [--faults PER_MIN] [--update-failure P]
          [--console-key BASE64 | --data DIR] [--prefix SIM] [--version V]
  acl --terminals FILE.json [--service-user NAME]   a Mosquitto ACL file for [{ "id", "groups": [...] }]
  sign-release --version V --file PACKAGE [--data DIR]   sha256 and signature for an update command / rollout`;

const { positionals, values: v } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    data: { type: 'string', default: 'fleet-data' },
    db: { type: 'string' },
    broker: { type: 'string' },
    port: { type: 'string', default: '8090' },
    'share-group': { type: 'string' },
    'no-rollouts': { type: 'boolean' },
    latest: { type: 'string' },
    'broker-user': { type: 'string' },
    ca: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
    terminals: { type: 'string' },
    keepalive: { type: 'string', default: '30' },
    heartbeat: { type: 'string', default: '60' },
    seconds: { type: 'string' },
    faults: { type: 'string', default: '0.05' },
    'update-failure': { type: 'string', default: '0' },
    'health-deadline': { type: 'string', default: '5' },
    'console-key': { type: 'string' },
    prefix: { type: 'string', default: 'SIM' },
    version: { type: 'string', default: '1.0.0' },
    offset: { type: 'string', default: '0' },
    regions: { type: 'string', default: '10' },
    'outlet-size': { type: 'string', default: '20' },
    'per-process': { type: 'string', default: '2500' },
    'service-user': { type: 'string', default: 'fleet-service' },
    file: { type: 'string' },
  },
});
const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
const num = (k: string) => Number(str(k));
const need = (k: string) => {
  const x = str(k);
  if (!x) {
    console.error(`--${k} is required\n\n${usage}`);
    process.exit(2);
  }
  return x;
};
const dbTarget = () => str('db') ?? path.join(need('data'), 'fleet.sqlite');

switch (positionals[0]) {
  case 'keygen': {
    const k = loadOrCreateConsoleKeys(need('data'));
    console.log(
      `${k.created ? 'created' : 'exists'}: ${path.join(need('data'), 'console.key')}\nconsoleKey (for each terminal's config): ${k.publicKey}`,
    );
    break;
  }
  case 'user': {
    const role = need('role');
    const password = process.env.FLEET_PASSWORD ?? '';
    if (!isRole(role) || password.length < 10) {
      console.error('--role viewer|operator|administrator and FLEET_PASSWORD of at least 10 characters');
      process.exit(2);
    }
    loadOrCreateConsoleKeys(need('data'));
    const sql = openSql(dbTarget());
    await migrate(sql);
    const store = new FleetStore(sql);
    await store.putUser(need('user'), role, await hashPassword(password));
    await store.audit('cli', 'user.saved', { user: need('user'), role });
    await sql.close();
    console.log(`saved ${need('user')} (${role})`);
    break;
  }
  case 'console': {
    const key = consolePrivateKey(need('data'));
    const service = new FleetService({
      brokerUrl: need('broker'),
      connection: {
        username: str('broker-user'),
        password: process.env.FLEET_BROKER_PASSWORD,
        ca: str('ca') ? readFileSync(str('ca')!) : undefined,
      },
      sql: openSql(dbTarget()),
      consoleKey: key,
      shareGroup: str('share-group'),
      rollouts: !v['no-rollouts'],
      log: (m) => console.error(m),
    });
    await service.start();
    const latest = str('latest');
    const server = new ConsoleServer(service, {
      latestVersion: () => latest ?? '',
    });
    const url = await server.listen(num('port'));
    console.log(`FLEET_CONSOLE_URL=${url}`);
    const stop = async () => {
      await server.close();
      await service.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    break;
  }
  case 'simulate': {
    const keyText = str('console-key') ?? loadOrCreateConsoleKeys(need('data')).publicKey;
    await simulate(
      {
        terminals: num('terminals') || 10,
        brokerUrl: need('broker'),
        consoleKey: publicKeyFrom(keyText),
        consoleKeyText: keyText,
        keepaliveSeconds: num('keepalive'),
        heartbeatSeconds: num('heartbeat'),
        seconds: str('seconds') ? num('seconds') : null,
        offset: num('offset'),
        prefix: need('prefix'),
        version: need('version'),
        regions: num('regions'),
        outletSize: num('outlet-size'),
        faultsPerMinute: num('faults'),
        updateFailureRate: num('update-failure'),
        healthDeadlineSeconds: num('health-deadline'),
        perProcess: num('per-process'),
      },
      (line) => console.log(line),
    );
    process.exit(0);
    break;
  }
  case 'acl': {
    const terminals = JSON.parse(readFileSync(need('terminals'), 'utf8')) as AclTerminal[];
    process.stdout.write(mosquittoAcl(terminals, [need('service-user')]));
    break;
  }
  case 'sign-release': {
    const bytes = readFileSync(need('file'));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const signature = signBytes(consolePrivateKey(need('data')), Buffer.from(releaseSigningText(need('version'), sha256)));
    console.log(JSON.stringify({ version: need('version'), sha256, signature }));
    break;
  }
  default:
    console.log(usage);
    process.exit(positionals[0] ? 2 : 0);
}
