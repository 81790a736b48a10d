import { useTranslation } from 'react-i18next';

/**
 * The row above the keys: the pinyin being composed, then candidates as large buttons (≥ the touch-target size,
 * so ≥ 88 px in 长辈模式), numbered 1–8 so the number keys choose them too, with paging at the ends.
 */
export function CandidateBar({
  letters,
  candidates,
  selected,
  page,
  more,
  message,
  onChoose,
  onPage,
}: {
  letters: string;
  candidates: string[];
  /** The pre-selected candidate (handwriting: the best one). */
  selected?: number;
  page: number;
  more: boolean;
  message?: string | null;
  onChoose: (index: number) => void;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ime-bar" data-testid="ime-bar">
      {letters && (
        <div className="ime-composition" data-testid="ime-composition" aria-label={t('catalog.keyboard.composing', { letters })}>
          {letters}
        </div>
      )}
      <div className="ime-candidates" data-testid="ime-candidates">
        <button
          type="button"
          className="ime-page"
          data-testid="ime-prev"
          aria-label={t('catalog.keyboard.prevCandidates')}
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          ‹
        </button>
        {message && <p className="muted ime-message">{message}</p>}
        {/* the list holds the candidates only (the paging buttons beside it are not options); laid out in the row */}
        <div className="ime-options" role="listbox" aria-label={t('catalog.keyboard.candidates')}>
          {candidates.map((c, i) => (
            <button
              type="button"
              role="option"
              aria-selected={selected === i}
              className={selected === i ? 'ime-candidate selected' : 'ime-candidate'}
              key={`${page}-${i}-${c}`}
              data-testid="ime-candidate"
              data-text={c}
              onClick={() => onChoose(i)}
            >
              <span className="ime-index" aria-hidden="true">
                {i + 1}
              </span>
              {c}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="ime-page"
          data-testid="ime-next"
          aria-label={t('catalog.keyboard.nextCandidates')}
          disabled={!more}
          onClick={() => onPage(page + 1)}
        >
          ›
        </button>
      </div>
    </div>
  );
}
