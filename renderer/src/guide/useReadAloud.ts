import { useCallback, useEffect, useRef, useState } from 'react';
import { useSpeak } from '../voice/context.js';

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
  const toggle = useCallback(
    (text: string) => {
      const mine = ++run.current;
      if (speaking) {
        speak.stop();
        setSpeaking(false);
        return;
      }
      setSpeaking(true);
      void (async () => {
        for (const part of speechParts(text)) {
          if (run.current !== mine) return;
          await speak.say(part);
        }
        if (run.current === mine) setSpeaking(false);
      })();
    },
    [speak, speaking],
  );
  return { available: true, speaking, toggle };
}
