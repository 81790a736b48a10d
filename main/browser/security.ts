import { timingSafeEqual } from 'node:crypto';

/** Content-Security-Policy for the kiosk UI; `connectSrc` is the bridge's own WebSocket origin. */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Decides whether a WebSocket upgrade may drive the kiosk: it must come from the kiosk's own origin and
 * carry this start's token, so no other local web page (or process without the token) can reach the devices.
 */
export function checkBridgeUpgrade(
  req: { origin: string | undefined; url: string | undefined },
  expected: { origin: string; token: string },
): { ok: true } | { ok: false; reason: 'origin' | 'token' } {
  if (req.origin !== expected.origin) return { ok: false, reason: 'origin' };
  const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
  const a = Buffer.from(token);
  const b = Buffer.from(expected.token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'token' };
  return { ok: true };
}
