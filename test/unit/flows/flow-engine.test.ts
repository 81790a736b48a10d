import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FlowEngine, FlowRefusal } from '../../../main/core/flows/flow-engine.js';
import { FlowRegistry } from '../../../main/core/flows/registry.js';
import { dataKey, type FlowDefinition, type StepHandler, type StepOutcome } from '../../../main/core/flows/types.js';
import type { FlowState } from '../../../main/core/flows/views.js';
import { createLogger } from '../../../main/core/log/logger.js';

const log = createLogger({ level: 'silent' });
const NOTE = dataKey<string>('note');

/** A step that waits for `{ text }` and remembers it. */
const ask: StepHandler<{ text: string }> = {
  name: 'ask',
  timeoutMs: 1000,
  answer: z.object({ text: z.string().min(1) }).strict(),
  enter: async () => ({ kind: 'wait', view: { step: 'copies', copies: 1, max: 3 } }),
  onAnswer: async (ctx, a) => {
    ctx.data.set(NOTE, a.text);
    return { kind: 'next', branch: a.text === 'jump' ? 'jump' : undefined };
  },
};
/** An automatic step whose result the test decides. */
function auto(name: string, run: (signal: AbortSignal) => Promise<StepOutcome>, timeoutMs = 1000): StepHandler {
  return { name, timeoutMs, enter: (ctx) => run(ctx.signal) };
}
const finish: StepHandler<{ done: true }> = {
  name: 'finish',
  timeoutMs: 1000,
  answer: z.object({ done: z.literal(true) }).strict(),
  enter: async () => ({ kind: 'wait', view: { step: 'done', caseId: null, receipt: null } }),
  onAnswer: async () => ({ kind: 'end', reason: 'completed' }),
};

function setup(work: StepHandler, def?: Partial<FlowDefinition>) {
  const registry = new FlowRegistry()
    .handler(ask as StepHandler<never>)
    .handler(work as StepHandler<never>)
    .handler(finish as StepHandler<never>);
  registry.flow({
    id: 'demo',
    devices: [],
    eligibility: { identity: 'card', cardTypes: ['resident'] },
    steps: [
      { id: 'first', handler: 'ask', branches: { jump: 'end' } },
      { id: 'work', handler: work.name },
      { id: 'end', handler: 'finish' },
    ],
    ...def,
  });
  const states: (FlowState | null)[] = [];
  let completed = 0;
  const waiters: { test: (s: FlowState | null) => boolean; resolve: (s: FlowState | null) => void }[] = [];
  const engine = new FlowEngine({
    registry,
    runnable: new Set(['demo']),
    emit: (s) => {
      states.push(s);
      for (const w of [...waiters])
        if (w.test(s)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(s);
        }
    },
    completed: () => (completed += 1),
    activity: () => undefined,
    log,
  });
  /** Resolves with the first pushed state matching `test` (already pushed, or the next one). */
  const until = (test: (s: FlowState | null) => boolean) =>
    new Promise<FlowState | null>((resolve) => {
      const seen = states.find(test);
      if (seen !== undefined) resolve(seen);
      else waiters.push({ test, resolve });
    });
  const at = (stepId: string, status: FlowState['status']) =>
    until((s) => s?.stepId === stepId && s.status === status) as Promise<FlowState>;
  return { engine, states, until, at, completed: () => completed };
}

describe('flow engine', () => {
  it('walks a flow: waits for an answer, runs automatic work, ends the session when the resident finishes', async () => {
    const f = setup(auto('work', async () => ({ kind: 'next' })));
    expect(f.engine.start('demo', null)).toMatchObject({ flowId: 'demo', stepId: 'first', status: 'working' });
    const s0 = await f.at('first', 'waiting');
    expect(s0).toMatchObject({ position: 1, count: 3, canBack: false });
    f.engine.answer(s0.runId, s0.seq, { text: 'hello' });
    const end = await f.at('end', 'waiting');
    expect(end.canBack).toBe(true);
    f.engine.answer(end.runId, end.seq, { done: true });
    await f.until((s) => s === null);
    expect(f.completed()).toBe(1);
    expect(f.engine.current()).toBeNull();
  });

  it('follows a branch named by the step', async () => {
    const f = setup(auto('work', async () => ({ kind: 'next' })));
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'jump' });
    await f.at('end', 'waiting');
    expect(f.states.some((s) => s?.stepId === 'work')).toBe(false);
  });

  it('refuses a stale answer and an answer that does not fit the step, and keeps the step', async () => {
    const f = setup(auto('work', async () => ({ kind: 'next' })));
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    expect(() => f.engine.answer(s0.runId, s0.seq + 5, { text: 'x' })).toThrow(FlowRefusal);
    const bad = (() => {
      try {
        f.engine.answer(s0.runId, s0.seq, { text: '' });
      } catch (e) {
        return e as FlowRefusal;
      }
    })();
    expect(bad).toMatchObject({ code: 'badAnswer', messageKey: 'flow.error.badAnswer' });
    expect(f.engine.current()).toMatchObject({ stepId: 'first', status: 'waiting' });
    expect(() => f.engine.answer('another-run', s0.seq, { text: 'x' })).toThrow(FlowRefusal);
  });

  it('a failing step offers retry; a retry runs it again and goes on', async () => {
    let calls = 0;
    const f = setup(
      auto('work', async () =>
        ++calls === 1 ? { kind: 'fail', failure: { messageKey: 'x.failed', actions: ['retry', 'home'] } } : { kind: 'next' },
      ),
    );
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'a' });
    const failed = await f.at('work', 'failed');
    expect(failed.failure).toMatchObject({ messageKey: 'x.failed', actions: ['retry', 'home'] });
    f.engine.act(failed.runId, 'retry');
    await f.at('end', 'waiting');
    expect(calls).toBe(2);
  });

  it('a thrown error becomes the step failure (or a generic one) and never escapes', async () => {
    const f = setup({
      ...auto('work', async () => {
        throw new Error('boom');
      }),
      failure: (e) => ((e as Error).message === 'boom' ? { messageKey: 'x.boom', actions: ['back'] } : null),
    });
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'a' });
    expect((await f.at('work', 'failed')).failure?.messageKey).toBe('x.boom');
  });

  it('a step that takes longer than its timeout is aborted and offers a retry', async () => {
    let aborted = false;
    const f = setup(
      auto(
        'work',
        (signal) =>
          new Promise<StepOutcome>((resolve) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              resolve({ kind: 'next' });
            }),
          ),
        50,
      ),
    );
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'a' });
    const failed = await f.at('work', 'failed');
    expect(failed.failure?.messageKey).toBe('flow.error.timeout');
    expect(aborted).toBe(true);
    expect(f.engine.current()?.stepId).toBe('work');
  });

  it('back returns to the previous interactive step and keeps its data; from the first, back is not offered', async () => {
    const f = setup(auto('work', async () => ({ kind: 'next' })));
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'kept' });
    const end = await f.at('end', 'waiting');
    f.engine.act(end.runId, 'back');
    const back = await f.until((s) => s?.stepId === 'first' && s.status === 'waiting' && s.seq > end.seq);
    expect(back).toMatchObject({ canBack: false });
    expect(f.engine.data()?.get(NOTE)).toBe('kept');
    expect(() => f.engine.act(end.runId, 'back')).toThrow(FlowRefusal);
  });

  it('leaving or the session ending aborts the running step and drops the run with its data', async () => {
    let signal: AbortSignal | null = null;
    const f = setup(auto('work', (s) => ((signal = s), new Promise<StepOutcome>(() => undefined))));
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'secret' });
    await f.at('work', 'working');
    const data = f.engine.data()!;
    f.engine.wipe();
    expect(signal!.aborted).toBe(true);
    expect(data.get(NOTE)).toBeUndefined();
    expect(f.engine.current()).toBeNull();
    expect(f.states.at(-1)).toBeNull();
    expect(f.completed()).toBe(0);
  });

  it('a result that arrives after the resident went back is ignored', async () => {
    let release: (o: StepOutcome) => void = () => undefined;
    const f = setup(auto('work', () => new Promise<StepOutcome>((r) => (release = r))));
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'a' });
    const working = await f.at('work', 'working');
    f.engine.act(working.runId, 'back');
    await f.until((s) => s?.stepId === 'first' && s.status === 'waiting' && s.seq > working.seq);
    release({ kind: 'next' });
    await new Promise((r) => setImmediate(r));
    expect(f.engine.current()).toMatchObject({ stepId: 'first', status: 'waiting' });
  });

  it('a waiting step completes on an event (a card placed) without an answer', async () => {
    let placeCard: (o: StepOutcome) => void = () => undefined;
    const wait: StepHandler = {
      name: 'work',
      timeoutMs: 1000,
      enter: async () => ({ kind: 'wait', view: { step: 'identify', messageKey: null }, until: new Promise((r) => (placeCard = r)) }),
    };
    const f = setup(wait);
    f.engine.start('demo', null);
    const s0 = await f.at('first', 'waiting');
    f.engine.answer(s0.runId, s0.seq, { text: 'a' });
    await f.at('work', 'waiting');
    placeCard({ kind: 'next' });
    await f.at('end', 'waiting');
  });

  it('refuses a flow this terminal cannot run', () => {
    const f = setup(auto('work', async () => ({ kind: 'next' })));
    expect(() => f.engine.start('nope', null)).toThrow(FlowRefusal);
  });
});

describe('flow registry', () => {
  const h = (name: string) => auto(name, async () => ({ kind: 'next' })) as StepHandler<never>;
  const def = (steps: FlowDefinition['steps']): FlowDefinition => ({
    id: 'x',
    devices: ['certificatePrinter'],
    eligibility: { identity: 'card', cardTypes: [] },
    steps,
  });

  it('rejects a flow with an unknown handler, a duplicate step or a branch into nowhere', () => {
    const r = () => new FlowRegistry().handler(h('a'));
    expect(() => r().flow(def([{ id: 's', handler: 'b' }]))).toThrow(/unknown handler "b"/);
    expect(() =>
      r().flow(
        def([
          { id: 's', handler: 'a' },
          { id: 's', handler: 'a' },
        ]),
      ),
    ).toThrow(/appears twice/);
    expect(() => r().flow(def([{ id: 's', handler: 'a', branches: { x: 'nowhere' } }]))).toThrow(/unknown step "nowhere"/);
  });

  it('offers a flow only where every device it needs is configured', () => {
    const r = new FlowRegistry().handler(h('a')).flow(def([{ id: 's', handler: 'a' }]));
    expect(r.runnable(new Set())).toEqual([]);
    expect(r.runnable(new Set(['certificatePrinter']))).toEqual(['x']);
  });
});
