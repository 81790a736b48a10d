import type { Reply } from '../../../main/bridge/contract.js';

export type KeypadMap = Reply<'keypad.map'>;
export type KeypadAction = keyof KeypadMap;

/** The map a terminal uses before the core has sent its own (the config defaults: a plain keyboard's keys). */
export const defaultKeypadMap: KeypadMap = {
  up: ['ArrowUp'],
  down: ['ArrowDown'],
  left: ['ArrowLeft'],
  right: ['ArrowRight'],
  enter: ['Enter', 'NumpadEnter'],
  back: ['Escape'],
  help: ['F1', 'Help'],
  volumeUp: ['AudioVolumeUp', 'NumpadAdd', 'F3'],
  volumeDown: ['AudioVolumeDown', 'NumpadSubtract', 'F2'],
};

/** Which keypad key a key event is: its `code` (the physical key a HID keypad reports) or its `key`. Pure. */
export function keypadAction(map: KeypadMap, e: { code: string; key: string }): KeypadAction | null {
  for (const [action, keys] of Object.entries(map) as [KeypadAction, string[]][])
    if (keys.includes(e.code) || keys.includes(e.key)) return action;
  return null;
}
