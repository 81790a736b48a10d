import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';
import { FrameActions } from './ScreenFrame.js';

/** Page turning instead of long scrolls: two big buttons and where you are, in the frame's bottom action bar. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <FrameActions>
      <nav className="pager" aria-label={t('catalog.page', { page: page + 1, pages })}>
        <Button data-testid="page-prev" disabled={page === 0} onClick={() => onPage(page - 1)}>
          {t('catalog.prev')}
        </Button>
        <span data-testid="page-status">{t('catalog.page', { page: page + 1, pages })}</span>
        <Button data-testid="page-next" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
          {t('catalog.next')}
        </Button>
      </nav>
    </FrameActions>
  );
}
