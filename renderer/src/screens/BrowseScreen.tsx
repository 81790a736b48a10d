import { useTranslation } from 'react-i18next';
import { CatalogFrame } from '../components/CatalogFrame.js';
import { useApp } from '../stores/index.js';
import { push, type Route } from '../stores/navigation.js';

const entries: { key: string; route: Route }[] = [
  { key: 'hereFirst', route: { screen: 'matters', filter: { terminalOnly: true }, title: 'catalog.hereFirst' } },
  { key: 'popular', route: { screen: 'matters', filter: { sort: 'popular' }, title: 'catalog.popular' } },
  { key: 'person', route: { screen: 'matters', filter: { audience: 'person' }, title: 'catalog.person' } },
  { key: 'legal', route: { screen: 'matters', filter: { audience: 'legal' }, title: 'catalog.legal' } },
  { key: 'byLifeEvent', route: { screen: 'lifeEvents' } },
  { key: 'byDepartment', route: { screen: 'departments' } },
];

/** Ways to browse the catalog, as large tiles. */
export function BrowseScreen() {
  const { t } = useTranslation();
  const { stores } = useApp();
  return (
    <CatalogFrame title={t('catalog.browseTitle')} testId="browse-screen">
      <nav className="tiles" aria-label={t('catalog.browseTitle')}>
        {entries.map((e, i) => (
          <button
            type="button"
            className="tile"
            key={e.key}
            data-testid={`browse-${e.key}`}
            autoFocus={i === 0}
            onClick={() => stores.navigation.setState(push(stores.navigation.getState(), e.route))}
          >
            <span>{t(`catalog.${e.key}`)}</span>
            <span className="hint">{t(`catalog.${e.key}Hint`)}</span>
          </button>
        ))}
      </nav>
    </CatalogFrame>
  );
}
