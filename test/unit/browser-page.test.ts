import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineStylesheets } from '../../main/browser/page.js';
import { contentSecurityPolicy } from '../../main/browser/security.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'page-'));
mkdirSync(path.join(dir, 'assets'));
const css = "@font-face{src:url(./UKIJ-1.ttf)}.a{background:url('data:image/png;base64,AA')}.b{background:url(/x.png)}";
writeFileSync(path.join(dir, 'assets', 'index-1.css'), css);
writeFileSync(path.join(os.tmpdir(), 'outside.css'), '.secret{}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (head: string) => `<html><head>${head}</head><body></body></html>`;

describe('the page the browser-mode server composes (issue 9 #14)', () => {
  it('carries its stylesheet inline, so the first screen paints from the HTML alone, allowed by its hash only', () => {
    const served = inlineStylesheets(page('<link rel="stylesheet" crossorigin href="./assets/index-1.css">'), dir);
    const inlined = /<style>(.*)<\/style>/.exec(served.html)![1]!;
    expect(served.html).not.toContain('<link');
    // the font is fetched from where the stylesheet would have found it; data: and absolute URLs stay
    expect(inlined).toContain('url(assets/UKIJ-1.ttf)');
    expect(inlined).toContain("url('data:image/png;base64,AA')");
    expect(inlined).toContain('url(/x.png)');
    expect(served.styleHashes).toEqual([`sha256-${createHash('sha256').update(inlined).digest('base64')}`]);
    expect(contentSecurityPolicy('ws://127.0.0.1:1', served.styleHashes)).toContain(`style-src 'self' '${served.styleHashes[0]}';`);
  });

  it('leaves links it must not or cannot read: outside the UI folder, another origin, a missing file', () => {
    for (const href of ['../outside.css', 'https://example.org/a.css', './assets/missing.css']) {
      const html = page(`<link rel="stylesheet" href="${href}">`);
      expect(inlineStylesheets(html, dir)).toEqual({ html, styleHashes: [] });
    }
  });

  it('allows no inline style at all without a hash', () => {
    expect(contentSecurityPolicy('ws://127.0.0.1:1')).toContain("style-src 'self';");
  });
});
