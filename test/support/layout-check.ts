import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { root } from './kiosk-process.js';

export const viewports = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x1024', width: 1280, height: 1024 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;
export const modes = ['standard', 'elderly'] as const;

/** One interactive element the resident cannot reach: where it is and why. */
export interface Unreachable {
  element: string;
  problem: 'outsideViewport' | 'covered' | 'hiddenInScroller';
  detail: string;
}

/**
 * Every visible interactive element either lies inside the viewport with nothing over its centre, or sits in a
 * frame content area that shows it scrolls (a scroll hint with "screen x of y"). Runs in the page.
 */
export function findUnreachable(page: Page): Promise<Unreachable[]> {
  return page.evaluate(() => {
    const describe = (el: Element | null): string => {
      if (!el) return 'nothing';
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 24);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${text ? ` "${text}"` : ''}`;
    };
    const scrollerOf = (el: Element): HTMLElement | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowY;
        if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight + 1) return p;
      }
      return null;
    };
    const out: { element: string; problem: 'outsideViewport' | 'covered' | 'hiddenInScroller'; detail: string }[] = [];
    const selector = 'button, a[href], input, select, textarea, [role="button"], [role="radio"], [tabindex]:not([tabindex="-1"])';
    // an open modal dialog covers the screen behind it by design (focus stays inside it, aria-modal takes the rest
    // from assistive technology): only the dialog's own controls must be reachable then
    const modal = document.querySelector('[aria-modal="true"]');
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[aria-hidden="true"]')) continue;
      if (modal && !modal.contains(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      const scroller = scrollerOf(el);
      if (scroller) {
        // the scroller's client area: its borders (the dashed "more below" line) are not where content shows
        const b = scroller.getBoundingClientRect();
        const s = { top: b.top + scroller.clientTop, left: b.left + scroller.clientLeft };
        const inside = cy >= s.top && cy <= s.top + scroller.clientHeight && cx >= s.left && cx <= s.left + scroller.clientWidth;
        if (!inside) {
          // scrolled away is fine only inside a frame area that says so
          if (!scroller.classList.contains('scroll-area'))
            out.push({ element: describe(el), problem: 'hiddenInScroller', detail: `in ${describe(scroller)} without a scroll hint` });
          continue;
        }
      }
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
        out.push({
          element: describe(el),
          problem: 'outsideViewport',
          detail: `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight}`,
        });
        continue;
      }
      const hit = document.elementFromPoint(cx, cy);
      if (!hit || !(hit === el || el.contains(hit))) out.push({ element: describe(el), problem: 'covered', detail: `by ${describe(hit)}` });
    }
    return out;
  });
}

/**
 * Waits until layout has settled: fonts loaded, two frames drawn, transitions ended, and every list that sizes its page to the space
 * (.fit-list) has re-measured and reloaded so that its page fits (which is itself what the matrix checks).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // transitions under way (a button's colour as 长辈模式 is switched) end first: screenshots and axe see the
    // colours that stay; endless animations (a spinner) are not waited for
    const ending = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('.fit-list')].every(
        (el) => el.children.length > 0 && el.children.length <= Number(el.dataset.pageSize) && el.scrollHeight <= el.clientHeight + 1,
      ),
    undefined,
    { timeout: 5000 },
  );
}

/** Switches the page between standard and 长辈模式 the way the session does (the root reads it from the session store). */
export async function setMode(page: Page, mode: (typeof modes)[number]): Promise<void> {
  const elderly = mode === 'elderly';
  await page.evaluate((on) => {
    const store = (
      window as unknown as { __kioskStores: { session: { getState(): { session: object | null }; setState(s: object): void } } }
    ).__kioskStores.session;
    const s = store.getState().session;
    if (s) store.setState({ session: { ...s, elderly: on } });
  }, elderly);
  await page.waitForFunction((on) => document.documentElement.dataset.elderly === String(on), elderly);
}

export const artifactDir = path.join(root, 'test', 'artifacts', 'layout');
mkdirSync(artifactDir, { recursive: true });

export const languages = ['zh-CN', 'en', 'ug'] as const;

/** Shows the page in another language the way the session does (the root reads it from the session store). */
export async function setLanguage(page: Page, language: (typeof languages)[number]): Promise<void> {
  await page.evaluate((lang) => {
    const store = (
      window as unknown as { __kioskStores: { session: { getState(): { session: object | null }; setState(s: object): void } } }
    ).__kioskStores.session;
    const s = store.getState().session;
    if (s) store.setState({ session: { ...s, language: lang } });
  }, language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** axe-core's serious and critical findings on the page as it is now: rule id and the first offending element. */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const audit = await new AxeBuilder({ page }).analyze();
  return audit.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

/**
 * Controls smaller than the touch target and text smaller than the floor (64 px / 24 px; 88 px / 32 px in
 * 长辈模式), measured on what is drawn. Text inside the PDF preview canvas and the hidden maintenance corner do not count.
 */
export function findTooSmall(page: Page, elderly: boolean): Promise<string[]> {
  return page.evaluate(
    ({ target, text }) => {
      const out: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden';
      };
      for (const el of document.querySelectorAll('button, a[href], input, [role="button"], [role="radio"]')) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (Math.min(r.width, r.height) < target - 0.5) out.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(el)}`);
      }
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el)) continue;
        seen.add(el);
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < text - 0.5) out.push(`text ${size}px: ${name(el)}`);
      }
      return out;
    },
    elderly ? { target: 88, text: 32 } : { target: 64, text: 24 },
  );
}

/** The two far ends most screens are checked in: 长辈模式 in Chinese, and standard in Uyghur (right to left). */
export const elderlyChineseAndStandardUyghur = [
  ['elderly', 'zh-CN'],
  ['standard', 'ug'],
] as const;

/** Asserts the page as it is now fits, is big enough (larger in 长辈模式), keypad-reachable, with no serious axe finding. */
export async function expectLayoutFine(page: Page, where: string, elderly: boolean): Promise<void> {
  await settle(page);
  expect(await findUnreachable(page), where).toEqual([]);
  expect(await findTooSmall(page, elderly), where).toEqual([]);
  expect(await seriousAxeFindings(page), where).toEqual([]);
}

/** Back to the standard mode in Chinese, as every session starts. */
export async function backToStandardChinese(page: Page): Promise<void> {
  await setLanguage(page, 'zh-CN');
  await setMode(page, 'standard');
}
