import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../main/browser/chromium.js';
import { checkBridgeUpgrade, contentSecurityPolicy, securityHeaders } from '../../main/browser/security.js';
import { resolveStatic } from '../../main/browser/static.js';
import { bridgeCloseCodes, readCookie, UiAccess, uiCookieName } from '../../main/browser/ui-access.js';
import { bridgeCloseCodes as rendererCloseCodes } from '../../renderer/src/bridge/channels.js';

describe('browser-mode security', () => {
  const expected = { origin: 'http://127.0.0.1:4000', isCurrent: (c: string | undefined) => c === 'credential-123' };
  const upgrade = (over: Partial<{ origin: string | undefined; url: string; credential: string | undefined }>) =>
    checkBridgeUpgrade({ origin: expected.origin, url: '/bridge', credential: 'credential-123', ...over }, expected);

  it('accepts the kiosk page holding the current credential, on /bridge', () => {
    expect(upgrade({})).toEqual({ ok: true });
  });

  it('refuses another origin, a missing origin, another path, and a wrong or missing credential', () => {
    expect(upgrade({ origin: 'http://evil.example' })).toEqual({ ok: false, reason: 'origin' });
    expect(upgrade({ origin: undefined })).toEqual({ ok: false, reason: 'origin' });
    expect(upgrade({ origin: 'http://127.0.0.1:4001' })).toEqual({ ok: false, reason: 'origin' });
    for (const url of ['/bridgeX', '/bridge/', '/bridge?token=credential-123', '/x/bridge'])
      expect(upgrade({ url }), url).toEqual({ ok: false, reason: 'path' });
    expect(upgrade({ credential: 'credential-124' })).toEqual({ ok: false, reason: 'credential' });
    expect(upgrade({ credential: undefined })).toEqual({ ok: false, reason: 'credential' });
  });

  describe('launch tickets and the UI credential', () => {
    let now = 0;
    const access = () => new UiAccess(() => now);

    it('a ticket is redeemed once, for a credential that is then the current one', () => {
      const a = access();
      const ticket = a.issueTicket(30_000);
      const first = a.redeem(ticket);
      expect(first.ok).toBe(true);
      const credential = (first as { credential: string }).credential;
      expect(a.isCurrent(credential)).toBe(true);
      expect(a.isCurrent(ticket)).toBe(false);
      expect(a.isCurrent(undefined)).toBe(false);
    });

    it('a ticket presented again revokes the credential it gave (someone raced the window to it)', () => {
      const a = access();
      const ticket = a.issueTicket(30_000);
      const { credential } = a.redeem(ticket) as { credential: string };
      expect(a.redeem(ticket)).toEqual({ ok: false, reason: 'spent' });
      expect(a.isCurrent(credential)).toBe(false);
    });

    it('a ticket not redeemed in time is worthless', () => {
      const a = access();
      const ticket = a.issueTicket(30_000);
      now += 30_000;
      expect(a.redeem(ticket)).toEqual({ ok: false, reason: 'expired' });
      expect(a.redeem('never-issued')).toEqual({ ok: false, reason: 'unknown' });
    });

    it('only one credential is valid: a newer ticket revokes the older credential', () => {
      const a = access();
      const { credential: older } = a.redeem(a.issueTicket(30_000)) as { credential: string };
      const { credential: newer } = a.redeem(a.issueTicket(30_000)) as { credential: string };
      expect(a.isCurrent(older)).toBe(false);
      expect(a.isCurrent(newer)).toBe(true);
    });

    it('reads the credential cookie among others', () => {
      expect(readCookie('a=1; kiosk_ui=abc-_9; b=2', uiCookieName)).toBe('abc-_9');
      expect(readCookie('xkiosk_ui=abc', uiCookieName)).toBeUndefined();
      expect(readCookie(undefined, uiCookieName)).toBeUndefined();
    });

    it('the UI knows the close codes the server sends', () => {
      expect(rendererCloseCodes).toEqual(bridgeCloseCodes);
    });
  });

  it('sends the security headers on every reply, errors included', () => {
    const h = securityHeaders('http://127.0.0.1:4000');
    expect(h['Content-Security-Policy']).toContain("connect-src 'self' ws://127.0.0.1:4000");
    expect(h).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' });
  });

  it('lets a page ask for the camera on its own origin only, never the microphone', () => {
    const policy = securityHeaders('http://127.0.0.1:4000')['Permissions-Policy'];
    expect(policy).toContain('camera=(self)');
    expect(policy).toContain('microphone=()');
  });

  it('accepts camera capture without a prompt only on a terminal with a document camera', () => {
    const base = { url: 'x', userDataDir: '/tmp/p', runningAsRoot: false };
    expect(chromiumArgs({ ...base, camera: true })).toContain('--use-fake-ui-for-media-stream');
    expect(chromiumArgs(base)).not.toContain('--use-fake-ui-for-media-stream');
    expect(chromiumArgs(base)).toContain('--deny-permission-prompts');
  });

  it('has a strict CSP: own scripts only, no objects, no framing', () => {
    const csp = contentSecurityPolicy('ws://127.0.0.1:4000');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000");
  });

  it('serves files only from inside the UI folder', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'static-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<html>');
    writeFileSync(path.join(root, 'assets', 'a.js'), '');
    expect(resolveStatic(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveStatic(root, '/maintenance')).toBe(path.join(root, 'index.html'));
    for (const attack of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/../../x.js']) {
      const file = resolveStatic(root, attack);
      expect(file === null || file.startsWith(root + path.sep), attack).toBe(true);
    }
    expect(resolveStatic(root, '/missing.js')).toBeNull();
    expect(resolveStatic(root, '/%E0%A4%A')).toBeNull();
  });

  it('launches Chromium as a kiosk app without background networking', () => {
    const args = chromiumArgs({ url: 'http://127.0.0.1:1/?ticket=t', userDataDir: '/tmp/p', runningAsRoot: true });
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:1/?ticket=t',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-pinch',
      ]),
    );
    expect(chromiumArgs({ url: 'x', userDataDir: '/tmp/p', runningAsRoot: false })).not.toContain('--no-sandbox');
  });
});
