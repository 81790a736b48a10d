import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../devices/core/status.js';
import { attractShellData, type AttractShellData as CoreShellData } from '../../main/browser/attract-shell.js';
import {
  injectAttractShell,
  renderAttractShell,
  type AttractShellData as RendererShellData,
} from '../../renderer/src/attract-shell/render.js';
import { formatDate, formatTime } from '../../renderer/src/i18n/format.js';
import { AttractScreen } from '../../renderer/src/screens/AttractScreen.js';
import { renderUi, textOf } from '../support/render-ui.js';

// the core builds the data the renderer's module renders: the two declarations must stay one shape
const coreToRenderer = (d: CoreShellData): RendererShellData => d;
const rendererToCore = (d: RendererShellData): CoreShellData => d;
void coreToRenderer;
void rendererToCore;

const NOW = new Date('2026-11-30T22:40:00Z').getTime();
const printer = (over: Partial<DeviceStatus> = {}): DeviceStatus => ({
  deviceId: 'a4printer',
  kind: 'certificatePrinter',
  state: 'online',
  media: [],
  reasonKey: null,
  detail: null,
  since: '2026-11-30T06:00:00Z',
  ...over,
});
const data = (over: Partial<RendererShellData> = {}): RendererShellData => ({
  terminalName: '便民服务中心 24小时政务服务自助终端',
  hotline: '12345',
  languages: ['zh-CN', 'en', 'ug'],
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  now: NOW,
  devices: [printer()],
  notice: null,
  ...over,
});

/** Each element's tag, classes and test id, in document order: what the screen is built of. */
const skeleton = (html: string) =>
  [...html.matchAll(/<([a-z0-9]+)\b([^>]*)>/g)].map(([, tag, attrs]) => {
    const cls = /\sclass="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    const testId = /\sdata-testid="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    return `${tag}.${cls.split(/\s+/).filter(Boolean).join('.')}[${testId}]`;
  });

/** React's attract screen for the same terminal, session language and moment. */
function reactAttract(d: RendererShellData): string {
  vi.useFakeTimers({ now: d.now, toFake: ['Date'] });
  return renderUi(
    createElement(AttractScreen),
    (s) => {
      s.terminal.setState({
        info: { terminalName: d.terminalName, hotline: d.hotline, languages: d.languages, timeZone: d.timeZone } as never,
        devices: Object.fromEntries(d.devices.map((x) => [x.deviceId, x])),
      });
      s.fleet.setState({ display: { lock: null, notice: d.notice } });
    },
    d.language,
  );
}

afterEach(() => vi.useRealTimers());

describe('the attract shell served with the page (issue 9 #14)', () => {
  it.each([
    ['Chinese, printing works', data()],
    ['English, one language, a notice', data({ language: 'en', languages: ['en'], notice: '12月1日 02:00 系统升级' })],
    ['Uyghur, paper out', data({ language: 'ug', devices: [printer({ media: ['paperOut'] })] })],
  ])('draws what React then draws, so the takeover changes nothing on screen (%s)', (_name, d) => {
    const shell = renderAttractShell(d);
    const react = reactAttract(d);
    expect(textOf(shell)).toBe(textOf(react));
    expect(skeleton(shell)).toEqual(skeleton(react));
  });

  it('is in the session language, with the terminal name, the time in its zone and the hotline', () => {
    const text = textOf(renderAttractShell(data({ language: 'en' })));
    expect(text).toContain('便民服务中心 24小时政务服务自助终端');
    expect(text).toContain('06:40');
    expect(text).toContain('Tuesday, 1 December 2026');
    expect(text).toContain('Touch the screen to start');
    expect(text).toContain('Government service hotline 12345');
  });

  it('says up front that printing is paused; its "check again" takes no touch until React runs it', () => {
    const html = renderAttractShell(data({ devices: [printer({ media: ['paperJam'] })] }));
    expect(html).toContain('data-testid="printing-paused" data-reason="paperJam"');
    expect(textOf(html)).toContain('A4 打印机卡纸');
    expect(html).toMatch(/<button[^>]*data-testid="printing-recheck"[^>]*disabled/);
  });

  it('takes no touch until the page script listens (data-shell="waiting")', () => {
    expect(renderAttractShell(data())).toMatch(/^<main [^>]*id="attract-shell"[^>]*data-shell="waiting"/);
  });

  it('escapes what the configuration and the operations centre wrote', () => {
    const html = renderAttractShell(data({ terminalName: '<img src=x onerror=alert(1)>', notice: '"a" & <b>' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;a&quot; &amp; &lt;b&gt;');
  });

  it("fills index.html's placeholder and sets the page's language and direction", () => {
    const index = '<!doctype html>\n<html lang="zh-CN">\n<body><div id="root"><!--attract-shell--></div></body></html>';
    const page = injectAttractShell(index, data({ language: 'ug' }));
    expect(page).toContain('<html lang="ug" dir="rtl">');
    expect(page).toContain('<div id="root"><main class="screen attract" id="attract-shell"');
    expect(injectAttractShell('<html lang="zh-CN"><div id="root"></div></html>', data())).toBe(
      '<html lang="zh-CN"><div id="root"></div></html>',
    );
  });
});

describe('the attract clock', () => {
  it('builds its time formatters once, not every second', () => {
    const tick = (at: number) => {
      formatTime(at, 'Asia/Shanghai');
      for (const lang of ['zh-CN', 'en', 'ug']) formatDate(at, 'Asia/Shanghai', lang, { weekday: true });
    };
    tick(NOW);
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let s = 1; s <= 60; s++) tick(NOW + s * 1000);
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });
});

describe('what the core serves the shell with', () => {
  const kiosk = (
    session: { phase: string; language: string },
    display: { lock: { message: string; alternative: string } | null; notice: string | null },
  ) =>
    ({
      config: { terminal: { name: '测试终端', hotline: '12345', timeZone: 'Asia/Urumqi' }, languages: ['zh-CN', 'ug'] },
      session: { snapshot: () => session },
      devices: { statuses: () => [printer()] },
      fleetDisplay: { get: () => display },
    }) as unknown as Parameters<typeof attractShellData>[0];

  it("is the terminal's config, the idle session's language, the devices and the notice", () => {
    expect(attractShellData(kiosk({ phase: 'idle', language: 'ug' }, { lock: null, notice: '通知' }), NOW)).toEqual({
      terminalName: '测试终端',
      hotline: '12345',
      languages: ['zh-CN', 'ug'],
      language: 'ug',
      timeZone: 'Asia/Urumqi',
      now: NOW,
      devices: [printer()],
      notice: '通知',
    });
  });

  it('is nothing while a session runs (a reload mid-journey) or while the fleet has locked the terminal', () => {
    expect(attractShellData(kiosk({ phase: 'active', language: 'zh-CN' }, { lock: null, notice: null }))).toBeNull();
    expect(attractShellData(kiosk({ phase: 'countdown', language: 'zh-CN' }, { lock: null, notice: null }))).toBeNull();
    expect(
      attractShellData(kiosk({ phase: 'idle', language: 'zh-CN' }, { lock: { message: '检修', alternative: '3 号窗口' }, notice: null })),
    ).toBeNull();
  });
});
