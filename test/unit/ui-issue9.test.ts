import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DeviceStatus } from '../../devices/core/status.js';
import { Breadcrumb } from '../../renderer/src/components/Breadcrumb.js';
import { CatalogNotice } from '../../renderer/src/components/CatalogNotice.js';
import { PrintingNotice } from '../../renderer/src/components/PrintingNotice.js';
import { formatDate, formatDateTime } from '../../renderer/src/i18n/format.js';
import { AttractScreen } from '../../renderer/src/screens/AttractScreen.js';
import { AuditList } from '../../renderer/src/screens/AuditList.js';
import { TechnicalDetail } from '../../renderer/src/screens/TechnicalDetail.js';
import { IdentifyStep } from '../../renderer/src/steps/IdentifyStep.js';
import { printingPause } from '../../renderer/src/stores/printing.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { renderUi, textOf } from '../support/render-ui.js';

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
const devicesOf = (...d: DeviceStatus[]) => Object.fromEntries(d.map((x) => [x.deviceId, x]));

describe('times on screen (issue 9 #3)', () => {
  it('are written in the terminal zone the Chinese way, whatever the browser zone', () => {
    const at = '2026-11-30T06:40:51.534Z';
    expect(formatDateTime(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月30日 14:40');
    expect(formatDateTime(at, 'Asia/Shanghai', 'en')).toBe('30 Nov 2026, 14:40');
    expect(formatDate(at, 'Asia/Shanghai', 'zh-CN', { weekday: true })).toBe('2026年11月30日 星期一');
  });

  it("the maintenance audit list shows the terminal zone's time, the Chinese way, not a US date", () => {
    const html = renderUi(
      createElement(AuditList, { entries: [{ id: 1, at: '2026-11-30T06:40:51.534Z', type: 'print.completed', detail: {} }] }),
    );
    expect(textOf(html)).toContain('2026年11月30日 14:40:51');
    expect(html).not.toMatch(/11\/30\/2026/);
  });

  it("the attract clock shows the terminal's zone (from terminal info), not the machine's", () => {
    vi.useFakeTimers({ now: new Date('2026-11-30T22:40:00Z'), toFake: ['Date'] });
    try {
      const html = renderUi(createElement(AttractScreen), (s) => s.terminal.setState({ info: { timeZone: 'Asia/Shanghai' } as never }));
      expect(textOf(html)).toContain('06:40');
      expect(textOf(html)).toContain('2026年12月1日 星期二');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the offline banner (issue 9 #3)', () => {
  it("says since when the catalog is in the terminal's zone, the Chinese way", () => {
    const text = textOf(
      renderUi(createElement(CatalogNotice), (s) => {
        s.terminal.setState({ info: { timeZone: 'Asia/Shanghai', hotline: '12345' } as never });
        s.catalog.setState({
          status: {
            configured: true,
            version: 3,
            matterCount: 1200,
            updatedAt: '2026-11-30T06:40:51.534Z',
            lastAttemptAt: '2026-11-30T07:00:00Z',
            lastResult: 'failed',
            lastError: { code: 'network', message: 'down' },
            syncing: false,
            pendingChanges: 0,
          },
        });
      }),
    );
    expect(text).toContain('2026年11月30日 14:40 更新的事项目录');
  });
});

describe('printing paused up front (issue 9 #5)', () => {
  it('is paused when the only A4 printer is out of paper, jammed or offline; not when it prints or is absent', () => {
    expect(printingPause(devicesOf(printer({ state: 'userError', media: ['paperOut'] })))?.reason).toBe('paperOut');
    expect(printingPause(devicesOf(printer({ state: 'userError', media: ['paperJam', 'paperOut'] })))?.reason).toBe('paperJam');
    expect(printingPause(devicesOf(printer({ state: 'offline' })))?.reason).toBe('offline');
    expect(printingPause(devicesOf(printer({ media: ['paperLow', 'tonerLow'] })))).toBeNull();
    expect(printingPause(devicesOf(printer({ state: 'busy' })))).toBeNull();
    expect(printingPause({})).toBeNull();
  });

  it('the notice says what is wrong, that other services still work, and offers to check again', () => {
    const text = textOf(
      renderUi(createElement(PrintingNotice), (s) =>
        s.terminal.setState({ devices: devicesOf(printer({ state: 'userError', media: ['paperOut'] })) }),
      ),
    );
    expect(text).toContain(zhCN.printer.paused.paperOut);
    expect(text).toContain('其他服务照常可用');
    expect(text).toContain(zhCN.printer.paused.recheck);
    expect(renderUi(createElement(PrintingNotice), (s) => s.terminal.setState({ devices: devicesOf(printer()) }))).toBe('');
  });
});

describe('a card the reader will not read again (issue 9 #6)', () => {
  it('the identify step asks to lift the card and place it again', () => {
    const text = textOf(
      renderUi(createElement(IdentifyStep), (s) =>
        s.identity.setState({ state: 'waiting', cardOnReader: true, messageKey: 'identify.liftAndReplace', readerAvailable: true }),
      ),
    );
    expect(text).toContain(zhCN.identify.liftAndReplaceTitle);
    expect(text).toContain(zhCN.identify.liftAndReplace);
    expect(text).not.toContain(zhCN.identify.placeCard);
  });
});

describe('technicians read labels, not raw codes (issue 9 #10)', () => {
  it('the breadcrumb ends on where the resident is, not on a bare "›"', () => {
    const html = renderUi(createElement(Breadcrumb), (s) => s.navigation.setState({ stack: [{ screen: 'home' }, { screen: 'search' }] }));
    expect(textOf(html)).toMatch(/首页 搜索事项$/);
    expect(html).toContain('aria-current="page"');
  });

  it('printer reasons and media read as Chinese labels with the code beside them; free text stays as it is', () => {
    const text = textOf(
      renderUi(createElement(TechnicalDetail, { media: ['paperLow', 'tonerLow'], detail: 'media-low, toner-low-warning' })),
    );
    expect(text).toContain('纸将用尽 paperLow');
    expect(text).toContain('墨粉不足 toner-low-warning');
    expect(textOf(renderUi(createElement(TechnicalDetail, { media: [], detail: 'paperNearEnd' })))).toContain('纸将用完 paperNearEnd');
    const pcsc = textOf(renderUi(createElement(TechnicalDetail, { media: [], detail: 'SCardEstablishContext: Service not available.' })));
    expect(pcsc).toContain('技术信息');
    expect(pcsc).toContain('SCardEstablishContext: Service not available.');
  });

  it('the audit list shows what happened and its fields in Chinese, not JSON', () => {
    const html = renderUi(
      createElement(AuditList, {
        entries: [
          {
            id: 2,
            at: '2026-11-30T06:40:00Z',
            type: 'device.status',
            detail: { device: 'a4printer', state: 'userError', media: ['paperOut'], reason: 'printer.reason.paperOut' },
          },
          { id: 1, at: '2026-11-30T06:39:00Z', type: 'print.completed', detail: { caseId: 'K-1', pages: 2, copies: 1 } },
        ],
      }),
    );
    const text = textOf(html);
    expect(text).toContain('设备状态变化 device.status');
    expect(text).toContain('状态：需要处理 (userError)');
    expect(text).toContain('介质：缺纸 (paperOut)');
    expect(text).toContain('原因：缺纸 (printer.reason.paperOut)');
    expect(text).toContain('打印完成 print.completed');
    expect(text).toContain('办件编号：K-1');
    expect(html).not.toContain('{&quot;');
    expect(html).not.toContain('{"');
  });

  it('the print-log button says what it does (no "打印打印日志")', () => {
    expect(zhCN.maintenance.printLog).not.toBe('打印打印日志');
  });
});
