import { benchHandwriting } from './handwriting.js';
import { benchFleet } from './fleet.js';
import { benchIdCard } from './idcard.js';
import { benchIme } from './ime.js';
import { benchReceipt } from './receipt.js';
import { benchSearch } from './search.js';
import { benchStartup } from './startup.js';
import { benchPaymentCrash } from './payment-crash.js';
import { benchApplyCrash } from './apply-crash.js';

/** `npm run bench -- <name>`: benchmarks that print ratios against a baseline measured in the same run. */
const benches: Record<string, () => Promise<unknown>> = {
  idcard: () => benchIdCard(),
  search: () => benchSearch(),
  receipt: () => benchReceipt(),
  startup: () => benchStartup(),
  fleet: () => benchFleet(),
  ime: () => benchIme(),
  handwriting: () => benchHandwriting(),
  'payment-crash': () => benchPaymentCrash(),
  'apply-crash': () => benchApplyCrash(),
};

// names are the arguments that are neither a --flag nor a flag's value (`payment-crash --trials 1000`)
const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith('-') && !(args[i - 1]?.startsWith('--') && !['--json'].includes(args[i - 1]!)));
const selected = names.length ? names : Object.keys(benches);
for (const name of selected) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await bench();
}
process.exit(0);
