import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import { runApplyCrashTrials } from '../support/apply-crash-harness.js';
import { emulatorSecret } from '../support/apply-side.js';

/**
 * Kill -9 at random points of submissions (30 trials; `npm run bench -- apply-crash --trials N` runs more): after a
 * restart every application the service saved is delivered exactly once — counted on the platform emulator.
 */
let server: PlatformServer;
let baseUrl: string;
beforeAll(async () => {
  server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret, uploadChunkSize: 4096 });
  baseUrl = await server.listen();
});
afterAll(() => server.close());

it('30 submissions SIGKILLed at random moments: zero lost, zero duplicated, nothing left unsettled', async () => {
  const r = await runApplyCrashTrials(server, baseUrl, 30);
  expect(r).toMatchObject({ lost: 0, duplicated: 0, unsettled: 0 });
  // the kills did land in the middle of deliveries, not only before or after
  expect(r.killedUploading + r.killedSubmitting).toBeGreaterThan(5);
}, 120_000);
