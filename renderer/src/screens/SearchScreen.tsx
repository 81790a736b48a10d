import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogFrame } from '../components/CatalogFrame.js';
import { Button } from '../components/Button.js';
import { MatterButton } from '../components/MatterButton.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { SearchWayForward } from '../components/SearchWayForward.js';
import { FrameActions, FrameDock } from '../components/ScreenFrame.js';
import { useApp, useSlice } from '../stores/index.js';
import { push } from '../stores/navigation.js';

const MAX_QUERY = 32;

/** Search as you type on the kiosk's own keyboard; results appear under the field at every key. */
export function SearchScreen() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const query = useSlice(stores.catalog, (s) => s.query);
  const hits = useSlice(stores.catalog, (s) => s.hits);
  const seq = useRef(0);

  const setQuery = (next: string) => {
    const q = next.slice(0, MAX_QUERY);
    stores.catalog.setState({ query: q });
    const mine = ++seq.current;
    if (q.trim() === '') {
      stores.catalog.setState({ hits: [] });
      return;
    }
    // while pinyin is being composed after Chinese text, search the Chinese (不动产 + "chax" → 不动产)
    const composed = /[\u4e00-\u9fff]/.test(q) ? q.replace(/[a-z']+$/, '') : q;
    bridge.call('catalog.search', { query: composed, limit: 6 }).then(
      (r) => mine === seq.current && stores.catalog.setState({ hits: r.hits }),
      () => mine === seq.current && stores.catalog.setState({ hits: [] }),
    );
  };

  // A hardware keyboard (technicians, accessibility keypads) types into the same field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const q = stores.catalog.getState().query;
      if (/^[a-zA-Z0-9]$/.test(e.key)) setQuery(q + e.key.toLowerCase());
      else if (e.key === 'Backspace') setQuery([...q].slice(0, -1).join(''));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <CatalogFrame title={t('catalog.searchTitle')} testId="search-screen">
      <div className="search-field">
        <label htmlFor="search-input">{t('catalog.searchLabel')}</label>
        <input
          id="search-input"
          data-testid="search-input"
          className="search-input"
          value={query}
          dir="auto"
          readOnly
          inputMode="none"
          autoComplete="off"
          aria-describedby="search-hint"
        />
      </div>
      <p id="search-hint" className="muted">
        {t('catalog.searchHint')}
      </p>
      <section className="results" aria-live="polite" data-testid="search-results">
        {query !== '' && hits.length === 0 && <SearchWayForward query={query} />}
        {hits.length > 0 && <p className="muted">{t('catalog.results')}</p>}
        {hits.map((h) => (
          <MatterButton
            key={h.id}
            matter={h}
            note={[
              h.viaAlias ? t('catalog.viaAlias', { alias: h.viaAlias }) : '',
              h.otherImplementations > 0 ? t('catalog.otherAgencies', { count: h.otherImplementations }) : '',
            ]
              .filter(Boolean)
              .join(' ')}
          />
        ))}
      </section>
      <FrameDock>
        <OnScreenKeyboard
          onKey={(k) => setQuery(query + k)}
          onBackspace={() => setQuery([...query].slice(0, -1).join(''))}
          onClear={() => setQuery('')}
          chinese={{ value: query, onChange: setQuery, maxLength: MAX_QUERY }}
        />
      </FrameDock>
      <FrameActions>
        <Button data-testid="browse" onClick={() => stores.navigation.setState(push(stores.navigation.getState(), { screen: 'browse' }))}>
          {t('catalog.browse')}
        </Button>
      </FrameActions>
    </CatalogFrame>
  );
}
