import { isIP } from 'node:net';

/**
 * Whether a platform address may carry residents' data: `https` always; plain `http` only to this machine
 * (the emulator), where there is no network to listen on. Shared by the client and the config check.
 */
export function checkPlatformUrl(raw: string): { ok: true } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol === 'https:') return { ok: true };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { ok: true };
  if (url.protocol === 'http:')
    return { ok: false, reason: 'plain http is allowed only to this machine (127.0.0.1, ::1, localhost); use https' };
  return { ok: false, reason: `${url.protocol.replace(/:$/, '')}:// is not a platform address; use https` };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}
