import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** Resolves a URL path inside `root`, refusing anything that escapes it. SPA paths fall back to index.html. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    if (statSync(candidate).isFile()) return candidate;
  } catch {
    /* fall through */
  }
  return path.extname(decoded) ? null : path.join(root, 'index.html');
}

export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    // nothing of the kiosk goes into Chromium's disk cache (its profile is thrown away after each run anyway)
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/** A page composed in memory (index.html with the attract shell), with the same headers as a file. */
export function sendHtml(res: ServerResponse, html: string, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Type': types['.html']!, 'Cache-Control': 'no-store' });
  res.end(html);
}
