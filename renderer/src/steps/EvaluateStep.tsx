import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { FrameActions } from '../components/ScreenFrame.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import type { StepProps } from './types.js';

/** GB/T 39735 five levels, best first; 2 and 1 ask for reasons. */
const levels = [5, 4, 3, 2, 1] as const;

/**
 * 好差评 of the journey's case: reasons go to the core as codes (the same whatever the language), one evaluation per
 * case; skipping is always allowed and goes on with the journey.
 */
export function EvaluateStep({ view, answer }: StepProps<'evaluate'>) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [typing, setTyping] = useState(false);
  const unhappy = level !== null && level <= 2;

  return (
    <section className="panel evaluation" data-testid="evaluation">
      <h2>{t('evaluation.title')}</h2>
      <div className="levels" role="radiogroup" aria-label={t('evaluation.title')}>
        {levels.map((l) => (
          <Button key={l} role="radio" aria-checked={level === l} data-testid={`level-${l}`} onClick={() => setLevel(l)}>
            {t(`evaluation.level.${l}`)}
          </Button>
        ))}
      </div>
      {unhappy && (
        <>
          <p>{t('evaluation.whyTitle')}</p>
          <div className="reasons">
            {view.reasons.map((r) => (
              <Button
                key={r}
                aria-pressed={reasons.includes(r)}
                data-testid={`reason-${r}`}
                onClick={() => setReasons(reasons.includes(r) ? reasons.filter((x) => x !== r) : [...reasons, r])}
              >
                {t(`evaluation.reason.${r}`)}
              </Button>
            ))}
          </div>
          <Button data-testid="comment-toggle" aria-expanded={typing} onClick={() => setTyping(!typing)}>
            {t('evaluation.addComment')}
          </Button>
          {typing && (
            <>
              <input
                className="search-input"
                data-testid="comment"
                value={comment}
                dir="auto"
                readOnly
                inputMode="none"
                aria-label={t('evaluation.addComment')}
              />
              <OnScreenKeyboard
                onKey={(k) => setComment((comment + k).slice(0, 200))}
                onBackspace={() => setComment(comment.slice(0, -1))}
                onClear={() => setComment('')}
                chinese={{ value: comment, onChange: setComment, maxLength: 200 }}
              />
            </>
          )}
        </>
      )}
      <FrameActions>
        <Button data-testid="evaluation-skip" onClick={() => answer({ skip: true })}>
          {t('evaluation.skip')}
        </Button>
        <Button
          variant="primary"
          data-testid="evaluation-submit"
          disabled={level === null || (unhappy && reasons.length === 0)}
          onClick={() => level !== null && answer({ level, reasons: unhappy ? reasons : [], comment: comment || null })}
        >
          {t('evaluation.submit')}
        </Button>
      </FrameActions>
      {unhappy && reasons.length === 0 && <p className="muted">{t('evaluation.reasonNeeded')}</p>}
    </section>
  );
}
