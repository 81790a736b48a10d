import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';

const usageLine = 'usage: npm run -s diag -- applications [--reference ZD…] [--data-dir DIR]\n';

/**
 * `diag applications`: the applications this terminal saved that still wait for the platform (local reference, matter,
 * when saved, attempts, last error) and, with `--reference`, what became of one (queued, accepted with its case
 * number, or refused). Reads outbox.sqlite read-only and opens nothing sealed: no form values, no query code. Exit 1
 * when the reference is unknown, 2 for bad usage.
 */
export function applicationsCommand(args: string[], defaultDataDir: string): { code: number; out: string; err: string } {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reference = opt('--reference');
  const unknownFlag = args.some((a) => a.startsWith('--') && !['--reference', '--data-dir', '--config'].includes(a));
  if (unknownFlag || (args.includes('--reference') && !reference)) return { code: 2, out: '', err: usageLine };
  const file = path.join(path.resolve(opt('--data-dir') ?? defaultDataDir), 'outbox.sqlite');
  if (!existsSync(file)) return { code: 2, out: '', err: `no outbox in ${path.dirname(file)} (give the data dir with --data-dir)\n` };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasReferences = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'application_reference'").get();
    if (!hasReferences) return { code: 0, out: `${JSON.stringify({ queued: [], settled: 0 }, null, 2)}\n`, err: '' };
    const queued = db
      .prepare(
        `SELECT r.local_reference AS localReference, r.matter_id AS matterId, r.saved_at AS savedAt, o.attempts,
                o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError
         FROM outbox o JOIN application_reference r ON r.idempotency_key = o.idempotency_key
         WHERE o.kind = 'application' ORDER BY o.id`,
      )
      .all();
    const settled = (db.prepare("SELECT count(*) AS n FROM application_reference WHERE outcome != 'queued'").get() as { n: number }).n;
    const report: Record<string, unknown> = { queued, settled };
    if (reference) {
      const r = db
        .prepare(
          `SELECT local_reference AS localReference, matter_id AS matterId, saved_at AS savedAt, outcome,
                  case_number AS caseNumber, settled_at AS settledAt
           FROM application_reference WHERE local_reference = ?`,
        )
        .get(reference.trim().toUpperCase());
      if (!r) return { code: 1, out: '', err: `no application saved here under ${reference}\n` };
      report.reference = r;
    }
    return { code: 0, out: `${JSON.stringify(report, null, 2)}\n`, err: '' };
  } finally {
    db.close();
  }
}
