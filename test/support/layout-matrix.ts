/**
 * The layout matrix (issue 12): a screen shown at every supported size in standard and 长辈模式, screenshots kept
 * in test/artifacts/layout/, every interactive element checked reachable, and axe-core plus the size floors in
 * every language. Collects what it finds; {@link layoutMatrixChecks} turns that into the suite's verdict.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  artifactDir,
  findTooSmall,
  findUnreachable,
  languages,
  modes,
  seriousAxeFindings,
  setLanguage,
  setMode,
  settle,
  viewports,
  type Unreachable,
} from './layout-check.js';

export interface LayoutMatrix {
  /** Checks the screen now shown under the name `screen` (screenshot files are named after it). */
  matrix(screen: string): Promise<void>;
  /** Interactive elements outside the viewport or covered, per screen, size and mode. */
  problems: (Unreachable & { screen: string })[];
  /** axe serious/critical findings and size floors broken, per screen, language and mode. */
  accessibility: string[];
}

/** `currentPage` is read at each check, so the matrix can be made before the page is opened (in beforeAll). */
export function layoutMatrix(currentPage: () => Page): LayoutMatrix {
  const problems: (Unreachable & { screen: string })[] = [];
  const accessibility: string[] = [];

  /**
   * Shows the current screen at every supported size in standard and 长辈模式: a screenshot of each in
   * test/artifacts/layout/, and every interactive element checked reachable (inside the viewport, not covered).
   */
  async function matrix(screen: string) {
    const page = currentPage();
    for (const v of viewports) {
      await page.setViewportSize({ width: v.width, height: v.height });
      for (const mode of modes) {
        await setMode(page, mode);
        await settle(page);
        await page.screenshot({ path: path.join(artifactDir, `${screen}-${v.name}-${mode}.png`) });
        for (const p of await findUnreachable(page)) problems.push({ ...p, screen: `${screen} ${v.name} ${mode}` });
      }
    }
    // at the middle size: axe-core and the size floors in every language, standard and 长辈模式
    await page.setViewportSize({ width: 1280, height: 1024 });
    for (const language of languages) {
      await setLanguage(page, language);
      for (const mode of modes) {
        await setMode(page, mode);
        await settle(page);
        for (const f of [...(await seriousAxeFindings(page)), ...(await findTooSmall(page, mode === 'elderly'))])
          accessibility.push(`${screen} ${language} ${mode}: ${f}`);
        // right to left: the same reachability check, and a screenshot to look at
        if (language === 'ug') {
          await page.screenshot({ path: path.join(artifactDir, `${screen}-1280x1024-${mode}-ug.png`) });
          for (const p of await findUnreachable(page)) problems.push({ ...p, screen: `${screen} 1280x1024 ${mode} ug` });
        }
      }
    }
    await setLanguage(page, 'zh-CN');
    await setMode(page, 'standard');
    await settle(page);
  }

  return { matrix, problems, accessibility };
}

/**
 * The suite's verdict on what the matrix collected (declared inside the describe, after the journeys): nothing out of
 * reach, no page error, and no accessibility finding.
 */
export function layoutMatrixChecks(m: LayoutMatrix, pageErrors: string[]): void {
  it('leaves no interactive element outside the screen or under another one', () => {
    expect(m.problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('passes axe-core (no serious or critical finding) and keeps targets and text above the floors, in zh-CN, en and ug', () => {
    expect(m.accessibility).toEqual([]);
  });
}
