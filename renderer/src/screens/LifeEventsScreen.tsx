import { useTranslation } from 'react-i18next';
import { CatalogFrame, LoadState } from '../components/CatalogFrame.js';
import { useBridgeQuery } from '../bridge/useBridgeQuery.js';
import { useApp } from '../stores/index.js';
import { push } from '../stores/navigation.js';

/** Life events (出生, 上学, 退休 …) as tiles, each with how many matters it holds. */
export function LifeEventsScreen() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const facets = useBridgeQuery('catalog.facets', {}, 'facets');
  return (
    <CatalogFrame title={t('catalog.byLifeEvent')} testId="life-events-screen">
      <LoadState query={facets} />
      {facets.status === 'ok' && facets.data.lifeEvents.length === 0 && <p>{t('catalog.none')}</p>}
      {facets.status === 'ok' && (
        <nav className="tiles" aria-label={t('catalog.byLifeEvent')}>
          {facets.data.lifeEvents.map((e) => (
            <button
              type="button"
              className="tile"
              key={e.key}
              data-testid={`life-event-${e.key}`}
              onClick={() =>
                stores.navigation.setState(
                  push(stores.navigation.getState(), {
                    screen: 'matters',
                    filter: { lifeEvent: e.key },
                    title: `catalog.lifeEvent.${e.key}`,
                  }),
                )
              }
            >
              <span>{t(`catalog.lifeEvent.${e.key}`)}</span>
              <span className="hint">{t('catalog.count', { count: e.count })}</span>
            </button>
          ))}
        </nav>
      )}
    </CatalogFrame>
  );
}
