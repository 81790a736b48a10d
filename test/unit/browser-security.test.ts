import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../main/browser/chromium.js';
import { checkBridgeUpgrade, contentSecurityPolicy } from '../../main/browser/security.js';
import { resolveStatic } from '../../main/browser/static.js';

describe('browser-mode security', () => {
  const expected = { origin: 'http://127.0.0.1:4000', token: 'secret-token-123' };

  it('accepts the kiosk page with the token', () => {
    expect(checkBridgeUpgrade({ origin: expected.origin, url: '/bridge?token=secret-token-123' }, expected)).toEqual({ ok: true });
  });

  it('refuses another origin, a missing origin, and a wrong or missing token', () => {
    expect(checkBridgeUpgrade({ origin: 'http://evil.example', url: '/bridge?token=secret-token-123' }, expected)).toEqual({
      ok: false,
      reason: 'origin',
    });
    expect(checkBridgeUpgrade({ origin: undefined, url: '/bridge?token=secret-token-123' }, expected)).toEqual({
      ok: false,
      reason: 'origin',
    });
    expect(checkBridgeUpgrade({ origin: 'http://127.0.0.1:4001', url: '/bridge?token=secret-token-123' }, expected)).toMatchObject({
      ok: false,
    });
    expect(checkBridgeUpgrade({ origin: expected.origin, url: '/bridge?token=secret-token-124' }, expected)).toEqual({
      ok: false,
      reason: 'token',
    });
    expect(checkBridgeUpgrade({ origin: expected.origin, url: '/bridge' }, expected)).toEqual({ ok: false, reason: 'token' });
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
    const args = chromiumArgs({ url: 'http://127.0.0.1:1/?token=t', userDataDir: '/tmp/p', runningAsRoot: true });
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:1/?token=t',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-pinch',
      ]),
    );
    expect(chromiumArgs({ url: 'x', userDataDir: '/tmp/p', runningAsRoot: false })).not.toContain('--no-sandbox');
  });
});
