import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The UI's page as served: its HTML and the hashes of the <style> elements the CSP must allow in it. */
export interface ServedPage {
  html: string;
  styleHashes: string[];
}

const stylesheetLink = /<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g;
const relativeUrl = /url\((['"]?)(?!data:|[a-z]+:|\/|#)([^'")]+)\1\)/g;

/**
 * The page's own stylesheets (the built `assets/index-….css`) written into the page as <style>, each allowed by its
 * hash: the attract screen served with the page then paints from the HTML alone, without waiting for a second
 * request (a render-blocking stylesheet cost about as much as the static page's whole paint under load). Relative
 * url()s are rewritten against the stylesheet's folder; a link to anything but a file under `rendererDir` stays.
 */
export function inlineStylesheets(html: string, rendererDir: string): ServedPage {
  const styleHashes: string[] = [];
  const out = html.replace(stylesheetLink, (link, href: string) => {
    if (/^[a-z]+:|^\/\//i.test(href)) return link;
    const file = path.resolve(rendererDir, href);
    if (!file.startsWith(rendererDir + path.sep)) return link;
    let css: string;
    try {
      css = readFileSync(file, 'utf8');
    } catch {
      return link;
    }
    if (/<\/style/i.test(css)) return link;
    const folder = path.posix.dirname(href);
    css = css.replace(relativeUrl, (_m, quote: string, url: string) => `url(${quote}${path.posix.join(folder, url)}${quote})`);
    styleHashes.push(`sha256-${createHash('sha256').update(css).digest('base64')}`);
    return `<style>${css}</style>`;
  });
  return { html: out, styleHashes };
}
