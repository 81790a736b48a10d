import type { FlowDefinition, NeededDevice, StepHandler } from './types.js';

/** The flows this product knows and the step handlers they run on; checked for consistency when registered. */
export class FlowRegistry {
  private readonly flows = new Map<string, FlowDefinition>();
  private readonly handlers = new Map<string, StepHandler<never>>();

  /** Handlers first, then the flows that use them. */
  handler(h: StepHandler<never>): this {
    if (this.handlers.has(h.name)) throw new Error(`step handler "${h.name}" registered twice`);
    this.handlers.set(h.name, h);
    return this;
  }

  flow(def: FlowDefinition): this {
    const problem = checkDefinition(def, (name) => this.handlers.has(name));
    if (problem) throw new Error(`flow "${def.id}": ${problem}`);
    if (this.flows.has(def.id)) throw new Error(`flow "${def.id}" registered twice`);
    this.flows.set(def.id, def);
    return this;
  }

  get(id: string): FlowDefinition | undefined {
    return this.flows.get(id);
  }

  handlerOf(name: string): StepHandler<unknown> {
    const h = this.handlers.get(name);
    if (!h) throw new Error(`no step handler "${name}"`);
    return h as StepHandler<unknown>;
  }

  all(): FlowDefinition[] {
    return [...this.flows.values()];
  }

  /** Flows this terminal can run: every device they need is configured. */
  runnable(devices: ReadonlySet<NeededDevice>): string[] {
    return this.all()
      .filter((f) => f.devices.every((d) => devices.has(d)))
      .map((f) => f.id);
  }
}

/** Why a definition cannot run (unknown handler, duplicate step, a branch into nowhere), or null. */
export function checkDefinition(def: FlowDefinition, hasHandler: (name: string) => boolean): string | null {
  if (def.steps.length === 0) return 'has no steps';
  const ids = new Set<string>();
  for (const s of def.steps) {
    if (ids.has(s.id)) return `step "${s.id}" appears twice`;
    ids.add(s.id);
    if (!hasHandler(s.handler)) return `step "${s.id}" uses the unknown handler "${s.handler}"`;
  }
  for (const s of def.steps)
    for (const [branch, target] of Object.entries(s.branches ?? {}))
      if (!ids.has(target)) return `step "${s.id}" branch "${branch}" leads to the unknown step "${target}"`;
  return null;
}

/** What `diag flows --json` prints for each flow. */
export function describeFlows(flows: readonly FlowDefinition[]) {
  return flows.map((f) => ({
    id: f.id,
    steps: f.steps.map((s) => s.id),
    devices: [...f.devices],
    eligibility: { identity: f.eligibility.identity, cardTypes: [...f.eligibility.cardTypes] },
  }));
}
