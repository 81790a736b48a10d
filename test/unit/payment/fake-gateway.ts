import type {
  CloseReply,
  CreateReply,
  PaymentGatewayPort,
  PayReply,
  QueryReply,
  RefundReply,
  ReverseReply,
} from '../../../main/core/platform/payments.js';

type Call = { op: string; orderId: string; at: number };

/** A scripted gateway: each operation answers from its queue (the last answer repeats), and every call is recorded. */
export class FakeGateway implements PaymentGatewayPort {
  readonly calls: Call[] = [];
  create: CreateReply[] = [{ kind: 'created' }];
  pay: PayReply[] = [{ kind: 'paid' }];
  queries: QueryReply[] = [{ kind: 'state', state: 'notPaid' }];
  reverses: ReverseReply[] = [{ kind: 'reversed', moneyReturned: false }];
  closes: CloseReply[] = [{ kind: 'closed' }];
  refunds: RefundReply[] = [{ kind: 'refunded' }];
  /** Runs inside the pay call, before it answers (to look at the journal at that moment). */
  onPay?: (orderId: string) => void;

  private next<T>(queue: T[]): T {
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  }
  private note(op: string, orderId: string) {
    this.calls.push({ op, orderId, at: Date.now() });
  }
  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }
  ops(): string[] {
    return this.calls.map((c) => c.op);
  }

  async createOrder(a: { orderId: string }) {
    this.note('create', a.orderId);
    return this.next(this.create);
  }
  async payByCode(orderId: string) {
    this.note('pay', orderId);
    this.onPay?.(orderId);
    return this.next(this.pay);
  }
  async query(orderId: string) {
    this.note('query', orderId);
    return this.next(this.queries);
  }
  async reverse(orderId: string) {
    this.note('reverse', orderId);
    return this.next(this.reverses);
  }
  async close(orderId: string) {
    this.note('close', orderId);
    return this.next(this.closes);
  }
  async qr(orderId: string) {
    this.note('qr', orderId);
    return { kind: 'qr' as const, codeUrl: `https://pay.example.gov.cn/qr/${orderId}` };
  }
  async refund(orderId: string) {
    this.note('refund', orderId);
    return this.next(this.refunds);
  }
}
