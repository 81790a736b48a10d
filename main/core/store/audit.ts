import { maskPersonalData } from '../log/mask.js';
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
  | 'print.completed'
  | 'print.failed'
  | 'device.status'
  | 'device.selfTest'
  | 'bridge.rejected'
  | 'fleet.command'
  | 'fleet.update';

export interface AuditEntry {
  id: number;
  at: string;
  type: string;
  detail: Record<string, unknown>;
}

/** Append-only audit log (the table refuses UPDATE and DELETE). Details are masked before they are written. */
export class AuditLog {
  private readonly insert;
  private readonly recent;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare('INSERT INTO audit (at, type, detail) VALUES (?, ?, ?)');
    this.recent = db.prepare('SELECT id, at, type, detail FROM audit ORDER BY id DESC LIMIT ?');
  }

  append(type: AuditType, detail: Record<string, unknown> = {}): void {
    this.insert.run(this.now().toISOString(), type, JSON.stringify(maskPersonalData(detail)));
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
