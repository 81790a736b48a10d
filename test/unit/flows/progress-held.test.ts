import { describe, expect, it } from 'vitest';
import type { HeldApplication, ReferenceState } from '../../../main/core/apply/application-store.js';
import { CASE_QUERY, type CaseQuery, type HeldApplications } from '../../../main/core/flows/steps/case-data.js';
import { caseListStep } from '../../../main/core/flows/steps/case-list.js';
import { RunData, type StepContext } from '../../../main/core/flows/types.js';
import { PlatformClient } from '../../../main/core/platform/client.js';
import { PlatformError } from '../../../main/core/platform/errors.js';
import { en } from '../../../renderer/src/i18n/en.js';
import { ug } from '../../../renderer/src/i18n/ug.js';
import { zhCN } from '../../../renderer/src/i18n/zh-CN.js';

/** The progress query's list step with applications held at this terminal, the platform unreachable (port 1). */
const ID = '310106198001012345';
const waiting: HeldApplication = {
  localReference: 'ZD00000000A1',
  outcome: 'queued',
  matterId: 'sh-kiosk-013',
  savedAt: '2026-11-30T02:00:00.000Z',
};
const refused: HeldApplication = {
  localReference: 'ZD00000000B2',
  outcome: 'refused',
  matterId: 'sh-kiosk-112',
  savedAt: '2026-11-29T02:00:00.000Z',
  message: '居住登记信息与申请不符',
};
const delivered: ReferenceState = {
  outcome: 'accepted',
  matterId: 'sh-kiosk-013',
  savedAt: '2026-11-28T02:00:00.000Z',
  caseNumber: '31010620261128000001',
  queryCode: 'Q1W2E3',
};

const held = (mine: HeldApplication[]): HeldApplications => ({
  heldFor: (id) => (id === ID ? mine : []),
  // as the store does: typed in any case
  reference: (typed) => {
    const ref = typed.toUpperCase();
    return ref === 'ZD00000000C3' ? delivered : (mine.find((m) => m.localReference === ref) ?? null);
  },
});
const downPlatform = new PlatformClient({
  baseUrl: 'http://127.0.0.1:1/',
  terminalId: 'T',
  secret: 'a-test-secret',
  attempts: 1,
  timeoutMs: 2000,
});
const names: Record<string, string> = { 'sh-kiosk-013': '失业登记', 'sh-kiosk-112': '居住证签注' };

function run(query: CaseQuery, mine: HeldApplication[]) {
  const data = new RunData();
  data.set(CASE_QUERY, query);
  const ctx = { data, signal: new AbortController().signal, matter: null } as unknown as StepContext;
  const step = caseListStep({
    platform: downPlatform,
    holderIdNumber: () => ID,
    held: () => held(mine),
    matterName: (id) => names[id] ?? null,
  });
  return { step, ctx, enter: () => step.enter(ctx) };
}

describe('进度查询: applications held at this terminal', () => {
  it('by card with the platform unreachable: the waiting and the refused application are listed all the same', async () => {
    const out = await run({ by: 'holder' }, [waiting, refused]).enter();
    if (out.kind !== 'wait' || out.view.step !== 'caseList') throw new Error(`expected the list, got ${out.kind}`);
    expect(out.view.platformUnavailable).toBe(true);
    expect(out.view.cases).toEqual([]);
    expect(out.view.held).toEqual([
      {
        localReference: 'ZD00000000A1',
        matter: { id: 'sh-kiosk-013', name: '失业登记' },
        savedAt: waiting.savedAt,
        outcome: 'queued',
        caseNumber: null,
        queryCode: null,
        message: null,
      },
      expect.objectContaining({ localReference: 'ZD00000000B2', outcome: 'refused', message: '居住登记信息与申请不符' }),
    ]);
    // the view carries nothing of the holder
    expect(JSON.stringify(out.view)).not.toContain(ID);
  });

  it('by card with nothing held here and the platform unreachable: the platform failure, as before', async () => {
    const { step, ctx, enter } = run({ by: 'holder' }, []);
    const e = await enter().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlatformError);
    expect(step.failure?.(e, ctx)?.messageKey).toBe('flow.error.platformDown');
  });

  it('by local reference: refused shows the platform’s words; delivered its case number and query code', async () => {
    const r = await run({ by: 'reference', localReference: 'zd00000000b2' }, [waiting, refused]).enter();
    if (r.kind !== 'wait' || r.view.step !== 'heldApplication') throw new Error('expected the held application');
    expect(r.view.application).toMatchObject({ localReference: 'ZD00000000B2', outcome: 'refused', message: '居住登记信息与申请不符' });
    const d = await run({ by: 'reference', localReference: 'ZD00000000C3' }, []).enter();
    if (d.kind !== 'wait' || d.view.step !== 'heldApplication') throw new Error('expected the held application');
    expect(d.view.application).toMatchObject({ outcome: 'accepted', caseNumber: '31010620261128000001', queryCode: 'Q1W2E3' });
  });

  it('a local reference this terminal does not know says so, in every language', async () => {
    const out = await run({ by: 'reference', localReference: 'ZD9999999999' }, [waiting]).enter();
    if (out.kind !== 'fail') throw new Error('expected a failure');
    expect(out.failure).toEqual({ messageKey: 'progress.reference.unknown', actions: ['back', 'home'] });
    expect(zhCN.progress.reference.unknown).toContain('只能在当初办理的那台终端上查询');
    expect(en.progress.reference.unknown).toMatch(/only be looked up at the terminal where you applied/);
    expect(ug.progress.reference.unknown.length).toBeGreaterThan(20);
  });
});
