import { useCallback, useEffect, useRef, useState } from 'react';
import { useSpeak } from '../voice/context.js';
import type { SpeechPart } from './speech.js';

const speechLanguages = ['zh-CN', 'en', 'ug'] as const;
const asSpeechLanguage = (l: string) => speechLanguages.find((s) => s === l);

/** Splits a long text at sentence ends into parts the core accepts (≤ 500 characters each). */
export function speechParts(text: string, max = 500): string[] {
  const sentences = text
    .split(/(?<=[。！？；.!?;\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.length; i += max) {
      const piece = s.slice(i, i + max);
      const last = parts[parts.length - 1];
      if (last !== undefined && last.length + piece.length <= max) parts[parts.length - 1] = last + piece;
      else parts.push(piece);
    }
  }
  return parts;
}

/**
 * 朗读指南: the guide read by the core's speech engine (offline; not the browser's speechSynthesis, which has no
 * voices on a Linux terminal), part by part; stops when pressed again or when the screen goes away.
 */
export function useReadAloud() {
  const speak = useSpeak();
  const [speaking, setSpeaking] = useState(false);
  const run = useRef(0);
  useEffect(
    () => () => {
      run.current++;
      speak.stop();
    },
    [speak],
  );
  /** Reads the parts in order, each in its own language; the first part that cannot be said ends the reading. */
  const toggle = useCallback(
    (text: string | SpeechPart[]) => {
      const mine = ++run.current;
      if (speaking) {
        speak.stop();
        setSpeaking(false);
        return;
      }
      setSpeaking(true);
      void (async () => {
        const parts = typeof text === 'string' ? [{ text, language: undefined as string | undefined }] : text;
        reading: for (const { text: whole, language } of parts)
          for (const part of speechParts(whole)) {
            if (run.current !== mine) return;
            if (!(await speak.say(part, language ? asSpeechLanguage(language) : undefined))) break reading;
          }
        if (run.current === mine) setSpeaking(false);
      })();
    },
    [speak, speaking],
  );
  return { available: true, speaking, toggle };
}
