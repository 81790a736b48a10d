import { describe, expect, it } from 'vitest';
import { createReportThrottle, linkAttempt, shortcutOf, type Attempt } from '../../renderer/src/lockdown/attempts.js';

const origin = 'http://127.0.0.1:4000';
const plain = { newWindow: false, download: false };

describe('what the kiosk UI calls a link out', () => {
  it('names the scheme handed to another application', () => {
    expect(linkAttempt('mailto:a@example.com', origin, plain)).toEqual({ kind: 'externalProtocol', what: 'mailto' });
    expect(linkAttempt('tel:12345', origin, plain)).toEqual({ kind: 'externalProtocol', what: 'tel' });
    expect(linkAttempt('weixin://dl/scan', origin, plain)).toEqual({ kind: 'externalProtocol', what: 'weixin' });
  });

  it('tells leaving the page from a new window and a download', () => {
    expect(linkAttempt('javascript:alert(1)', origin, plain)).toEqual({ kind: 'navigation', what: 'javascript' });
    expect(linkAttempt('data:text/html,x', origin, plain)).toEqual({ kind: 'navigation', what: 'data' });
    expect(linkAttempt('https://example.com/', origin, plain)).toEqual({ kind: 'navigation', what: 'https' });
    expect(linkAttempt('/', origin, { newWindow: true, download: false })).toEqual({ kind: 'popup' });
    expect(linkAttempt('/x.pdf', origin, { newWindow: false, download: true })).toEqual({ kind: 'download' });
  });

  it('names key presses the way the Electron shell does', () => {
    const e = (key: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
      shortcutOf({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });
    expect(e('F4', { altKey: true })).toEqual({ kind: 'shortcut', what: 'Alt+F4' });
    expect(e('w', { ctrlKey: true })).toEqual({ kind: 'shortcut', what: 'Ctrl+W' });
    expect(e('m', { ctrlKey: true, altKey: true })).toBeNull();
    expect(e('Enter')).toBeNull();
  });
});

describe('reporting blocked attempts', () => {
  it('reports a burst of the same attempt once a second, different ones each', () => {
    let now = 0;
    const sent: Attempt[] = [];
    const report = createReportThrottle(
      (a) => sent.push(a),
      () => now,
    );
    for (let i = 0; i < 30; i++) report({ kind: 'zoom' });
    report({ kind: 'shortcut', what: 'Ctrl+W' });
    report({ kind: 'shortcut', what: 'Ctrl+N' });
    now = 1500;
    report({ kind: 'zoom' });
    expect(sent).toEqual([{ kind: 'zoom' }, { kind: 'shortcut', what: 'Ctrl+W' }, { kind: 'shortcut', what: 'Ctrl+N' }, { kind: 'zoom' }]);
  });
});
