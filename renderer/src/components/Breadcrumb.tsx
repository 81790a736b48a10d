import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';
import { backTo, type Route } from '../stores/navigation.js';

export function routeTitle(route: Route, t: (key: string) => string): string {
  switch (route.screen) {
    case 'home':
      return t('common.home');
    case 'search':
      return t('catalog.searchTitle');
    case 'browse':
      return t('catalog.browseTitle');
    case 'lifeEvents':
      return t('catalog.byLifeEvent');
    case 'departments':
      return t('catalog.byDepartment');
    case 'matters':
      return route.literalTitle ? route.title : t(route.title);
    case 'guide':
      return route.name;
    case 'service':
      return route.matterName ?? t(`home.tiles.${route.service}.label`);
    case 'terminalInfo':
      return t('terminal.title');
  }
}

/** The visible path back: every earlier step is a button (each followed by "›"); the path ends on where the resident is. */
export function Breadcrumb() {
  const { t } = useTranslation();
  const { stores } = useApp();
  const stack = useSlice(stores.navigation, (s) => s.stack);
  if (stack.length < 2) return null;
  const here = stack[stack.length - 1]!;
  return (
    <nav className="breadcrumb" aria-label={t('common.path')} data-testid="breadcrumb">
      {stack.slice(0, -1).map((r, i) => (
        <button type="button" className="crumb" key={i} onClick={() => stores.navigation.setState(backTo(stores.navigation.getState(), i))}>
          {routeTitle(r, t)}
        </button>
      ))}
      <span className="crumb-current" aria-current="page" data-testid="breadcrumb-current">
        {routeTitle(here, t)}
      </span>
    </nav>
  );
}
