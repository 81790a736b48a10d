import { flagValue as flag } from '../lib/args.js';
import type { EmulatorDefinition } from '../lib/emulator.js';
import { signatureAlgorithms, type SignatureAlgorithm } from './auth.js';
import { buildCatalog } from './dataset.js';
import { PlatformServer, platformFaults, type PlatformFault } from './server.js';
import { paymentFaults, type PaymentFault } from './payment-gateway.js';
import { payerPersonas } from './payment-personas.js';
import { CatalogVersions } from './versions.js';

/** The secret every emulated terminal shares with the emulated platform (the default kiosk.yaml uses it too). */
export const defaultEmulatorSecret = 'emulated-terminal-secret';

export const platformEmulator: EmulatorDefinition = {
  name: 'platform',
  summary: 'government service platform API (catalog, proofs, case progress, evaluations) with 1,354 real matters; guides partly generated',
  usage:
    '[--port N] [--scale N] [--secret S] [--public-url URL] [--signature HMAC-SM3|HMAC-SHA256] [--ledger FILE] [--password-seconds N] [--reverse-not-before-ms N] [--upload-chunk-size BYTES]   --signature: accept only this request signature (default both)  --scale N: each matter implemented by N districts (benchmarks); --public-url: the web address in verification and progress QR codes; --ledger FILE: every charge, reverse and refund as JSON lines',
  async start({ port, argv }) {
    const scale = Number(flag(argv, '--scale') ?? 1);
    if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error('--scale needs a whole number 1–1000');
    const publicUrl = flag(argv, '--public-url');
    if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl)) throw new Error('--public-url needs an http(s) address');
    const portArg = flag(argv, '--port');
    const signature = flag(argv, '--signature');
    if (signature !== undefined && !signatureAlgorithms.includes(signature as SignatureAlgorithm))
      throw new Error(`--signature needs one of ${signatureAlgorithms.join(', ')}`);
    const versions = new CatalogVersions(buildCatalog(scale));
    const server = new PlatformServer({
      versions,
      secret: flag(argv, '--secret') ?? defaultEmulatorSecret,
      port: port ?? (portArg ? Number(portArg) : 0),
      publicUrl,
      signatureAlgorithms: signature ? [signature as SignatureAlgorithm] : undefined,
      payments: { ledgerFile: flag(argv, '--ledger'), timings: paymentTimings(argv) },
      uploadChunkSize: flag(argv, '--upload-chunk-size') !== undefined ? Number(flag(argv, '--upload-chunk-size')) : undefined,
    });
    const address = await server.listen();
    return {
      name: 'platform',
      address,
      faults: [...platformFaults, ...paymentFaults],
      actions: [
        { name: 'publish', help: 'publish a new catalog version (a few matters added, changed and withdrawn)' },
        {
          name: 'scanQr',
          help: 'a resident scans the payment QR on screen and pays (or has too little money)',
          choices: ['instant', 'insufficient'],
        },
      ],
      state: () => ({
        catalogVersion: versions.current,
        matters: versions.snapshot(versions.current).size,
        scale,
        faults: [...server.faults],
        proofsIssued: server.proofsIssued,
        cases: server.cases.samples(),
        evaluations: [...server.evaluations.values()].map((e) => ({ evaluationId: e.evaluationId, terminal: e.terminal, ...e.body })),
        recentRequests: server.requests.slice(-20),
        payments: {
          orders: server.payments.orderCount(),
          ledger: server.payments.ledger.entries.slice(-20),
          payers: payerPersonas.map((p) => p.name),
        },
        applications: {
          casesOpened: server.applications.desk.opened.size,
          // every submission request by idempotency key: a test counts deliveries and duplicates here
          deliveriesByKey: Object.fromEntries(server.applications.desk.deliveries),
          duplicatesAnswered: server.applications.desk.duplicatesAnswered,
          licenceAuthorisations: server.applications.licences.authorisations.length,
          sms: server.applications.desk.sms.slice(-20),
        },
      }),
      setFault(name, on) {
        if (paymentFaults.some((f) => f.name === name)) {
          if (on) server.payments.faults.add(name as PaymentFault);
          else server.payments.faults.delete(name as PaymentFault);
          return;
        }
        if (!platformFaults.some((f) => f.name === name)) throw new Error(`unknown fault "${name}"`);
        if (on) server.faults.add(name as PlatformFault);
        else server.faults.delete(name as PlatformFault);
      },
      act(action, arg) {
        if (action === 'scanQr') return void server.payments.scanQr(undefined, arg === 'insufficient' ? 'insufficient' : 'instant');
        if (action !== 'publish') throw new Error(`unknown action "${action}"`);
        versions.publish();
      },
      close: () => server.close(),
    };
  },
};

/** Payment gateway timings from the command line (the crash bench shrinks them to keep trials fast). */
function paymentTimings(argv: string[]): { passwordMs?: number; reverseNotBeforeMs?: number } {
  const seconds = flag(argv, '--password-seconds');
  const reverse = flag(argv, '--reverse-not-before-ms');
  return {
    ...(seconds !== undefined ? { passwordMs: Number(seconds) * 1000 } : {}),
    ...(reverse !== undefined ? { reverseNotBeforeMs: Number(reverse) } : {}),
  };
}
