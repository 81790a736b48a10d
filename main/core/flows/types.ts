import type { z } from 'zod';
import type { StepView } from './views.js';

/** Card types a flow may accept (the identity service's kinds). */
export type IdentityKind = 'resident' | 'hkMacaoTaiwan' | 'foreignPermanent2017' | 'foreignPermanent2023' | 'socialSecurity';

/** Device kinds a flow may need before the resident does any work. */
export type NeededDevice = 'certificatePrinter' | 'receiptPrinter' | 'idCardReader';

/** Who may use a flow: whether an identity is needed and which cards are accepted. */
export interface Eligibility {
  /** `card`: an ID card (or social security card) is required; `cardOrCode`: or a case number with its query code. */
  identity: 'card' | 'cardOrCode';
  /** Accepted card types; the identify step refuses others before the platform is asked anything. */
  cardTypes: readonly IdentityKind[];
}

/** One step of a flow: which handler runs it, and where each of its branches leads (default: the next step). */
export interface StepSpec {
  id: string;
  handler: string;
  /** Branch name → step id. A handler returning `{ kind: 'next', branch }` follows this map. */
  branches?: Readonly<Record<string, string>>;
}

/** A journey as data: ordered steps with the few branches it needs, who may use it and what it needs. */
export interface FlowDefinition {
  id: string;
  steps: readonly StepSpec[];
  /** Needed devices: without one configured the flow is not offered on this terminal. */
  devices: readonly NeededDevice[];
  eligibility: Eligibility;
}

/** What the resident can do after a failure. `retry` runs the failed step again; `skip` goes on without it (an optional receipt). */
export type FailureAction = 'retry' | 'back' | 'home' | 'skip';

export interface FailureView {
  messageKey: string;
  params?: Record<string, string | number>;
  /** A QR code the message refers to (electronic copy, guide on the phone). */
  qrUrl?: string | null;
  actions: FailureAction[];
}

export type StepOutcome =
  /** Show `view` and wait for the resident's answer; `until` completes the step on an event instead (a card placed). */
  | { kind: 'wait'; view: StepView; until?: Promise<StepOutcome> }
  | { kind: 'next'; branch?: string }
  | { kind: 'fail'; failure: FailureView }
  /** The journey is over: `completed` ends the resident's session, `left` returns to where they were. */
  | { kind: 'end'; reason: 'completed' | 'left' };

/** Data a run carries between its steps (memory only; dropped with the run). */
export class RunData {
  private readonly values = new Map<string, unknown>();
  get<T>(key: DataKey<T>): T | undefined {
    return this.values.get(key.name) as T | undefined;
  }
  require<T>(key: DataKey<T>): T {
    const v = this.values.get(key.name);
    if (v === undefined) throw new Error(`flow data "${key.name}" missing: the flow definition is out of order`);
    return v as T;
  }
  set<T>(key: DataKey<T>, value: T): void {
    this.values.set(key.name, value);
  }
  delete(key: DataKey<unknown>): void {
    this.values.delete(key.name);
  }
  /** Drops everything; byte arrays (a proof's PDF carries the resident's name and number) are zeroed first. */
  clear(): void {
    for (const v of this.values.values()) zeroBytes(v);
    this.values.clear();
  }
}

/**
 * Zeroes byte arrays held directly or anywhere inside arrays and plain objects (how run data keeps documents; the
 * apply flow keeps scanned pages in lists of materials).
 */
function zeroBytes(v: unknown, seen = new Set<object>()): void {
  if (v instanceof Uint8Array) v.fill(0);
  else if ((Array.isArray(v) || isPlainObject(v)) && !seen.has(v)) {
    seen.add(v);
    for (const f of Array.isArray(v) ? v : Object.values(v)) zeroBytes(f, seen);
  } else if (v !== null && typeof v === 'object' && seen.size === 0)
    for (const f of Object.values(v)) if (f instanceof Uint8Array) f.fill(0);
}
/** Only data is walked, never a class instance (a service's own buffers are not the run's to zero). */
const isPlainObject = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);
/** A typed name for one piece of run data. */
export interface DataKey<T> {
  readonly name: string;
  readonly _type?: T;
}
export const dataKey = <T>(name: string): DataKey<T> => ({ name });

export interface StepContext {
  readonly flow: FlowDefinition;
  readonly matter: { id: string; name: string; guideUrl: string | null } | null;
  readonly data: RunData;
  /** Aborted when the resident goes back or leaves, the session ends, or the step times out. */
  readonly signal: AbortSignal;
  /** Pushes an intermediate view while the step works (printing page x of y). */
  update(view: StepView): void;
}

/**
 * A step's behaviour, registered once in the core and used by any flow. `enter` runs when the step is reached;
 * interactive steps declare an `answer` schema and get the resident's validated answer in `onAnswer`. Errors thrown
 * become the failure `failure(e)` maps them to (each step knows its own messages).
 */
export interface StepHandler<A = unknown> {
  name: string;
  /** Upper bound for `enter` and `onAnswer` together; past it the step fails with a retry. */
  timeoutMs: number;
  answer?: z.ZodType<A>;
  /** False for steps "back" must skip (identify: a card already read would only pass through again). */
  returnable?: boolean;
  enter(ctx: StepContext): Promise<StepOutcome>;
  onAnswer?(ctx: StepContext, answer: A): Promise<StepOutcome>;
  /** The failure to show for an error this step threw; null: the generic "something went wrong, try again". */
  failure?(e: unknown, ctx: StepContext): FailureView | null;
}
