import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { FleetNotice } from '../../renderer/src/components/FleetNotice.js';
import { AttractScreen } from '../../renderer/src/screens/AttractScreen.js';
import { LockScreen } from '../../renderer/src/screens/LockScreen.js';
import { renderUi, textOf } from '../support/render-ui.js';

describe('fleet lock screen and attract notice', () => {
  it('says 暂停服务 with the reason, the nearest alternative and the hotline, and starts nothing', () => {
    const html = renderUi(createElement(LockScreen, { message: '设备检修中', alternative: '一楼大厅 3 号窗口' }), (s) =>
      s.terminal.setState({ info: { hotline: '12345' } as never }),
    );
    expect(textOf(html)).toContain('暂停服务');
    expect(textOf(html)).toContain('设备检修中');
    expect(textOf(html)).toContain('您可以前往：一楼大厅 3 号窗口');
    expect(textOf(html)).toContain('咨询请拨打 12345');
    expect(html).not.toContain('touch-to-start');
  });

  it('in English too', () => {
    const html = renderUi(createElement(LockScreen, { message: 'Maintenance', alternative: 'Window 3' }), () => undefined, 'en');
    expect(textOf(html)).toContain('Service suspended');
  });

  it('shows the operations centre’s notice on the attract screen, and nothing when there is none', () => {
    const withNotice = renderUi(createElement(AttractScreen), (s) => {
      s.terminal.setState({ info: { timeZone: 'Asia/Shanghai' } as never });
      s.fleet.setState({ display: { lock: null, notice: '12月1日凌晨系统升级' } });
    });
    expect(textOf(withNotice)).toContain('通知 12月1日凌晨系统升级');
    expect(renderUi(createElement(FleetNotice))).toBe('');
  });
});
