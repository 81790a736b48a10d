import { useTranslation } from 'react-i18next';
import './search-way-forward.css';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import { useApp, useSlice } from '../stores/index.js';
import { push } from '../stores/navigation.js';
import { Button } from './Button.js';
import { MatterButton } from './MatterButton.js';

/**
 * What a search that found nothing offers instead of a dead end: matters on the same topic (sharing a word with
 * what was typed), browsing by category and life event, and the hotline.
 */
export function SearchWayForward({ query }: { query: string }) {
  const { t } = useTranslation();
  const { stores } = useApp();
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const nearby = useBridgeQuery('catalog.nearby', { query, limit: 4 }, query);
  const go = (route: { screen: 'browse' } | { screen: 'lifeEvents' }) =>
    stores.navigation.setState(push(stores.navigation.getState(), route));
  return (
    <div className="search-way-forward" data-testid="no-results">
      <p>{t('catalog.noResultsFor', { query })}</p>
      {nearby.status === 'ok' && nearby.data.hits.length > 0 && (
        <>
          <p className="muted">{t('catalog.nearbyTitle')}</p>
          <div data-testid="nearby-results">
            {nearby.data.hits.map((h) => (
              <MatterButton key={h.id} matter={h} />
            ))}
          </div>
        </>
      )}
      <p className="muted">{t('catalog.otherWays')}</p>
      <div className="way-forward-actions">
        <Button data-testid="no-results-browse" onClick={() => go({ screen: 'browse' })}>
          {t('catalog.browseByCategory')}
        </Button>
        <Button data-testid="no-results-life-events" onClick={() => go({ screen: 'lifeEvents' })}>
          {t('catalog.byLifeEvent')}
        </Button>
      </div>
      <p data-testid="no-results-hotline">{t('catalog.askHotline', { hotline })}</p>
    </div>
  );
}
