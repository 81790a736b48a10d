import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import type { FlowRegistry } from './registry.js';
import {
  RunData,
  type FailureAction,
  type FailureView,
  type FlowDefinition,
  type StepContext,
  type StepHandler,
  type StepOutcome,
} from './types.js';
import type { FlowState, StepView } from './views.js';

/** A refusal the UI shows (unknown flow, stale answer, bad answer): a message key and a technical detail. */
export class FlowRefusal extends Error {
  constructor(
    readonly code: 'unknownFlow' | 'notHere' | 'noRun' | 'stale' | 'badAnswer',
    readonly messageKey: string,
    detail: string,
  ) {
    super(detail);
  }
}

interface Run {
  id: string;
  flow: FlowDefinition;
  matter: StepContext['matter'];
  data: RunData;
  index: number;
  status: FlowState['status'];
  view: StepView;
  failure: FailureView | null;
  seq: number;
  /** Interactive steps visited, by index, for "back". */
  history: number[];
  abort: AbortController;
}

export interface FlowEngineDeps {
  registry: FlowRegistry;
  /** Flows whose devices are configured on this terminal. */
  runnable: ReadonlySet<string>;
  emit(state: FlowState | null): void;
  /** The journey ended with the resident done: end their session. */
  completed(): void;
  /** Work is going on (printing): keeps the idle timeout from ending the session under it. */
  activity(): void;
  log: Logger;
}

const genericFailure: FailureView = { messageKey: 'flow.error.unexpected', actions: ['retry', 'home'] };

/**
 * Runs one flow at a time for the session: position, step data and transitions live here, the UI only renders
 * `FlowState` and sends answers. Each step runs with its handler's timeout and is aborted when the resident goes back
 * or leaves, or the session ends (`wipe`). A result that arrives for a step no longer current is ignored.
 */
export class FlowEngine {
  private run: Run | null = null;

  constructor(private readonly deps: FlowEngineDeps) {}

  current(): FlowState | null {
    return this.run ? stateOf(this.run) : null;
  }

  /** The running flow's data, for core-side readers (the preview document); never sent as a whole. */
  data(): RunData | null {
    return this.run?.data ?? null;
  }

  start(flowId: string, matter: StepContext['matter']): FlowState {
    const flow = this.deps.registry.get(flowId);
    if (!flow) throw new FlowRefusal('unknownFlow', 'flow.error.notHere', `no flow "${flowId}"`);
    if (!this.deps.runnable.has(flowId))
      throw new FlowRefusal('notHere', 'flow.error.notHere', `flow "${flowId}" needs devices this terminal lacks`);
    this.drop();
    const run: Run = {
      id: randomUUID(),
      flow,
      matter,
      data: new RunData(),
      index: 0,
      status: 'working',
      view: { step: 'working', messageKey: 'flow.working.default' },
      failure: null,
      seq: 0,
      history: [],
      abort: new AbortController(),
    };
    this.run = run;
    this.deps.log.info({ flow: flowId, matter: matter?.id ?? null, run: run.id }, 'flow started');
    this.enter(run, 0);
    return stateOf(run);
  }

  answer(runId: string, seq: number, raw: unknown): FlowState {
    const run = this.live(runId);
    if (run.status !== 'waiting' || run.seq !== seq)
      throw new FlowRefusal('stale', 'flow.error.stale', `answer for state ${seq}, current ${run.seq} (${run.status})`);
    const handler = this.handlerAt(run);
    if (!handler.answer || !handler.onAnswer)
      throw new FlowRefusal('badAnswer', 'flow.error.badAnswer', `step ${run.flow.steps[run.index]!.id} takes no answer`);
    const parsed = handler.answer.safeParse(raw);
    if (!parsed.success)
      throw new FlowRefusal(
        'badAnswer',
        'flow.error.badAnswer',
        parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; '),
      );
    const onAnswer = handler.onAnswer.bind(handler);
    this.work(run, handler, (ctx) => onAnswer(ctx, parsed.data));
    return stateOf(run);
  }

  /** A way forward after a failure, or "back" from a waiting step. */
  act(runId: string, action: FailureAction): FlowState | null {
    const run = this.live(runId);
    if (action === 'home') {
      this.leave(runId);
      return null;
    }
    if (action === 'back') {
      const target = previousInteractive(run);
      if (target === null) throw new FlowRefusal('stale', 'flow.error.stale', 'nothing to go back to');
      run.history = run.history.filter((i) => i < target);
      this.enter(run, target);
      return stateOf(run);
    }
    if (run.status !== 'failed') throw new FlowRefusal('stale', 'flow.error.stale', `${action} while ${run.status}`);
    if (action === 'retry') this.enter(run, run.index);
    else this.advance(run, undefined);
    return this.run ? stateOf(run) : null;
  }

  /** The resident leaves the journey (home, or back from its first step): the run and its data are dropped. */
  leave(runId: string): void {
    this.live(runId);
    this.drop();
    this.deps.emit(null);
  }

  /** Session end: abort whatever runs and forget every piece of the run's data. */
  wipe(): void {
    if (!this.run) return;
    this.drop();
    this.deps.emit(null);
  }

  private drop(): void {
    const run = this.run;
    if (!run) return;
    run.abort.abort();
    run.data.clear();
    this.run = null;
    this.deps.log.info({ flow: run.flow.id, run: run.id, step: run.flow.steps[run.index]?.id }, 'flow left');
  }

  private live(runId: string): Run {
    if (!this.run || this.run.id !== runId) throw new FlowRefusal('noRun', 'flow.error.stale', `no running flow ${runId}`);
    return this.run;
  }

  private handlerAt(run: Run): StepHandler<unknown> {
    return this.deps.registry.handlerOf(run.flow.steps[run.index]!.handler);
  }

  private enter(run: Run, index: number): void {
    run.index = index;
    const handler = this.handlerAt(run);
    if (handler.answer && handler.returnable !== false) run.history = [...run.history.filter((i) => i !== index), index];
    this.work(run, handler, (ctx) => handler.enter(ctx));
  }

  /** Runs step work under a fresh abort signal and the handler's timeout, then applies its outcome. */
  private work(run: Run, handler: StepHandler<unknown>, job: (ctx: StepContext) => Promise<StepOutcome>): void {
    run.abort.abort();
    const abort = new AbortController();
    run.abort = abort;
    run.status = 'working';
    run.failure = null;
    run.view = { step: 'working', messageKey: `flow.working.${handler.name}` };
    this.publish(run);
    const ctx: StepContext = {
      flow: run.flow,
      matter: run.matter,
      data: run.data,
      signal: abort.signal,
      update: (view) => {
        if (abort.signal.aborted || this.run !== run) return;
        run.view = view;
        this.deps.activity();
        this.publish(run);
      },
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StepOutcome>((resolve) => {
      timer = setTimeout(() => {
        this.deps.log.warn({ flow: run.flow.id, step: handler.name, timeoutMs: handler.timeoutMs }, 'step timed out');
        abort.abort();
        resolve({ kind: 'fail', failure: { messageKey: 'flow.error.timeout', actions: ['retry', 'home'] } });
      }, handler.timeoutMs);
    });
    const outcome = Promise.race([
      job(ctx).catch((e: unknown): StepOutcome => {
        const failure = handler.failure?.(e, ctx) ?? null;
        if (!failure) this.deps.log.error({ flow: run.flow.id, step: handler.name, err: (e as Error).message }, 'step failed unexpectedly');
        return { kind: 'fail', failure: failure ?? genericFailure };
      }),
      timeout,
    ]);
    void outcome.then((o) => {
      clearTimeout(timer);
      if (this.run === run && run.abort === abort && !(abort.signal.aborted && o.kind !== 'fail')) this.apply(run, abort, o);
    });
  }

  private apply(run: Run, abort: AbortController, outcome: StepOutcome): void {
    switch (outcome.kind) {
      case 'wait':
        run.status = 'waiting';
        run.view = outcome.view;
        this.publish(run);
        void outcome.until?.then((next) => {
          if (this.run === run && run.abort === abort && run.status === 'waiting' && !abort.signal.aborted) this.apply(run, abort, next);
        });
        return;
      case 'fail':
        abort.abort();
        run.status = 'failed';
        run.failure = outcome.failure;
        this.deps.log.info(
          { flow: run.flow.id, step: run.flow.steps[run.index]!.id, messageKey: outcome.failure.messageKey },
          'step failed',
        );
        this.publish(run);
        return;
      case 'next':
        this.advance(run, outcome.branch);
        return;
      case 'end':
        this.drop();
        this.deps.emit(null);
        if (outcome.reason === 'completed') this.deps.completed();
        return;
    }
  }

  private advance(run: Run, branch: string | undefined): void {
    const spec = run.flow.steps[run.index]!;
    const target = branch ? spec.branches?.[branch] : undefined;
    if (branch && !target) throw new Error(`flow ${run.flow.id} step ${spec.id}: no branch "${branch}"`);
    const next = target ? run.flow.steps.findIndex((s) => s.id === target) : run.index + 1;
    if (next >= run.flow.steps.length) {
      this.drop();
      this.deps.emit(null);
      return;
    }
    this.enter(run, next);
  }

  private publish(run: Run): void {
    run.seq += 1;
    this.deps.emit(stateOf(run));
  }
}

function previousInteractive(run: Run): number | null {
  const earlier = run.history.filter((i) => i < run.index);
  return earlier.length ? earlier[earlier.length - 1]! : null;
}

function stateOf(run: Run): FlowState {
  return {
    runId: run.id,
    flowId: run.flow.id,
    matter: run.matter,
    stepId: run.flow.steps[run.index]!.id,
    position: run.index + 1,
    count: run.flow.steps.length,
    status: run.status,
    view: run.view,
    failure: run.failure,
    canBack: previousInteractive(run) !== null,
    seq: run.seq,
  };
}
