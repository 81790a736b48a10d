import { describe, expect, it } from 'vitest';
import { mosquittoAcl } from '../../fleet/service/acl.js';
import { newestVersion, parseCommandForm } from '../../fleet/console/server.js';

describe('console helpers', () => {
  it('takes the newest version by number, not by text', () => {
    expect(newestVersion(['1.9.2', '1.10.0', '1.2.0'])).toBe('1.10.0');
    expect(newestVersion([])).toBe('');
  });

  it('turns the command form into a target and a checked command', () => {
    expect(parseCommandForm({ target: 'group:outlet-1', type: 'lock', message: '检修', alternative: '3 号窗口' })).toEqual({
      ok: true,
      target: { group: 'outlet-1' },
      body: { type: 'lock', message: '检修', alternative: '3 号窗口' },
    });
    expect(parseCommandForm({ target: 'terminal:T-1', type: 'notice', message: '' })).toMatchObject({
      ok: true,
      body: { type: 'notice', text: null },
    });
    expect(parseCommandForm({ target: 'T-1', type: 'restart' })).toMatchObject({ ok: false });
    expect(parseCommandForm({ target: 'terminal:T-1', type: 'collectLogs', uploadUrl: 'not a url' })).toMatchObject({ ok: false });
    expect(parseCommandForm({ target: 'terminal:T-1/#', type: 'restart' })).toMatchObject({ ok: false });
  });

  it('writes an ACL where a terminal writes only its own topics and reads its own and its groups’ commands', () => {
    const acl = mosquittoAcl([{ id: 'ZZ-0101', groups: ['outlet-7'] }]);
    const block = acl.slice(acl.indexOf('user ZZ-0101'));
    expect(block.trim().split('\n')).toEqual([
      'user ZZ-0101',
      'topic readwrite zwkiosk/v1/ZZ-0101/state',
      'topic write zwkiosk/v1/ZZ-0101/events',
      'topic write zwkiosk/v1/ZZ-0101/result',
      'topic read zwkiosk/v1/ZZ-0101/cmd',
      'topic read zwkiosk/v1/_groups/all/cmd',
      'topic read zwkiosk/v1/_groups/outlet-7/cmd',
    ]);
    expect(() => mosquittoAcl([{ id: 'A/#', groups: [] }])).toThrow();
  });
});

describe('device health over time', () => {
  it('draws each device’s last 24 hours as coloured spans: paper out red, back online green', async () => {
    const { healthStrips } = await import('../../fleet/console/pages.js');
    const now = Date.parse('2026-11-30T12:00:00Z');
    const svg = healthStrips(
      [
        { deviceId: 'a4', status: 'online', media: [], at: '2026-11-30T00:00:00Z' },
        { deviceId: 'a4', status: 'online', media: ['paperOut'], at: '2026-11-30T06:00:00Z' },
        { deviceId: 'a4', status: 'online', media: [], at: '2026-11-30T09:00:00Z' },
      ],
      now,
    );
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="0" width="([\d.]+)" height="16" fill="([^"]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      m[3],
    ]);
    expect(rects).toEqual([
      [420, 150, 'var(--success)'],
      [570, 75, 'var(--accent)'],
      [645, 75, 'var(--success)'],
    ]);
  });
});
