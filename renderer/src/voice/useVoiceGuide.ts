import { useEffect, useMemo, useRef } from 'react';
import type { PromptId } from '../../../main/bridge/contract.js';
import type { BridgeClient } from '../bridge/client.js';
import type { Stores } from '../stores/index.js';
import { current } from '../stores/navigation.js';
import { VoicePlayer } from './player.js';
import { promptFor, spokenLabel } from './prompt-for.js';

export type Speak = {
  prompt: (id: PromptId) => Promise<void>;
  /** `language`: the text's own language when it is not the session's; resolves false when nothing could be said */
  say: (text: string, language?: 'zh-CN' | 'en' | 'ug') => Promise<boolean>;
  /** the prompt of what is on screen now, again (the keypad's help key) */
  repeat: () => Promise<void>;
  stop: () => void;
};

/**
 * Voice mode: every screen and step announces itself when it opens, and the control that takes focus is read out.
 * Speech stops when the session ends. Returns the speak functions the keypad and the guide's 朗读指南 use.
 */
export function useVoiceGuide(stores: Stores, bridge: BridgeClient): Speak {
  const player = useMemo(() => new VoicePlayer(), []);
  const currentPrompt = useRef<PromptId | null>(null);
  // bumped when a session ends: a reply that arrives afterwards is dropped, never played or kept
  const sessionEpoch = useRef(0);
  const speak = useMemo<Speak>(() => {
    const play = async (call: Promise<{ spoken: string; audio: string }>): Promise<boolean> => {
      const epoch = sessionEpoch.current;
      try {
        const { spoken, audio } = await call;
        if (epoch !== sessionEpoch.current) return false;
        stores.voice.setState({ speaking: true, lastSpoken: spoken, errorKey: null });
        await player.play(audio);
        return true;
      } catch (e) {
        const key = (e as { error?: { messageKey?: string } }).error?.messageKey;
        if (key) stores.voice.setState({ errorKey: key });
        return false;
      } finally {
        if (epoch === sessionEpoch.current) stores.voice.setState({ speaking: false });
      }
    };
    return {
      prompt: async (id) => void (await play(bridge.call('speech.prompt', { id }))),
      say: (text, language) => play(bridge.call('speech.say', language ? { text, language } : { text })),
      repeat: async () => {
        if (currentPrompt.current) await play(bridge.call('speech.prompt', { id: currentPrompt.current }));
      },
      stop: () => player.stop(),
    };
  }, [bridge, player, stores]);

  // the screen's prompt whenever what is on screen changes, in voice mode
  useEffect(() => {
    let last: string | null = null;
    const check = () => {
      const session = stores.session.getState().session;
      const nav = stores.navigation.getState();
      const flow = stores.flow.getState().state;
      const id = promptFor({
        idle: !session || session.phase === 'idle',
        countdown: session?.phase === 'countdown',
        overlay: nav.overlay,
        flow,
        route: current(nav),
      });
      currentPrompt.current = id;
      if (!stores.voice.getState().on) {
        last = null;
        return;
      }
      const key = `${id}:${flow?.stepId ?? ''}:${flow?.status ?? ''}:${JSON.stringify(current(nav))}`;
      if (id && key !== last) void speak.prompt(id);
      last = key;
    };
    const offs = [stores.session, stores.navigation, stores.flow, stores.voice].map((s) => s.subscribe(check));
    check();
    return () => offs.forEach((off) => off());
  }, [speak, stores]);

  // the focused control is read out in voice mode
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (!stores.voice.getState().on || !(e.target instanceof Element) || e.target === document.body) return;
      const text = spokenLabel(e.target);
      if (text) void speak.say(text);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [speak, stores]);

  // volume follows the store; speech stops when the session ends (the store is reset then)
  useEffect(
    () =>
      stores.voice.subscribe((s, prev) => {
        if (s.volume !== prev.volume) player.setVolume(s.volume);
        if (prev.on && !s.on) {
          sessionEpoch.current++;
          player.stop();
        }
      }),
    [player, stores],
  );
  useEffect(
    () =>
      stores.session.subscribe((s, prev) => {
        if (prev.session?.phase !== 'idle' && s.session?.phase === 'idle') {
          sessionEpoch.current++;
          player.stop();
        }
      }),
    [player, stores],
  );
  return speak;
}
