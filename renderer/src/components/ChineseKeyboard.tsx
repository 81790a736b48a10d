import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chooseCandidate,
  composingLetters,
  contextBefore,
  deleteLast,
  insertText,
  typeLetter,
  type Composition,
} from '../keyboard/composition.js';
import { uyghurKeyRows } from '../keyboard/ug-layout.js';
import { useApp } from '../stores/index.js';
import { CandidateBar } from './CandidateBar.js';
import { HandwritingPad, type Stroke } from './HandwritingPad.js';
import { KeyGrid } from './KeyGrid.js';

/** A text field that takes Chinese: its value and how to change it. */
export interface ChineseField {
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
}

const PAGE_SIZE = 6;
type Mode = 'uyghur' | 'pinyin' | 'latin' | 'handwriting';
type TypingMode = Exclude<Mode, 'handwriting'>;

/** The layouts the 中/英 key cycles through: with the screen in Uyghur, Uyghur letters first, then 中 and 英. */
export function keyboardModes(language: string): TypingMode[] {
  return language === 'ug' ? ['uyghur', 'pinyin', 'latin'] : ['pinyin', 'latin'];
}
const modeLabel = { uyghur: 'catalog.keyboard.uyghur', pinyin: 'catalog.keyboard.chinese', latin: 'catalog.keyboard.english' } as const;
const switchLabel = {
  uyghur: 'catalog.keyboard.switchToUyghur',
  pinyin: 'catalog.keyboard.switchToChinese',
  latin: 'catalog.keyboard.switchToEnglish',
} as const;

/**
 * Letters compose pinyin (shown in the field and above the candidates); a candidate replaces the letters it
 * uses and the rest keep composing; space takes the first candidate, number keys the numbered one. 英 types
 * letters as they are. 手写 swaps the keys for a pad: candidates after every stroke, the best pre-selected.
 * With the screen in Uyghur the keyboard starts with the Uyghur letters (`ug-layout.ts`) and the same key cycles
 * ئۇ → 中 → 英.
 */
export function ChineseKeyboard({ field, onClear }: { field: ChineseField; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const { bridge } = useApp();
  const maxLength = field.maxLength ?? 200;
  const modes = keyboardModes(i18n.language);
  const [mode, setMode] = useState<Mode>(modes[0]!);
  const typing: TypingMode = mode === 'handwriting' ? modes[0]! : mode;
  const nextMode = modes[(modes.indexOf(typing) + 1) % modes.length]!;
  const [from, setFrom] = useState<number | null>(null);
  const [page, setPage] = useState(0);
  const [candidates, setCandidates] = useState<{ text: string; consumed: number }[]>([]);
  const [more, setMore] = useState(false);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [written, setWritten] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);

  const composition: Composition = { value: field.value, from };
  const letters = mode === 'pinyin' ? composingLetters(composition) : '';
  const context = contextBefore(composition);

  useEffect(() => {
    const mine = ++seq.current;
    if (!letters) {
      setCandidates([]);
      setMore(false);
      return;
    }
    bridge.call('ime.candidates', { letters, context, page, pageSize: PAGE_SIZE }).then(
      (r) => {
        if (mine !== seq.current) return;
        setCandidates(r.candidates);
        setMore(r.more);
      },
      () => mine === seq.current && setCandidates([]),
    );
  }, [bridge, letters, context, page]);

  const apply = (next: Composition) => {
    setFrom(next.from);
    setPage(0);
    if (next.value !== field.value) field.onChange(next.value);
  };
  const choose = (i: number) => {
    const c = candidates[i];
    if (c) apply(chooseCandidate(composition, c, maxLength));
  };
  const onKey = (k: string) => {
    if (mode === 'pinyin' && /^[a-z]$/.test(k)) return apply(typeLetter(composition, k, maxLength));
    if (letters && /^[1-9]$/.test(k) && candidates[Number(k) - 1]) return choose(Number(k) - 1);
    apply(insertText(composition, k, maxLength));
  };
  const space = () => (letters && candidates[0] ? choose(0) : apply(insertText(composition, ' ', maxLength)));

  const recognize = (next: Stroke[], size: { width: number; height: number }) => {
    setStrokes(next);
    const mine = ++seq.current;
    if (next.length === 0 || size.width === 0) {
      setWritten([]);
      return;
    }
    bridge.call('handwriting.recognize', { ...size, strokes: next, context: contextBefore(composition), limit: 8 }).then(
      (r) => {
        if (mine !== seq.current) return;
        setWritten(r.candidates);
        setMessage(null);
      },
      () => mine === seq.current && setMessage(t('catalog.keyboard.handwritingUnavailable')),
    );
  };
  const padSize = useRef({ width: 0, height: 0 });
  const takeWritten = (i: number) => {
    const c = written[i];
    if (!c) return;
    apply(insertText(composition, c, maxLength));
    seq.current++;
    setStrokes([]);
    setWritten([]);
  };

  const switches = (
    <>
      <button
        type="button"
        className="osk-key"
        data-testid="osk-lang"
        data-mode={typing === 'pinyin' ? 'chinese' : typing}
        aria-label={t(switchLabel[nextMode])}
        lang={typing === 'uyghur' ? 'ug' : undefined}
        onClick={() => {
          setFrom(null);
          setMode(nextMode);
        }}
      >
        {t(modeLabel[typing])}
      </button>
      <button
        type="button"
        className="osk-key wide"
        data-testid="osk-handwriting"
        aria-pressed={mode === 'handwriting'}
        onClick={() => {
          setFrom(null);
          setStrokes([]);
          setWritten([]);
          setMode(mode === 'handwriting' ? modes[0]! : 'handwriting');
        }}
      >
        {mode === 'handwriting'
          ? t(modes[0] === 'pinyin' ? 'catalog.keyboard.pinyin' : modeLabel[modes[0]!])
          : t('catalog.keyboard.handwriting')}
      </button>
    </>
  );

  if (mode === 'handwriting') {
    return (
      <div className="osk" role="group" aria-label={t('catalog.keyboard.label')} data-testid="osk">
        <CandidateBar
          letters=""
          candidates={written}
          selected={0}
          page={0}
          more={false}
          message={message}
          onChoose={takeWritten}
          onPage={() => undefined}
        />
        <div className="hw-area">
          <HandwritingPad
            strokes={strokes}
            onStrokes={(next, size) => {
              padSize.current = size;
              recognize(next, size);
            }}
          />
          <div className="hw-actions">
            <button
              type="button"
              className="osk-key wide"
              data-testid="hw-accept"
              disabled={written.length === 0}
              onClick={() => takeWritten(0)}
            >
              {t('catalog.keyboard.accept')}
            </button>
            <button
              type="button"
              className="osk-key wide"
              data-testid="hw-undo"
              disabled={strokes.length === 0}
              onClick={() => recognize(strokes.slice(0, -1), padSize.current)}
            >
              {t('catalog.keyboard.undoStroke')}
            </button>
            <button type="button" className="osk-key wide" data-testid="hw-clear" onClick={() => recognize([], padSize.current)}>
              {t('catalog.keyboard.clearPad')}
            </button>
            <button type="button" className="osk-key wide" data-testid="osk-backspace" onClick={() => apply(deleteLast(composition))}>
              {t('catalog.keyboard.backspace')}
            </button>
          </div>
        </div>
        <p className="muted hw-hint">{t('catalog.keyboard.writeHint')}</p>
        <div className="osk-row">{switches}</div>
      </div>
    );
  }

  return (
    <KeyGrid
      letterRows={mode === 'uyghur' ? uyghurKeyRows : undefined}
      lettersLang={mode === 'uyghur' ? 'ug' : undefined}
      onKey={onKey}
      onBackspace={() => apply(deleteLast(composition))}
      onClear={() => {
        setFrom(null);
        onClear();
      }}
      before={
        letters ? (
          <CandidateBar
            letters={letters}
            candidates={candidates.map((c) => c.text)}
            page={page}
            more={more}
            onChoose={choose}
            onPage={setPage}
          />
        ) : null
      }
      extraKeys={
        <>
          {switches}
          <button type="button" className="osk-key wide" data-testid="osk-space" onClick={space}>
            {t('catalog.keyboard.space')}
          </button>
        </>
      }
    />
  );
}
