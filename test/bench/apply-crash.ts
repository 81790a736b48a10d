import { buildCatalog } from '../../emulators/platform/dataset.js';
import { PlatformServer } from '../../emulators/platform/server.js';
import { CatalogVersions } from '../../emulators/platform/versions.js';
import { runApplyCrashTrials } from '../support/apply-crash-harness.js';
import { emulatorSecret } from '../support/apply-side.js';

/**
 * `npm run -s bench -- apply-crash --trials N`: N applications, each submitted by the submission service in a child
 * process SIGKILLed at a random moment, restarted, and counted on the platform emulator. Prints
 * `apply-crash: N trials, L lost, D duplicated, U unsettled`.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function benchApplyCrash(): Promise<void> {
  const trials = Number(arg('--trials') ?? 200);
  const server = new PlatformServer({ versions: new CatalogVersions(buildCatalog(1)), secret: emulatorSecret, uploadChunkSize: 4096 });
  const baseUrl = await server.listen();
  const started = Date.now();
  const r = await runApplyCrashTrials(server, baseUrl, trials);
  await server.close();
  process.stderr.write(
    `apply-crash: killed ${r.killedBeforeSaved} before the outbox commit returned, ${r.killedUploading} while uploading, ` +
      `${r.killedSubmitting} with the submission in flight, ${trials - r.killedBeforeSaved - r.killedUploading - r.killedSubmitting} finished first; ` +
      `${r.repeatsAnswered} repeats answered with the case already opened; ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  console.log(`apply-crash: ${trials} trials, ${r.lost} lost, ${r.duplicated} duplicated, ${r.unsettled} unsettled`);
  if (r.lost + r.duplicated + r.unsettled > 0) process.exitCode = 1;
}
