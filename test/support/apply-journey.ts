/**
 * Driving the kiosk's 办事 screens in Chromium, as a resident does (e2e helpers): the card, the matter found by its
 * initials, the form's pads, the signature — and the whole 失业登记 application, which can be submitted while the
 * platform is down.
 */
import type { Page } from 'playwright-core';
import { emulatorAction, emulatorFault, type RunningKiosk } from './kiosk-process.js';

export function applyJourney(page: Page, kiosk: RunningKiosk) {
  /** The card on the reader, the matter found by its initials, its guide's 在本机办理: the apply flow starts. */
  async function startApplying(persona: string, initials: string, matterName: string) {
    await page.getByTestId('attract').waitFor();
    await emulatorAction(kiosk, 'idcard', 'place', persona);
    await page.getByTestId('identify-greeting').waitFor();
    await emulatorAction(kiosk, 'idcard', 'remove');
    await page.getByTestId('search').click();
    for (const k of initials) await page.locator(`[data-testid="osk"] [data-key="${k}"]`).click();
    const hit = page.getByTestId('search-results').getByTestId('matter').filter({ hasText: matterName }).first();
    await hit.waitFor();
    await hit.click();
    await page.getByTestId('do-here').click();
    await page.locator('[data-testid="flow"][data-flow="apply"]').waitFor();
    await page.getByTestId('apply-guide').waitFor({ timeout: 20_000 });
  }
  /** Types on whatever pad is docked for the active field (digit pad or the letters keyboard). */
  async function typeKeys(text: string) {
    for (const ch of text) await page.locator(`[data-testid="frame-dock"] [data-key="${ch}"]`).first().click();
  }
  async function fill(fieldId: string, text: string) {
    await page.getByTestId(`input-${fieldId}`).click();
    await typeKeys(text);
  }
  async function nextGroup(expected: string) {
    await page.getByTestId('form-next').click();
    await page.locator(`[data-testid="apply-form"][data-group="${expected}"]`).waitFor();
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
  async function endSession() {
    await page.getByTestId('exit').click();
    await page.getByTestId('confirm-end-yes').click();
    await page.getByTestId('attract').waitFor();
  }

  /**
   * 失业登记 for `persona`, the contract-termination proof deferred (容缺), signed; the platform goes offline just
   * before the signature is confirmed. Returns the local reference on the "已保存" receipt; the session is ended.
   */
  async function applyWhileOffline(persona: string): Promise<string> {
    await startApplying(persona, 'sydj', '失业登记');
    await page.getByTestId('apply-start').click();
    await page.locator('[data-testid="apply-licences"], [data-testid="apply-form"]').first().waitFor();
    if (await page.getByTestId('apply-licences').isVisible()) await page.getByTestId('licences-none').click();
    await page.locator('[data-testid="apply-form"][data-group="applicant"]').waitFor();
    await fill('phone', '13912345678');
    await nextGroup('residence');
    await page.getByTestId('region-310000').click();
    await page.getByTestId('region-310106').click();
    await page.getByTestId('input-residenceAddress').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('abc');
    await nextGroup('employment');
    await page.getByTestId('input-lastEmployer').click();
    await page.getByTestId('osk-lang').click();
    await typeKeys('abc');
    await fill('contractEnd', '20261031');
    await page.getByTestId('option-reason-01').click();
    await page.getByTestId('option-education-04').click();
    await page.getByTestId('input-wantsWork').click();
    await page.getByTestId('form-next').click();
    await page.getByTestId('materials').waitFor();
    await page.getByTestId('defer').click();
    await page.locator('[data-testid="materials"][data-choice="deferred"]').waitFor();
    await page.getByTestId('materials-done').click();
    await page.getByTestId('apply-review').waitFor();
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('apply-commitment').waitFor();
    await sign();
    await emulatorFault(kiosk, 'platform', 'offline', true);
    await page.getByTestId('signature-confirm').click();
    await page.locator('[data-testid="apply-receipt"][data-outcome="queued"]').waitFor({ timeout: 60_000 });
    const reference = (await page.getByTestId('receipt-local-reference').textContent())!.replace(/\s/g, '');
    await page.getByTestId('receipt-next').click();
    await page.getByTestId('flow-done').waitFor();
    await endSession();
    return reference;
  }

  return { startApplying, typeKeys, fill, nextGroup, sign, endSession, applyWhileOffline };
}
