import { createStore } from 'zustand/vanilla';

export interface VoiceState {
  /** voice mode: screens announce themselves and the focused control is read out */
  on: boolean;
  /** 0–1, changed by the keypad's volume keys or the on-screen buttons */
  volume: number;
  speaking: boolean;
  /** the last text spoken (normalised by the core), for tests and the technicians' view; cleared with the session */
  lastSpoken: string | null;
  /** i18n key when speech is unavailable (no engine) */
  errorKey: string | null;
}

export const initialVoice = (): VoiceState => ({ on: false, volume: 0.8, speaking: false, lastSpoken: null, errorKey: null });
export const createVoiceStore = () => createStore<VoiceState>()(initialVoice);
export type VoiceStore = ReturnType<typeof createVoiceStore>;

export const VOLUME_STEP = 0.2;
/** The next volume after a volume key: in steps of 0.2, never silent (0.2 is the floor), at most 1. */
export const stepVolume = (volume: number, direction: 1 | -1): number =>
  Math.round(Math.min(1, Math.max(VOLUME_STEP, volume + direction * VOLUME_STEP)) * 10) / 10;
