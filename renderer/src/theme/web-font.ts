// The bundled Noto Sans SC web font: ~200 KB of @font-face rules (one per Unicode range). Imported lazily by
// main.tsx after the first paint, so they do not block it; until then the installed Noto Sans CJK SC (the same
// design, from fonts-noto-cjk) draws the text.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
