import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyJourney } from '../support/apply-journey.js';
import { writePageY4m } from '../support/fake-camera.js';
import { openKioskPage } from '../support/kiosk-page.js';
import { applyTestConfig, emulatorAction, emulatorFault, root, type RunningKiosk } from '../support/kiosk-process.js';
import {
  findTooSmall,
  findUnreachable,
  languages,
  modes,
  seriousAxeFindings,
  setLanguage,
  setMode,
  settle,
  viewports,
} from '../support/layout-check.js';
import { textPage } from '../support/scan-pages.js';

/**
 * The apply flow's materials screen in Chromium: the feeder of the eSCL scanner emulator (two pages, a blank page
 * flagged and scanned again, a jam in plain words), an e-licence authorised on screen, and the document camera
 * (Chromium's fake capture device showing a printed page). The steps before it (guide, form) are answered through
 * the page's own bridge connection; the materials screen is driven by touch.
 */
let kiosk: RunningKiosk;
let browser: Browser;
let page: Page;
let journey: ReturnType<typeof applyJourney>;
const shot = (name: string) => page.screenshot({ path: path.join(root, 'test', 'artifacts', `materials-${name}.png`) });

type View = { step: string; [k: string]: unknown };
type State = { runId: string; seq: number; status: string; view: View } | null;
const flowState = () =>
  page.evaluate(
    () => (window as unknown as { __kioskStores: { flow: { getState(): { state: unknown } } } }).__kioskStores.flow.getState().state,
  ) as Promise<State>;

/** Sends a flow answer on the UI's own bridge socket (captured by the init script), as the step's screen would. */
async function answer(a: unknown): Promise<void> {
  const s = await flowState();
  await page.evaluate(
    ({ runId, seq, a }) => {
      const w = window as unknown as { __bridgeSocket: WebSocket; __e2eId?: number };
      w.__e2eId = (w.__e2eId ?? 0) + 1;
      w.__bridgeSocket.send(
        JSON.stringify({ kind: 'request', id: 1_000_000_000 + w.__e2eId, method: 'flow.answer', params: { runId, seq, answer: a } }),
      );
    },
    { runId: s!.runId, seq: s!.seq, a },
  );
  await page.waitForFunction((seq) => {
    const st = (
      window as unknown as { __kioskStores: { flow: { getState(): { state: { seq: number; status: string } | null } } } }
    ).__kioskStores.flow.getState().state;
    return st !== null && st.seq > seq && st.status !== 'working';
  }, s!.seq);
}

type Field = {
  id: string;
  type: string;
  input: string;
  required: boolean;
  value: unknown;
  prefilled: string | null;
  options: { value: string }[] | null;
  maxLength: number | null;
};
/** A plausible value for a field the card did not fill. */
function valueFor(f: Field): string | number | boolean {
  if (f.type === 'checkbox') return true;
  if (f.type === 'select') return f.options![0]!.value;
  if (f.type === 'region') return '310101';
  if (f.type === 'date') return '2026-10-31';
  if (f.type === 'phone') return '13800000000';
  if (f.type === 'number') return 1;
  if (f.input === 'digits') return '6'.padEnd(Math.min(f.maxLength ?? 16, 16), '2');
  if (f.type === 'address') return '上海市黄浦区人民大道200号';
  return '上海申城商贸有限公司';
}

/** Card → matter → 在本机办理, then every step before the materials answered plainly (no licence ticked there). */
async function toMaterials(persona: string, initials: string, matterName: string): Promise<void> {
  await journey.presentCard(persona);
  await journey.openMatter(initials, matterName);
  for (let i = 0; i < 20; i++) {
    await page.waitForFunction(() => {
      const st = (
        window as unknown as { __kioskStores: { flow: { getState(): { state: { status: string } | null } } } }
      ).__kioskStores.flow.getState().state;
      return st !== null && st.status !== 'working';
    });
    const s = (await flowState())!;
    if (s.status === 'failed') throw new Error(`flow failed before the materials: ${JSON.stringify(s)}`);
    const v = s.view;
    if (v.step === 'materials') return;
    if (v.step === 'applyGuide') await answer({ start: true });
    else if (v.step === 'applyReadiness') await answer({ continue: true });
    else if (v.step === 'applyLicences') await answer({ use: [] });
    else if (v.step === 'applyForm') {
      const values: Record<string, string | number | boolean> = {};
      for (const f of v.fields as Field[]) if (f.required && f.value === null && f.prefilled === null) values[f.id] = valueFor(f);
      await answer({ values });
    } else
      // identify and the like move on by themselves: wait for the next state
      await page.waitForFunction(
        (seq) =>
          ((
            window as unknown as { __kioskStores: { flow: { getState(): { state: { seq: number } | null } } } }
          ).__kioskStores.flow.getState().state?.seq ?? 0) > seq,
        s.seq,
      );
  }
  throw new Error(`never reached the materials: ${JSON.stringify(await flowState())}`);
}

const material = () => page.getByTestId('materials');
const pages = () => page.getByTestId('pages').getByTestId('page');

beforeAll(async () => {
  const cameraFile = path.join(os.tmpdir(), `materials-camera-${process.pid}.y4m`);
  await writePageY4m(cameraFile, await textPage());
  ({ kiosk, browser, page } = await openKioskPage(
    applyTestConfig({
      timeouts: { idleSeconds: 300, countdownSeconds: 15 },
      documentCamera: { label: path.basename(cameraFile, '.y4m') },
    }),
    {
      browserArgs: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraFile}`,
      ],
      beforeLoad: (p) =>
        p.addInitScript(() => {
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(url: string | URL, protocols?: string | string[]) {
              super(url, protocols);
              (window as unknown as { __bridgeSocket: WebSocket }).__bridgeSocket = this;
            }
          };
        }),
    },
  ));
  journey = applyJourney(page, kiosk);
});

afterEach(async () => {
  await emulatorAction(kiosk, 'scanner-escl', 'clear');
  await journey.endSessionIfAny();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

/** Files under `dir` holding a JPEG or PDF: scans must never reach the disk. */
function scanFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    if (bytes.includes(Buffer.from([0xff, 0xd8, 0xff])) || bytes.includes(Buffer.from('%PDF-'))) out.push(name);
  }
  return out;
}

describe('materials: the feeder', () => {
  it('scans two pages from the feeder, shows them readable, turns one, and the review has one two-page material', async () => {
    await toMaterials('adult', 'sydj', '失业登记');
    await expect.poll(() => material().getAttribute('data-material')).toBe('termination');
    await emulatorAction(kiosk, 'scanner-escl', 'feeder', 'form+idcard');
    await page.getByTestId('scan-feeder').click();
    await expect.poll(() => pages().count(), { timeout: 20_000 }).toBe(2);
    expect(await pages().evaluateAll((els) => els.map((e) => e.getAttribute('data-quality')))).toEqual(['ok', 'ok']);
    // previews are real pictures at a readable size
    const preview = pages().first().getByTestId('page-preview');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(600);
    expect((await preview.boundingBox())!.width).toBeGreaterThan(300);
    await pages().first().getByTestId('page-rotate').click();
    await expect.poll(() => pages().first().getAttribute('data-rotation')).toBe('90');
    await shot('feeder-two-pages');

    await page.getByTestId('materials-done').click();
    await expect.poll(async () => (await flowState())?.view.step, { timeout: 20_000 }).toBe('applyReview');
    const review = (await flowState())!.view as unknown as { materials: { id: string; how: string; pages: number | null }[] };
    expect(review.materials.find((m) => m.id === 'termination')).toMatchObject({ how: 'scan', pages: 2 });
    await journey.endSession();
    expect(scanFilesUnder(kiosk.dataDir)).toEqual([]);
  });

  it('flags a blank page and asks for it again; a jam says to open the feeder and take the paper out', async () => {
    await toMaterials('adult', 'sydj', '失业登记');
    await emulatorAction(kiosk, 'scanner-escl', 'feeder', 'form+blank');
    await page.getByTestId('scan-feeder').click();
    await expect.poll(() => pages().count(), { timeout: 20_000 }).toBe(2);
    expect(await pages().nth(1).getAttribute('data-quality')).toBe('blank');
    const problem = page.getByTestId('materials-problem');
    expect(await problem.getAttribute('data-key')).toBe('materials.page.blank');
    expect(await problem.textContent()).toContain('第 2 页是空白页');
    await shot('blank-flagged');

    // the screen with pages and a problem fits every size, in 长辈模式 and in every language
    const problems: string[] = [];
    for (const vp of viewports)
      for (const mode of modes)
        for (const lang of languages) {
          await page.setViewportSize({ width: vp.width, height: vp.height });
          await setMode(page, mode);
          await setLanguage(page, lang);
          await settle(page);
          const found = [
            ...(await findUnreachable(page)).map((u) => `${u.element} ${u.problem} ${u.detail}`),
            ...(await seriousAxeFindings(page)),
            ...(await findTooSmall(page, mode === 'elderly')),
          ];
          problems.push(...found.map((f) => `${vp.name} ${mode} ${lang}: ${f}`));
          if (vp.name === '1080x1920' && mode === 'elderly' && lang === 'ug') await shot('ug-elderly-portrait');
        }
    await page.setViewportSize({ width: 1280, height: 1024 });
    await setMode(page, 'standard');
    await setLanguage(page, 'zh-CN');
    expect(problems).toEqual([]);
    // going on is refused while a page waits to be scanned again
    await page.getByTestId('materials-done').click();
    await expect.poll(() => problem.getAttribute('data-key')).toBe('materials.problem.rescanFlagged');

    // the page again, on the glass, in its place
    await emulatorAction(kiosk, 'scanner-escl', 'platen', 'form');
    await pages().nth(1).getByTestId('page-rescan').click();
    await expect.poll(() => pages().nth(1).getAttribute('data-quality'), { timeout: 20_000 }).toBe('ok');
    expect(await pages().count()).toBe(2);

    await emulatorFault(kiosk, 'scanner-escl', 'jam', true);
    await page.getByTestId('scan-feeder').click();
    await expect.poll(() => problem.getAttribute('data-key'), { timeout: 20_000 }).toBe('materials.scanError.jam');
    expect(await problem.textContent()).toMatch(/打开进纸器.*取出/);
    await shot('jam');
    expect(await pages().count()).toBe(2); // nothing lost by the failed scan
  });
});

describe('materials: e-licence and the document camera', () => {
  it('uses the e-licence after the authorisation on screen, and photographs the photo with the document camera', async () => {
    await toMaterials('elderly', 'jlk', '敬老卡');
    await expect.poll(() => material().getAttribute('data-material')).toBe('household');
    await page.getByTestId('use-licence').click();
    await page.getByTestId('licence-authorise').waitFor();
    expect(await page.getByTestId('licence-authorise').textContent()).toContain('只用于本次申请');
    await page.getByTestId('licence-authorise-yes').click();
    await expect.poll(() => material().getAttribute('data-choice')).toBe('licence');

    await page.getByTestId('material-next').click();
    await expect.poll(() => material().getAttribute('data-material')).toBe('photo');
    await page.getByTestId('camera-open').click();
    await page.getByTestId('camera').waitFor();
    await expect.poll(() => page.getByTestId('camera-take').isEnabled(), { timeout: 10_000 }).toBe(true);
    await shot('camera');
    await page.getByTestId('camera-take').click();
    await expect.poll(() => pages().count(), { timeout: 15_000 }).toBe(1);
    expect(await pages().first().getAttribute('data-quality')).toBe('ok');
    await pages().first().getByTestId('page-preview').waitFor();
    await shot('camera-page');

    await page.getByTestId('materials-done').click();
    await expect.poll(async () => (await flowState())?.view.step, { timeout: 20_000 }).toBe('applyReview');
    const review = (await flowState())!.view as unknown as { materials: { id: string; how: string; pages: number | null }[] };
    expect(review.materials.find((m) => m.id === 'household')).toMatchObject({ how: 'licence' });
    expect(review.materials.find((m) => m.id === 'photo')).toMatchObject({ how: 'scan', pages: 1 });
  });
});
