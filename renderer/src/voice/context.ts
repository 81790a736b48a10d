import { createContext, useContext } from 'react';
import type { Speak } from './useVoiceGuide.js';

const silent: Speak = { prompt: async () => undefined, say: async () => false, repeat: async () => undefined, stop: () => undefined };
export const VoiceContext = createContext<Speak>(silent);
/** The core's voice (espeak-ng or the vendor engine) for anything that speaks: voice mode, 朗读指南, the keypad. */
export const useSpeak = () => useContext(VoiceContext);
