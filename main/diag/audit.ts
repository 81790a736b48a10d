import { existsSync } from 'node:fs';
import path from 'node:path';
import { verifyAudit } from '../core/store/audit-archive.js';

/**
 * `diag audit verify [--data-dir DIR]`: walks the audit hash chain across the archives and the live table.
 * Exit 0 with the chain's head (note it elsewhere to detect a later rewrite of the whole tail), 1 naming the first
 * row that does not verify, 2 for bad usage.
 */
export function auditCommand(args: string[], defaultDir: string): { code: number; out: string; err: string } {
  const [sub, ...rest] = args;
  const i = rest.indexOf('--data-dir');
  const dataDir = path.resolve(i >= 0 && rest[i + 1] ? rest[i + 1]! : defaultDir);
  if (sub !== 'verify') return { code: 2, out: '', err: 'usage: npm run -s diag -- audit verify [--data-dir DIR]\n' };
  if (!existsSync(path.join(dataDir, 'kiosk.sqlite')))
    return { code: 2, out: '', err: `no kiosk database in ${dataDir} (give the data dir with --data-dir)\n` };
  const report = verifyAudit(dataDir);
  const out = JSON.stringify(report, null, 2) + '\n';
  if (report.ok) return { code: 0, out, err: '' };
  const p = report.problem!;
  return { code: 1, out, err: `audit chain broken: row ${p.id} (${p.where}) ${p.reason}\n` };
}
