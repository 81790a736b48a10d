import { describe, expect, it } from 'vitest';
import { speechParts } from '../../../renderer/src/guide/useReadAloud.js';
import { defaultKeypadMap, keypadAction } from '../../../renderer/src/keyboard/keypad.js';
import { promptFor } from '../../../renderer/src/voice/prompt-for.js';
import { stepVolume } from '../../../renderer/src/voice/voice-store.js';
import type { FlowState } from '../../../renderer/src/stores/flow.js';

describe('keypad keys', () => {
  it('maps a HID keypad code or a keyboard key to its action', () => {
    const map = { ...defaultKeypadMap, help: ['F1', 'KeyH'], enter: ['NumpadEnter'] };
    expect(keypadAction(map, { code: 'KeyH', key: 'h' })).toBe('help');
    expect(keypadAction(map, { code: 'NumpadEnter', key: 'Enter' })).toBe('enter');
    expect(keypadAction(map, { code: 'ArrowDown', key: 'ArrowDown' })).toBe('down');
    expect(keypadAction(map, { code: 'KeyA', key: 'a' })).toBeNull();
  });

  it('volume moves in steps of 20 % and never goes silent or above full', () => {
    expect(stepVolume(0.8, 1)).toBe(1);
    expect(stepVolume(1, 1)).toBe(1);
    expect(stepVolume(0.4, -1)).toBe(0.2);
    expect(stepVolume(0.2, -1)).toBe(0.2);
  });
});

describe('the spoken prompt of what is on screen', () => {
  const base = { idle: false, countdown: false, overlay: null, flow: null, route: { screen: 'home' } } as const;
  const flow = (step: string, status = 'waiting') => ({ view: { step }, status }) as unknown as FlowState;
  it('overlays first, then the flow step (its failure), then the screen', () => {
    expect(promptFor({ ...base, idle: true })).toBe('attract');
    expect(promptFor({ ...base, overlay: 'confirmEnd', flow: flow('done') })).toBe('confirmEnd');
    expect(promptFor({ ...base, flow: flow('copies') })).toBe('step.copies');
    expect(promptFor({ ...base, flow: flow('copies', 'failed') })).toBe('step.failure');
    expect(promptFor({ ...base, flow: flow('someNewStep') })).toBe('step.working');
    expect(promptFor({ ...base, route: { screen: 'search' } })).toBe('search');
  });
});

describe('朗读指南 in parts the core accepts', () => {
  it('splits at sentence ends, every part within the limit, nothing lost', () => {
    const text = '第一句。'.repeat(50) + 'x'.repeat(120);
    const parts = speechParts(text, 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(parts.join('')).toBe(text);
  });
});
