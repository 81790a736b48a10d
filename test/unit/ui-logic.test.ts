import { describe, expect, it } from 'vitest';
import { secondsLeft } from '../../renderer/src/components/CountdownOverlay.js';
import { en } from '../../renderer/src/i18n/en.js';
import { directionOf } from '../../renderer/src/i18n/index.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { moveForKey, nextIndex } from '../../renderer/src/keyboard/focus.js';
import { catalogNotice, type CatalogStatus } from '../../renderer/src/stores/catalog.js';
import { guideSpeechText, timeText, type Matter } from '../../renderer/src/guide/speech.js';
import { back, backTo, current, home, initialNavigation, push } from '../../renderer/src/stores/navigation.js';
import { applyDeviceStatus } from '../../renderer/src/stores/terminal.js';
import { colorPairs, contrastRatio, cssVariables, minimums, tokens } from '../../renderer/src/theme/tokens.js';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('design tokens', () => {
  it('keep touch targets ≥ 64 px and text ≥ 24 px in both scales', () => {
    for (const elderly of [false, true]) {
      const v = cssVariables(elderly);
      expect(parseInt(v['--size-touchTarget']!)).toBeGreaterThanOrEqual(minimums.touchTarget);
      for (const f of ['fontBody', 'fontSmall', 'fontTitle']) expect(parseInt(v[`--size-${f}`]!)).toBeGreaterThanOrEqual(minimums.fontSize);
    }
  });

  it('make elderly mode at least 1.25× larger', () => {
    expect(tokens.scale.elderly).toBeGreaterThanOrEqual(minimums.elderlyScale);
    expect(parseInt(cssVariables(true)['--size-fontBody']!) / parseInt(cssVariables(false)['--size-fontBody']!)).toBeGreaterThanOrEqual(
      1.25,
    );
  });

  it('give every text colour pair a contrast of at least 4.5:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    for (const [fg, bg] of colorPairs) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(minimums.contrast);
  });
});

describe('i18n', () => {
  it('has English for every Chinese key and nothing extra', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: unknown) =>
      JSON.stringify(s)
        .match(/\{\{\w+\}\}/g)
        ?.sort() ?? [];
    const flat = (o: object, p = ''): [string, unknown][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && !Array.isArray(v) ? flat(v, `${p}${k}.`) : [[`${p}${k}`, v]]));
    const enMap = new Map(flat(en));
    for (const [k, v] of flat(zhCN)) expect(placeholders(enMap.get(k)), k).toEqual(placeholders(v));
  });

  it('knows which languages are right-to-left', () => {
    expect(directionOf('ug')).toBe('rtl');
    expect(directionOf('zh-CN')).toBe('ltr');
  });
});

describe('keyboard and keypad operation', () => {
  it('moves focus with arrows, mirrored in RTL', () => {
    expect(moveForKey('ArrowRight', 'ltr')).toBe('next');
    expect(moveForKey('ArrowRight', 'rtl')).toBe('previous');
    expect(moveForKey('ArrowDown', 'rtl')).toBe('next');
    expect(moveForKey('Enter', 'ltr')).toBeNull();
  });

  it('wraps around the controls', () => {
    expect(nextIndex(3, 2, 'next')).toBe(0);
    expect(nextIndex(3, 0, 'previous')).toBe(2);
    expect(nextIndex(3, -1, 'next')).toBe(0);
    expect(nextIndex(0, -1, 'next')).toBe(-1);
  });
});

describe('navigation', () => {
  it('goes forward, back and home, and back closes an overlay first', () => {
    let s = push(initialNavigation(), { screen: 'terminalInfo' });
    expect(current(s)).toEqual({ screen: 'terminalInfo' });
    s = { ...s, overlay: 'help' };
    s = back(s);
    expect(s.overlay).toBeNull();
    expect(current(s)).toEqual({ screen: 'terminalInfo' });
    s = back(s);
    expect(current(s)).toEqual({ screen: 'home' });
    expect(back(s)).toBe(s);
    expect(home(push(s, { screen: 'service', service: 'pay' })).stack).toEqual([{ screen: 'home' }]);
  });

  it('counts down whole seconds and never below zero', () => {
    expect(secondsLeft('2026-01-01T00:00:15.000Z', Date.parse('2026-01-01T00:00:00.100Z'))).toBe(15);
    expect(secondsLeft('2026-01-01T00:00:15.000Z', Date.parse('2026-01-01T00:00:20.000Z'))).toBe(0);
  });

  it('folds device status events by device id', () => {
    const st = { deviceId: 'idcard', kind: 'idCardReader', state: 'online' as const, media: [], reasonKey: null, detail: null, since: 'x' };
    const d = applyDeviceStatus(applyDeviceStatus({}, st), { ...st, state: 'offline' });
    expect(Object.keys(d)).toEqual(['idcard']);
    expect(d.idcard!.state).toBe('offline');
  });
});

describe('catalog screens', () => {
  const ok: CatalogStatus = {
    configured: true,
    version: 3,
    matterCount: 1300,
    updatedAt: '2026-11-22T01:00:00Z',
    lastAttemptAt: '2026-11-22T01:00:00Z',
    lastResult: 'ok',
    lastError: null,
    syncing: false,
    pendingChanges: 0,
  };

  it('the offline notice appears when the last sync failed, and an empty catalog is called out unless the first sync is on its way', () => {
    expect(catalogNotice(ok)).toBe('none');
    expect(catalogNotice({ ...ok, lastResult: 'failed' })).toBe('offline');
    expect(catalogNotice({ ...ok, matterCount: 0, lastResult: 'never' })).toBe('none');
    expect(catalogNotice({ ...ok, matterCount: 0, lastResult: 'failed' })).toBe('empty');
    expect(catalogNotice({ ...ok, configured: false, matterCount: 0, lastResult: 'never' })).toBe('empty');
  });

  it('the breadcrumb goes back to any earlier step', () => {
    let s = push(push(initialNavigation(), { screen: 'browse' }), { screen: 'lifeEvents' });
    s = push(s, { screen: 'matters', filter: { lifeEvent: 'retirement' }, title: 'catalog.lifeEvent.retirement' });
    expect(current(backTo(s, 1))).toEqual({ screen: 'browse' });
    expect(backTo(s, 9)).toBe(s);
  });

  const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key);
  const matter = {
    name: '户籍证明开具',
    audience: ['person'],
    conditions: ['本人办理'],
    materials: [{ name: '居民身份证', form: 'original', copies: 1, notes: null, electronicLicence: true, deferrable: false }],
    timeLimit: { legalDays: 5, promisedDays: 1, instant: false, note: null },
    fee: { free: true, amount: null, basis: null },
    channels: { window: true, online: true, terminal: { flows: ['query', 'printProof'] } },
    hall: null,
  } as unknown as Matter;

  it('read-aloud text follows the guide: name, who, materials with the electronic licence, time, fee, what this terminal does', () => {
    const text = guideSpeechText(matter, t);
    const order = [
      '户籍证明开具',
      'guide.audience',
      '居民身份证',
      'guide.electronicLicence',
      'guide.timeLegal',
      'guide.feeFree',
      'guide.doHereFlows',
    ];
    const at = order.map((x) => text.indexOf(x));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('time limits: instant matters say so; otherwise legal and promised days', () => {
    expect(timeText({ ...matter, timeLimit: { ...matter.timeLimit, instant: true } }, t)).toEqual(['guide.timeInstant']);
    expect(timeText(matter, t)).toEqual(['guide.timeLegal{"days":5}', 'guide.timePromised{"days":1}']);
    expect(timeText({ ...matter, timeLimit: { legalDays: null, promisedDays: null, instant: false, note: null } }, t)).toEqual([
      'guide.timeUnknown',
    ]);
  });
});
