/**
 * Content-Security-Policy for the kiosk UI; `connectSrc` is the bridge's own WebSocket origin. `styleHashes`: the
 * `sha256-…` of each <style> the server put in this page itself (browser mode inlines the first screen's stylesheet,
 * main/browser/page.ts); nothing else inline is allowed.
 */
export function contentSecurityPolicy(connectSrc: string, styleHashes: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers on every reply of the UI server, errors and redirects included. */
export function securityHeaders(origin: string, styleHashes: string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origin.replace(/^http/, 'ws'), styleHashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    // the document camera is the only device a page may ask for: camera on our own origin, never the microphone
    'Permissions-Policy': 'camera=(self), microphone=(), display-capture=(), geolocation=()',
  };
}

/** The only URL the bridge's WebSocket is served on. */
export const bridgePath = '/bridge';

/**
 * Decides whether a WebSocket upgrade may drive the kiosk: exactly the bridge path, from the kiosk's own origin
 * (no other local web page), with the current UI credential (no process that was not given it).
 */
export function checkBridgeUpgrade(
  req: { origin: string | undefined; url: string | undefined; credential: string | undefined },
  expected: { origin: string; isCurrent: (credential: string | undefined) => boolean },
): { ok: true } | { ok: false; reason: 'path' | 'origin' | 'credential' } {
  if (req.url !== bridgePath) return { ok: false, reason: 'path' };
  if (req.origin !== expected.origin) return { ok: false, reason: 'origin' };
  if (!expected.isCurrent(req.credential)) return { ok: false, reason: 'credential' };
  return { ok: true };
}
