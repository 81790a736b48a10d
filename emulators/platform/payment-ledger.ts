import { appendFileSync } from 'node:fs';

export type MoneyMovement = { orderId: string; kind: 'charge' | 'reverse' | 'refund'; amountFen: number; at: string };

/**
 * Every money movement the emulated gateway makes, in memory and — with `--ledger FILE` — appended to FILE as JSON
 * lines, written synchronously before the reply leaves, so anyone can count what was really charged.
 */
export class PaymentLedger {
  readonly entries: MoneyMovement[] = [];

  constructor(private readonly file?: string) {}

  record(orderId: string, kind: MoneyMovement['kind'], amountFen: number): void {
    const entry = { orderId, kind, amountFen, at: new Date().toISOString() };
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}
