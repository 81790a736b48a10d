import { createHash } from 'node:crypto';

/**
 * The audit hash chain. Each row's `hash` is `<algorithm>:<hex>` of the previous row's hash and the row itself
 * (id, time, type, detail), so editing a row breaks its own hash and deleting one breaks the next row's.
 * The algorithm is SHA-256, or SM3 when the terminal runs the national cryptography suite; each row names its
 * own, so a terminal that changes suite keeps one verifiable chain.
 */
export type ChainAlgorithm = 'sha256' | 'sm3';

/** The "previous hash" of the very first chained row. */
export const GENESIS = `sha256:${'0'.repeat(64)}`;

export interface ChainRow {
  id: number;
  at: string;
  type: string;
  detail: string;
  hash: string | null;
}

export function rowHash(algorithm: ChainAlgorithm, prev: string, row: Omit<ChainRow, 'hash'>): string {
  const digest = createHash(algorithm)
    .update([prev, String(row.id), row.at, row.type, row.detail].join('\n'))
    .digest('hex');
  return `${algorithm}:${digest}`;
}

const algorithmOf = (hash: string): ChainAlgorithm | null => {
  const a = hash.split(':', 1)[0];
  return a === 'sha256' || a === 'sm3' ? a : null;
};

export interface ChainProblem {
  /** The first row that does not verify (for a deletion: the row after the gap). */
  id: number;
  where: string;
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** Rows written before the chain existed (older software); not verifiable, reported. */
  unchained: number;
  firstId: number | null;
  lastId: number | null;
  /** The last row's hash: keep it elsewhere (a ticket, the fleet) to detect a rewrite of the whole tail later. */
  head: string | null;
  problem: ChainProblem | null;
}

/**
 * Walks rows in id order (from one or more files, oldest first) and names the first row that does not verify.
 * `anchor` is the hash the first row must follow: GENESIS for a complete chain, or the last hash of a pruned
 * archive (recorded in the chain by its `audit.pruned` row).
 */
export function verifyChain(rows: Iterable<ChainRow & { where: string }>, anchorFor: (firstId: number) => string | null): ChainReport {
  const report: ChainReport = { ok: true, rows: 0, unchained: 0, firstId: null, lastId: null, head: null, problem: null };
  let prev: string | null = null;
  let prevId: number | null = null;
  const fail = (id: number, where: string, reason: string): ChainReport => ({ ...report, ok: false, problem: { id, where, reason } });
  for (const row of rows) {
    report.rows++;
    if (row.hash === null) {
      if (prev !== null) return fail(row.id, row.where, 'has no hash although earlier rows are chained (written around the chain)');
      report.unchained++;
      prevId = row.id;
      continue;
    }
    if (prev === null) {
      report.firstId = row.id;
      const anchor = prevId !== null ? GENESIS : anchorFor(row.id);
      if (anchor === null)
        return fail(
          row.id,
          row.where,
          `is the oldest row left but neither starts the chain nor follows a recorded pruning (rows before it deleted)`,
        );
      prev = anchor;
    } else if (row.id !== prevId! + 1) {
      return fail(
        row.id,
        row.where,
        `follows row ${prevId}: row${row.id - prevId! > 2 ? 's' : ''} ${prevId! + 1}${row.id - prevId! > 2 ? `–${row.id - 1}` : ''} missing (deleted)`,
      );
    }
    const algorithm = algorithmOf(row.hash);
    if (!algorithm) return fail(row.id, row.where, `has an unknown hash algorithm (${row.hash.slice(0, 12)})`);
    if (rowHash(algorithm, prev, row) !== row.hash)
      return fail(row.id, row.where, 'does not match its hash: the row was edited, or rows before it were deleted or replaced');
    prev = row.hash;
    prevId = row.id;
    report.lastId = row.id;
    report.head = row.hash;
  }
  return report;
}
