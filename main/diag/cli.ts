import path from 'node:path';
import { ConfigError, loadConfig } from '../core/config/load.js';
import { configWarnings } from '../core/config/warnings.js';
import { hashPin, newPinProblem } from '../core/maintenance/pin.js';
import { driverList } from './drivers.js';
import { flowDefinitions } from '../core/flows/definitions/index.js';
import { describeFlows } from '../core/flows/registry.js';
import { defaultConfigFile, defaultDataDir } from '../core/paths.js';
import { auditCommand } from './audit.js';
import { paymentsCommand } from './payments.js';
import { applicationsCommand } from './applications.js';
import { catalogSearch } from './catalog.js';
import { printerStatus } from './printer.js';
import { printTestPage } from './test-page.js';
import { scannerCommand } from './scanner.js';
import { productVersion } from '../core/terminal/version.js';
import { decodeHex, readOnce } from './idcard.js';
import { handwritingCandidates, imeCandidates } from './input.js';
import { speak } from './speak.js';

/**
 * The technicians' diagnostic CLI: `npm run -s diag -- <subcommand>`. Output is JSON on stdout so
 * scripts and tests can read it; exit code 0 on success, 1 on a failed check, 2 on bad usage or config.
 */
const usage = `usage: npm run -s diag -- <subcommand> [--config FILE]
  info            terminal id, version and configured devices (JSON)
  config-check    validate the configuration file; prints the problems and exits 2 when invalid (unknown fields,
                  unknown drivers and their options, a PIN hash that cannot verify, a platform.url that is not
                  https: plain http is allowed only to this machine, for emulators); prints warnings (the shipped
                  default PIN) on stderr and in "warnings"
  flows [--json]  every flow the kiosk runs: its steps in order, the devices it needs and who may use it
                  (--json prints [{ "id", "steps": [...], "devices": [...], "eligibility": {...} }])
  drivers         the drivers this kiosk has: name, kind, transports and their options with defaults (JSON)
  pin-hash PIN    print the salted hash to put in maintenance.pinHash (6–12 digits, not the shipped default)
  idcard decode HEX
                  decode a GA 467 read reply frame or a bare 256-byte text block (JSON; exit 1 if bad)
  idcard read --port PATH|tcp://HOST:PORT [--baud 115200] [--wait 10] [--fingerprint] [--show-personal-data]
                  read one card from a reader (personal data masked unless asked)
  audit verify [--data-dir DIR]
                  check the audit log's hash chain across its archive files; exit 1 naming the first edited or
                  deleted row (JSON report on stdout with the chain's head hash)
  applications [--reference ZD…] [--data-dir DIR]
                  applications saved here that still wait for the platform (local reference, matter, attempts, last
                  error) and, with --reference, what became of one: queued, accepted with its case number, or refused
  payments reconcile [--date YYYY-MM-DD] [--csv FILE] [--data-dir DIR] [--platform URL]
                  对账 of one day (default today in the terminal's zone): the payment journal against the platform's
                  statement (JSON on stdout; --csv writes the CSV); exit 1 when an order disagrees or is unfinished
  catalog search QUERY [--limit N] [--json] [--platform URL] [--data-dir DIR]
                  ranked matches from the local catalog; with --platform, sync from that platform first
                  (--json prints [{ "id", "name", "code", "score" }])
  printer status --uri ipp://HOST[:PORT]/PATH
                  the printer's state, reasons, supplies and whether it accepts jobs (JSON; exit 1 if unreachable)
  printer test-page --uri ipp://HOST[:PORT]/PATH
                  print the A4 test page; exit 0 only when the job completed (JSON with the typed error otherwise)
  scanner status --uri URI
                  the scanner's { "state", "adf", "reasons" } (JSON; exit 1 with the typed error if it cannot say);
                  URI is an eSCL root (http://HOST[:PORT]/eSCL/) or sane:DEVICE (e.g. sane:test)
  scanner scan --uri URI --out FILE.png|.jpg|.pdf [--source platen|feeder] [--resolution 300] [--mode color|gray]
                  scan and write the page(s) (a feeder's pages into one PDF, or FILE-1.png…); exit 0 only on success
  ime LETTERS [--limit N] [--json]
                  the on-screen keyboard's pinyin candidates for LETTERS, best first (--json prints
                  { "candidates": ["身份证", ...] }); full pinyin, initials (sfz), partial syllables, ü as v
  handwriting FILE [--limit N] [--json]
                  recognise one handwritten character with zinnia; FILE is { "width", "height",
                  "strokes": [[[x, y], ...], ...] } with y growing downwards (--json prints { "candidates": [...] })
  speak TEXT --out FILE.wav [--lang zh-CN|en|ug] [--slow]
                  synthesise TEXT with the default voice engine (espeak-ng; Chinese with the cmn-latn-pinyin voice),
                  numbers, amounts, dates and masked ID numbers read as the kiosk reads them; prints JSON with the
                  normalised text, voice, sample rate and duration`;

function configPath(argv: string[]): string {
  const i = argv.indexOf('--config');
  return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : (process.env.KIOSK_CONFIG ?? defaultConfigFile));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'info': {
      const config = loadConfig(configPath(rest));
      const out = {
        terminalId: config.terminal.id,
        terminalName: config.terminal.name,
        outlet: config.terminal.outlet,
        version: productVersion,
        devices: config.devices.map((d) => ({
          id: d.id,
          kind: d.kind,
          driver: d.driver,
          transport: d.transport.type,
          emulator: d.emulator ?? null,
          enabled: d.enabled,
          options: d.options,
        })),
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    case 'config-check': {
      const file = configPath(rest);
      const warnings = configWarnings(loadConfig(file));
      for (const w of warnings) process.stderr.write(`WARNING ${w.field}: ${w.message}\n`);
      process.stdout.write(JSON.stringify({ ok: true, file, warnings }) + '\n');
      return 0;
    }
    case 'drivers':
      process.stdout.write(JSON.stringify(driverList(), null, 2) + '\n');
      return 0;
    case 'flows': {
      const flows = describeFlows(flowDefinitions);
      if (rest.includes('--json')) process.stdout.write(JSON.stringify(flows) + '\n');
      else
        for (const f of flows)
          process.stdout.write(
            `${f.id}: ${f.steps.join(' → ')}\n  devices: ${f.devices.join(', ') || '—'}; cards: ${f.eligibility.cardTypes.join(', ')}\n`,
          );
      return 0;
    }
    case 'pin-hash': {
      const pin = rest[0] ?? '';
      const problem = newPinProblem(pin);
      if (problem) {
        process.stderr.write(problem + '\n');
        return 2;
      }
      process.stdout.write(hashPin(pin) + '\n');
      return 0;
    }
    case 'idcard': {
      const [sub, ...args] = rest;
      const opt = (name: string) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : undefined;
      };
      let out: Record<string, unknown>;
      if (sub === 'decode' && args[0]) out = decodeHex(args.filter((a) => !a.startsWith('--')).join(''));
      else if (sub === 'read' && opt('--port'))
        out = await readOnce({
          port: opt('--port')!,
          baud: Number(opt('--baud') ?? 115200),
          waitMs: Number(opt('--wait') ?? 10) * 1000,
          fingerprint: args.includes('--fingerprint'),
          showPersonalData: args.includes('--show-personal-data'),
        });
      else {
        process.stderr.write(usage + '\n');
        return 2;
      }
      process.stdout.write(JSON.stringify(out) + '\n');
      return out.ok ? 0 : 1;
    }
    case 'printer': {
      const [sub, ...args] = rest;
      const i = args.indexOf('--uri');
      const uri = i >= 0 ? args[i + 1] : undefined;
      if ((sub !== 'status' && sub !== 'test-page') || !uri || !/^ipps?:\/\//.test(uri)) {
        process.stderr.write(usage + '\n');
        return 2;
      }
      const terminal = sub === 'status' ? null : loadConfig(configPath(args)).terminal;
      const result = terminal ? await printTestPage(uri, terminal.id, terminal.timeZone) : await printerStatus(uri);
      process.stdout.write(result.out);
      return result.code;
    }
    case 'catalog': {
      const [sub, ...args] = rest;
      const opt = (name: string) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const positional = args.filter(
        (a, i) => !a.startsWith('--') && !['--limit', '--platform', '--data-dir', '--config'].includes(args[i - 1] ?? ''),
      );
      const limit = Number(opt('--limit') ?? 10);
      if (sub !== 'search' || positional.length !== 1 || !Number.isInteger(limit) || limit < 1 || limit > 100) {
        process.stderr.write(usage + '\n');
        return 2;
      }
      const result = await catalogSearch({
        query: positional[0]!,
        limit,
        json: args.includes('--json'),
        platform: opt('--platform'),
        dataDir: path.resolve(opt('--data-dir') ?? defaultDataDir()),
        config: loadConfig(configPath(args)),
      });
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'scanner': {
      const result = await scannerCommand(rest);
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'audit': {
      const result = auditCommand(rest, defaultDataDir());
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'applications': {
      const result = applicationsCommand(rest, defaultDataDir());
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'payments': {
      const result = await paymentsCommand(rest, { defaultDataDir: defaultDataDir(), config: () => loadConfig(configPath(rest)) });
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'speak': {
      const result = await speak(rest);
      if (!result) {
        process.stderr.write(usage + '\n');
        return 2;
      }
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    case 'ime':
    case 'handwriting': {
      const result = command === 'ime' ? imeCandidates(rest) : await handwritingCandidates(rest);
      if (!result) {
        process.stderr.write(usage + '\n');
        return 2;
      }
      process.stdout.write(result.out);
      process.stderr.write(result.err);
      return result.code;
    }
    default:
      process.stderr.write(usage + '\n');
      return command === undefined || command === '--help' ? 0 : 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ConfigError) {
    process.stdout.write(JSON.stringify({ ok: false, error: 'config', problems: e.problems }) + '\n');
    process.stderr.write(e.message + '\n');
    process.exitCode = 2;
  } else throw e;
}
