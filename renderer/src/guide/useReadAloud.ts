import { useCallback, useEffect, useState } from 'react';

/** Speech synthesis for the guide: start/stop, stops when the screen goes away. */
export function useReadAloud(lang: string, slow: boolean) {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => synth?.cancel(), [synth]);
  const toggle = useCallback(
    (text: string) => {
      if (!synth) return;
      if (speaking) {
        synth.cancel();
        setSpeaking(false);
        return;
      }
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      u.rate = slow ? 0.8 : 1;
      u.onend = () => setSpeaking(false);
      u.onerror = () => setSpeaking(false);
      synth.cancel();
      synth.speak(u);
      setSpeaking(true);
    },
    [synth, speaking, lang, slow],
  );
  return { available: synth !== null, speaking, toggle };
}
