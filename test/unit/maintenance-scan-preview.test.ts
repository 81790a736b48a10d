import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../devices/core/status.js';
import { MaintenanceScreen } from '../../renderer/src/screens/MaintenanceScreen.js';
import { renderUi, textOf } from '../support/render-ui.js';

const status: DeviceStatus = {
  deviceId: 'scanner',
  kind: 'scanner',
  state: 'online',
  media: [],
  reasonKey: null,
  detail: null,
  since: '2026-11-30T00:00:00Z',
};
const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';

describe('maintenance: the scanner self-test', () => {
  it("shows the test scan's image under its step, labelled, with the step names in the technician's language", () => {
    const html = renderUi(createElement(MaintenanceScreen), (stores) => {
      stores.maintenance.setState({
        overview: {
          devices: [{ id: 'scanner', kind: 'scanner', driver: 'escl', transport: 'http://127.0.0.1:1/eSCL/', info: {}, status }],
          audit: [],
          outboxDepth: 0,
        },
        selfTests: {
          scanner: {
            deviceId: 'scanner',
            passed: true,
            steps: [
              { name: 'capabilities', passed: true, detail: 'platen+feeder', durationMs: 3 },
              { name: 'testScan', passed: true, detail: '1 page(s) from the platen at 75 dpi, 30 KB', durationMs: 400, preview: jpeg },
            ],
          },
        },
      });
    });
    expect(html).toContain(`src="${jpeg}"`);
    expect(html).toContain('alt="测试扫描得到的图像"');
    expect(html).toContain('data-testid="selftest-preview-scanner"');
    expect(textOf(html)).toContain('测试扫描');
    expect(textOf(html)).toContain('扫描能力');
  });
});
