import type { BridgeClient } from '../bridge/client.js';

/**
 * A touch on the attract screen (or on the attract shell before React drew it): starts a session, in `language`
 * when the resident touched a language button (the language is chosen before the session starts).
 */
export async function startSession(bridge: BridgeClient, language: string | null = null): Promise<void> {
  await bridge.call('session.start', { trigger: 'touch' });
  if (language) await bridge.call('session.preferences', { language });
}
