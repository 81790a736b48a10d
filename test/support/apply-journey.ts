/**
 * Driving the kiosk's 办事 screens in Chromium, as a resident does (e2e helpers): the card, the matter found by its
 * initials, the form's pads, the materials, the signature, the receipt — and the whole 失业登记 application, which can
 * be submitted while the platform is down. Also what the platform and printer emulators saw.
 */
import type { Page } from 'playwright-core';
import { emulatorAction, emulatorFault, emulatorState, type RunningKiosk } from './kiosk-process.js';

export type PlatformApplications = {
  casesOpened: number;
  deliveriesByKey: Record<string, number>;
  licenceAuthorisations: number;
  sms: { to: string; text: string }[];
};

/** What the platform emulator has received in applications (cases opened, deliveries, authorisations, SMS). */
export async function platformApplications(kiosk: RunningKiosk): Promise<PlatformApplications> {
  return (await emulatorState<{ applications: PlatformApplications }>(kiosk, 'platform')).applications;
}

/** What the printer emulators printed: A4 jobs done, and the text of the last receipt slip. */
export async function printed(kiosk: RunningKiosk): Promise<{ a4: number; slip: string }> {
  const ipp = await emulatorState<{ jobs?: unknown[]; completedJobs?: number }>(kiosk, 'printer-ipp');
  const escpos = await emulatorState<{ lastReceipt: string }>(kiosk, 'printer-escpos');
  return { a4: ipp.completedJobs ?? ipp.jobs?.length ?? 0, slip: escpos.lastReceipt };
}

export function applyJourney(page: Page, kiosk: RunningKiosk) {
  /** The card on the reader until the greeting, then taken away. */
  async function presentCard(persona: string) {
    await emulatorAction(kiosk, 'idcard', 'place', persona);
    await page.getByTestId('identify-greeting').waitFor();
    await emulatorAction(kiosk, 'idcard', 'remove');
  }
  /** 搜索 by the matter's initials on the kiosk's keyboard, the matter, its guide's 在本机办理. */
  async function openMatter(initials: string, matterName: string) {
    await page.getByTestId('search').click();
    for (const k of initials) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
    const hit = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: matterName }).first();
    await hit.waitFor();
    await hit.click();
    await page.getByTestId('do-here').click();
    await page.locator('[data-testid="flow"][data-flow="apply"]').waitFor();
  }
  /** The card on the reader, the matter found by its initials, its guide's 在本机办理: the apply flow's guide is up. */
  async function startApplying(persona: string, initials: string, matterName: string, guideTimeoutMs = 20_000) {
    await page.getByTestId('attract').waitFor();
    await presentCard(persona);
    await openMatter(initials, matterName);
    await page.getByTestId('apply-guide').waitFor({ timeout: guideTimeoutMs });
  }

  /** Types on whatever pad is docked for the active field (digit pad or the letters keyboard). */
  async function typeKeys(text: string) {
    for (const ch of text) await page.locator(`[data-testid="frame-dock"] [data-key="${ch}"]`).first().click();
  }
  async function fill(fieldId: string, text: string) {
    await page.getByTestId(`input-${fieldId}`).click();
    await typeKeys(text);
  }
  /** A text field typed in letters as they are (the keyboard switched to 英), not through pinyin. */
  async function fillLetters(fieldId: string, text: string) {
    await page.getByTestId(`input-${fieldId}`).click();
    await page.getByTestId('osk-lang').click();
    await typeKeys(text);
  }
  /** Chooses a region: province, then (through 市辖区) the district. */
  async function region(province: string, district: string) {
    await page.getByTestId(`region-${province}`).click();
    await page.getByTestId(`region-${district}`).click();
  }
  /** 下一步 on the form; with `expected`, waits for that group to show. */
  async function nextGroup(expected: string | null) {
    await page.getByTestId('form-next').click();
    if (expected) await page.locator(`[data-testid="apply-form"][data-group="${expected}"]`).waitFor();
  }

  /** The material on screen brought later (容缺). */
  async function deferMaterial() {
    await page.getByTestId('defer').click();
    await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
  }
  async function confirmReview() {
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();
  }
  /** A signature written with the mouse across the pad. */
  async function sign() {
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.7);
    await page.mouse.down();
    for (const [x, y] of [
      [0.25, 0.3],
      [0.35, 0.75],
      [0.5, 0.25],
      [0.62, 0.7],
      [0.8, 0.35],
    ] as const)
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 8 });
    await page.mouse.up();
  }
  /** The 告知承诺 screen, signed (not yet confirmed). */
  async function signCommitment() {
    await page.getByTestId('apply-commitment').waitFor();
    await sign();
  }
  /** Waits for the receipt and says its outcome (accepted, queued, …). */
  async function receiptOutcome(timeoutMs: number): Promise<string | null> {
    await page.getByTestId('apply-receipt').waitFor({ timeout: timeoutMs });
    return page.getByTestId('apply-receipt').getAttribute('data-outcome');
  }
  /** The receipt's local reference (本机编号), spaces taken out. */
  async function localReference(): Promise<string> {
    return (await page.getByTestId('receipt-local-reference').textContent())!.replace(/\s/g, '');
  }
  /** 下一步 from the receipt to the flow's end; `evaluation: 'skip'` where a case was opened and may be rated. */
  async function leaveReceipt(evaluation: 'skip' | 'none') {
    await page.getByTestId('receipt-next').click();
    if (evaluation === 'skip') await page.getByTestId('evaluation-skip').click();
    await page.getByTestId('flow-done').waitFor();
  }
  async function endSession() {
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  }
  /** Ends the session unless the kiosk is already back on the attract screen (after a test that stopped midway). */
  async function endSessionIfAny() {
    if (await page.getByTestId('attract').isVisible()) return;
    await endSession();
  }

  /**
   * 失业登记's form from 申请人信息 (already shown) on: the phone, the residence (徐汇区, an address in letters), the last
   * employment (employer, contract end, reason, education, wants work); then on to the materials.
   */
  async function answerUnemploymentForm() {
    await fill('phone', '13912345678');
    await nextGroup('residence');
    await region('310000', '310106');
    await fillLetters('residenceAddress', 'abc');
    await nextGroup('employment');
    await fillLetters('lastEmployer', 'abc');
    await fill('contractEnd', '20261031');
    await page.getByTestId('option-reason-01').click();
    await page.getByTestId('option-education-04').click();
    await page.getByTestId('input-wantsWork').click();
    await page.getByTestId('form-next').click();
  }

  /**
   * 失业登记 for `persona`: no e-licence used (the 居住证 could stand in for the optional permit copy), the
   * contract-termination proof deferred (容缺), signed; the platform goes offline at the last moment, just before the
   * signature is confirmed. Returns once 确认 is pressed.
   */
  async function submitUnemploymentGoingOffline(persona: string) {
    await startApplying(persona, 'sydj', '失业登记');
    await page.getByTestId('apply-start').click();
    await page.locator('[data-testid="apply-licences"], [data-testid="apply-form"]').first().waitFor();
    if (await page.getByTestId('apply-licences').isVisible()) await page.getByTestId('licences-none').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await answerUnemploymentForm();
    await page.getByTestId('materials').waitFor();
    await deferMaterial();
    await page.getByTestId('materials-done').click();
    await confirmReview();
    await signCommitment();
    await emulatorFault(kiosk, 'platform', 'offline', true);
    await page.getByTestId('signature-confirm').click();
  }

  /** {@link submitUnemploymentGoingOffline}, then the local reference read off the "已保存" receipt; the session is ended. */
  async function applyWhileOffline(persona: string): Promise<string> {
    await submitUnemploymentGoingOffline(persona);
    await page.locator('[data-testid="apply-receipt"][data-outcome="queued"]').waitFor({ timeout: 60_000 });
    const reference = await localReference();
    await leaveReceipt('none');
    await endSession();
    return reference;
  }

  return {
    presentCard,
    openMatter,
    startApplying,
    typeKeys,
    fill,
    fillLetters,
    region,
    nextGroup,
    deferMaterial,
    confirmReview,
    sign,
    signCommitment,
    receiptOutcome,
    localReference,
    leaveReceipt,
    endSession,
    endSessionIfAny,
    answerUnemploymentForm,
    submitUnemploymentGoingOffline,
    applyWhileOffline,
  };
}
