import { useEffect, useRef } from 'react';
import type { BridgeClient } from '../bridge/client.js';
import type { Stores } from '../stores/index.js';
import { back, current } from '../stores/navigation.js';
import type { Speak } from '../voice/useVoiceGuide.js';
import { stepVolume } from '../voice/voice-store.js';
import { focusables, focusScope, moveFocus } from './focus.js';
import { defaultKeypadMap, keypadAction, type KeypadMap } from './keypad.js';

/** Where focus lands when a screen opens: its main content (what autoFocus chose there), else its first control. */
export function focusMainContent(doc: Document): void {
  const scope = focusScope(doc);
  const active = doc.activeElement as HTMLElement | null;
  const content = scope.querySelector<HTMLElement>('.frame-content') ?? scope;
  if (active && active !== doc.body && scope.contains(active) && !active.closest('.topbar')) return;
  const target = focusables(content)[0] ?? focusables(scope.querySelector('.frame-actions') ?? scope)[0] ?? focusables(scope)[0];
  target?.focus();
}

/**
 * The tactile keypad (EZ Access style): arrows move focus (inside the open overlay only), enter confirms, back
 * goes back, help turns voice mode on and repeats the screen's prompt, volume keys set the volume. Focus lands on
 * the main content after every screen change.
 */
export function useKeypad(stores: Stores, bridge: BridgeClient, speak: Speak): void {
  const map = useRef<KeypadMap>(defaultKeypadMap);
  useEffect(() => {
    const load = () =>
      void bridge.call('keypad.map', {}).then(
        (m) => (map.current = m),
        () => undefined,
      );
    load();
    return bridge.onConnection((connected) => connected && load());
  }, [bridge]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keypadAction(map.current, e);
      if (!action) {
        // Tab must not leave an overlay either
        if (e.key === 'Tab') {
          e.preventDefault();
          moveFocus(document, e.shiftKey ? 'previous' : 'next');
        }
        return;
      }
      const rtl = document.documentElement.dir === 'rtl';
      const voice = stores.voice.getState();
      switch (action) {
        case 'up':
        case 'left':
          e.preventDefault();
          moveFocus(document, action === 'left' && rtl ? 'next' : 'previous');
          return;
        case 'down':
        case 'right':
          e.preventDefault();
          moveFocus(document, action === 'right' && rtl ? 'previous' : 'next');
          return;
        case 'enter': {
          // a real Enter activates buttons natively; a keypad's own enter code clicks the focused control
          if (e.key === 'Enter') return;
          e.preventDefault();
          (document.activeElement as HTMLElement | null)?.click();
          return;
        }
        case 'back': {
          e.preventDefault();
          const nav = stores.navigation.getState();
          const topBack = focusScope(document).querySelector<HTMLButtonElement>('[data-testid="back"]');
          if (nav.overlay) stores.navigation.setState(back(nav));
          else if (topBack) topBack.click();
          return;
        }
        case 'help':
          e.preventDefault();
          // the first press turns voice mode on (which announces the screen); later ones repeat the screen's prompt
          if (!voice.on) stores.voice.setState({ on: true });
          else void speak.repeat();
          return;
        case 'volumeUp':
        case 'volumeDown':
          e.preventDefault();
          stores.voice.setState({ volume: stepVolume(voice.volume, action === 'volumeUp' ? 1 : -1) });
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [speak, stores]);

  // after every screen, step or overlay change, focus goes to the main content (once the new screen has drawn)
  useEffect(() => {
    let last = '';
    let frame = 0;
    const check = () => {
      const nav = stores.navigation.getState();
      const flow = stores.flow.getState().state;
      const session = stores.session.getState().session;
      const key = `${session?.phase}:${nav.overlay}:${JSON.stringify(current(nav))}:${flow?.stepId}:${flow?.view.step}:${flow?.status}`;
      if (key === last) return;
      last = key;
      cancelAnimationFrame(frame);
      // lazy screens render a moment later: wait until the new screen's frame exists
      let tries = 0;
      const land = () => {
        if (document.querySelector('.frame-content, [data-focus-scope], .attract') || tries++ > 30) focusMainContent(document);
        else frame = requestAnimationFrame(land);
      };
      frame = requestAnimationFrame(() => requestAnimationFrame(land));
    };
    const offs = [stores.session, stores.navigation, stores.flow].map((s) => s.subscribe(check));
    return () => {
      cancelAnimationFrame(frame);
      offs.forEach((off) => off());
    };
  }, [stores]);
}
