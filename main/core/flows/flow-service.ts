import type { CatalogService } from '../catalog/catalog-service.js';
import type { Logger } from '../log/logger.js';
import type { SessionManager } from '../session/session.js';
import { FlowEngine, FlowRefusal } from './flow-engine.js';
import type { FlowRegistry } from './registry.js';
import { pagePreview } from './steps/apply-materials.js';
import { MATERIALS_WORK } from './steps/apply-materials-work.js';
import { PROOF } from './steps/proof-data.js';
import type { FailureAction, NeededDevice } from './types.js';
import type { FlowState } from './views.js';

/**
 * The flows of this terminal, as the bridge sees them: start a flow (for a matter that names it), answer, act on a
 * failure, leave, and the preview document. Registers its own wipe: the run goes when the session ends.
 */
export class FlowService {
  readonly runnable: ReadonlySet<string>;
  private readonly engine: FlowEngine;

  constructor(
    private readonly deps: {
      registry: FlowRegistry;
      devices: ReadonlySet<NeededDevice>;
      session: Pick<SessionManager, 'registerWipe' | 'end' | 'activity' | 'snapshot'>;
      catalog: Pick<CatalogService, 'matter'>;
      emit: (state: FlowState | null) => void;
      log: Logger;
    },
  ) {
    this.runnable = new Set(deps.registry.runnable(deps.devices));
    this.engine = new FlowEngine({
      registry: deps.registry,
      runnable: this.runnable,
      emit: deps.emit,
      completed: () => deps.session.end('completed'),
      activity: () => deps.session.activity(),
      log: deps.log,
    });
    deps.session.registerWipe(() => this.engine.wipe());
  }

  /** Can a matter naming these flows be done at this terminal? Only when one of them runs on its devices. */
  doableHere(flows: readonly string[]): boolean {
    return flows.some((f) => this.runnable.has(f));
  }

  start(flowId: string, matterId: string | null): FlowState {
    const session = this.deps.session.snapshot();
    if (session.phase === 'idle' || session.mode !== 'resident')
      throw new FlowRefusal('noRun', 'flow.error.stale', 'flows run only in a resident session');
    let matter: { id: string; name: string; guideUrl: string | null } | null = null;
    if (matterId !== null) {
      const m = this.deps.catalog.matter(matterId);
      if (!m?.channels.terminal?.flows.includes(flowId as never))
        throw new FlowRefusal('notHere', 'flow.error.notHere', `matter ${matterId} does not use flow ${flowId} at terminals`);
      matter = { id: m.id, name: m.name, guideUrl: m.guideUrl };
    }
    return this.engine.start(flowId, matter);
  }

  current(): FlowState | null {
    return this.engine.current();
  }

  answer(runId: string, seq: number, answer: unknown): FlowState {
    return this.engine.answer(runId, seq, answer);
  }

  act(runId: string, action: FailureAction): FlowState | null {
    return this.engine.act(runId, action);
  }

  leave(runId: string): void {
    this.engine.leave(runId);
  }

  /** The masked preview of the proof in this run, for the screen (the printed one never leaves the core). */
  previewDocument(runId: string): Uint8Array {
    const state = this.engine.current();
    const proof = state?.runId === runId ? this.engine.data()?.get(PROOF) : undefined;
    if (!proof) throw new FlowRefusal('noRun', 'flow.error.stale', 'no proof in this run');
    return proof.preview;
  }

  /** The screen preview of a page the resident captured for a material (apply flow). */
  pagePreview(runId: string, materialId: string, pageId: string): Uint8Array {
    const state = this.engine.current();
    const preview = state?.runId === runId ? pagePreview(this.engine.data()?.get(MATERIALS_WORK), materialId, pageId) : null;
    if (!preview) throw new FlowRefusal('noRun', 'flow.error.stale', 'no such page in this run');
    return preview;
  }
}
