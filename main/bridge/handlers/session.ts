import type { Kiosk } from '../../core/kiosk.js';
import { BridgeFailure, type Handlers } from '../dispatcher.js';

export function sessionHandlers(
  kiosk: Kiosk,
): Pick<Handlers, 'session.start' | 'session.activity' | 'session.end' | 'session.preferences'> {
  return {
    'session.start': ({ trigger }) => kiosk.session.start(trigger),
    'session.activity': () => {
      kiosk.session.activity();
      return null;
    },
    'session.end': ({ reason }) => {
      if (kiosk.session.snapshot().mode === 'resident') kiosk.session.end(reason);
      return kiosk.session.snapshot();
    },
    'session.preferences': ({ elderly, language }) => {
      if (language !== undefined && !kiosk.config.languages.includes(language as never))
        throw new BridgeFailure({ code: 'badParams', messageKey: 'bridge.error.badParams', detail: `language ${language} is not enabled` });
      if (!kiosk.session.active) kiosk.session.start('touch');
      return kiosk.session.setPreferences({ elderly, language });
    },
  };
}
