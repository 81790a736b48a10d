import { useTranslation } from 'react-i18next';
import { PrintingNotice } from '../components/PrintingNotice.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { IdentifyStep } from '../steps/IdentifyStep.js';
import { useApp } from '../stores/index.js';
import { push, type Route, type ServiceTile } from '../stores/navigation.js';

const tiles: ServiceTile[] = ['apply', 'query', 'print', 'pay', 'progress'];

/** Where each home tile leads: the catalog for what it holds; the service screens for the rest. */
function tileRoute(tile: ServiceTile): Route {
  switch (tile) {
    case 'apply':
      // the matters this terminal takes applications for (本机可办); each guide's 在本机办理 starts the apply flow
      return { screen: 'matters', filter: { flow: 'apply' }, title: 'home.tiles.apply.label' };
    case 'query':
      return { screen: 'matters', filter: { flow: 'query' }, title: 'home.tiles.query.label' };
    case 'print':
      return { screen: 'matters', filter: { flow: 'printProof' }, title: 'home.tiles.print.label' };
    default:
      return { screen: 'service', service: tile };
  }
}

export function HomeScreen() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const go = (route: Parameters<typeof push>[1]) => stores.navigation.setState(push(stores.navigation.getState(), route));
  // 进度查询 and 缴费 are flows of their own (no matter to choose first)
  const open = (tile: ServiceTile) =>
    tile === 'progress' || tile === 'pay'
      ? void bridge.call('flow.start', { flowId: tile, matterId: null }).then(
          (state) => stores.flow.setState({ state }),
          () => go(tileRoute(tile)),
        )
      : go(tileRoute(tile));
  return (
    <ScreenFrame testId="home" title={t('home.title')} showBack={false}>
      <PrintingNotice />
      <div className="home-layout">
        <IdentifyStep />
        <button type="button" className="btn home-search" data-testid="search" onClick={() => go({ screen: 'search' })}>
          {t('home.search')}
        </button>
        <nav className="tiles" aria-label={t('home.title')}>
          {tiles.map((tile, i) => (
            <button type="button" key={tile} className="tile" data-testid={`tile-${tile}`} autoFocus={i === 0} onClick={() => open(tile)}>
              <span>{t(`home.tiles.${tile}.label`)}</span>
              <span className="hint">{t(`home.tiles.${tile}.hint`)}</span>
            </button>
          ))}
        </nav>
        <div className="home-info">
          <button type="button" className="btn" data-testid="terminal-info" onClick={() => go({ screen: 'terminalInfo' })}>
            {t('home.terminalInfo')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
