import { maskPersonalData } from '../log/mask.js';
import { GENESIS, rowHash, type ChainAlgorithm } from './audit-chain.js';
import type { Db } from './db.js';

export type AuditType =
  | 'kiosk.started'
  | 'kiosk.stopping'
  | 'session.started'
  | 'session.ended'
  | 'maintenance.entered'
  | 'maintenance.exited'
  | 'maintenance.pinRejected'
  | 'maintenance.lockedOut'
  | 'maintenance.restart'
  | 'maintenance.catalogSync'
  | 'maintenance.paymentRequery'
  | 'maintenance.reconciliationPrint'
  | 'print.completed'
  | 'print.failed'
  | 'apply.licenceAuthorised'
  | 'apply.licenceWithdrawn'
  | 'apply.submitted'
  | 'device.status'
  | 'device.selfTest'
  | 'bridge.rejected'
  | 'lockdown.blocked'
  | 'fleet.command'
  | 'fleet.update'
  | 'store.recovered'
  | 'audit.archived'
  | 'audit.pruned';

export interface AuditEntry {
  id: number;
  at: string;
  type: string;
  detail: Record<string, unknown>;
}

/** Where a chain continues from when the table is empty (the newest archive after a rotation or a rebuild). */
export interface ChainTail {
  id: number;
  hash: string;
}

/**
 * Append-only, hash-chained audit log (the table refuses UPDATE and DELETE; rotation moves old rows to archive
 * files, see audit-archive.ts). Details are masked before they are written.
 */
export class AuditLog {
  private readonly insert;
  private readonly recent;
  private readonly last;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly algorithm: ChainAlgorithm = 'sha256',
    /** The chain's tail outside this table (newest archive), used while the table is empty. */
    private readonly archivedTail: () => ChainTail | null = () => null,
  ) {
    this.insert = db.prepare('INSERT INTO audit (id, at, type, detail, hash) VALUES (?, ?, ?, ?, ?)');
    this.recent = db.prepare('SELECT id, at, type, detail FROM audit ORDER BY id DESC LIMIT ?');
    this.last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
  }

  append(type: AuditType, detail: Record<string, unknown> = {}): void {
    const at = this.now().toISOString();
    const text = JSON.stringify(maskPersonalData(detail));
    this.db.transaction(() => {
      const tail = (this.last.get() as { id: number; hash: string | null } | undefined) ?? this.archivedTail();
      const id = (tail?.id ?? 0) + 1;
      const hash = rowHash(this.algorithm, tail?.hash ?? GENESIS, { id, at, type, detail: text });
      this.insert.run(id, at, type, text, hash);
    })();
  }

  /** The latest entries of the given types, newest first. */
  ofTypes(types: AuditType[], limit: number): AuditEntry[] {
    return (
      this.db
        .prepare(`SELECT id, at, type, detail FROM audit WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY id DESC LIMIT ?`)
        .all(...types, limit) as { id: number; at: string; type: string; detail: string }[]
    ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  latest(limit: number): AuditEntry[] {
    return (this.recent.all(limit) as { id: number; at: string; type: string; detail: string }[]).map((r) => ({
      ...r,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
