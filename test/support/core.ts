import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseConfig } from '../../main/core/config/load.js';
import { DriverRegistry } from '../../main/core/devices/driver-registry.js';
import { Kiosk } from '../../main/core/kiosk.js';
import { createLogger } from '../../main/core/log/logger.js';
import { stringify } from 'yaml';
import { testConfig } from './kiosk-process.js';

/** A kiosk core in this process with a temporary data dir; log lines are captured for assertions. */
export function createTestKiosk(overrides: Record<string, unknown> = {}, drivers = new DriverRegistry()) {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const restarts: number[] = [];
  const kiosk = new Kiosk({
    config: parseConfig(stringify(testConfig(overrides)), 'test.yaml'),
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-')),
    runtime: 'browser',
    logger: createLogger({ destination: sink, level: 'debug' }),
    drivers,
    requestRestart: () => restarts.push(Date.now()),
  });
  return { kiosk, logs, restarts };
}
