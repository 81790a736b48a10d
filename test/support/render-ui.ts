import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BridgeClient } from '../../renderer/src/bridge/client.js';
import { createI18n } from '../../renderer/src/i18n/index.js';
import { AppContext, createStores, type Stores } from '../../renderer/src/stores/index.js';

/** Renders one UI component to HTML with fresh stores (set up by `prepare`) and no bridge: logic a resident sees, no browser. */
export function renderUi(element: ReactElement, prepare: (stores: Stores) => void = () => undefined, language = 'zh-CN'): string {
  createI18n(language);
  const stores = createStores();
  prepare(stores);
  // server rendering reads zustand's initial state: make it the prepared one
  for (const store of Object.values(stores) as { getInitialState: () => unknown; getState: () => unknown }[])
    store.getInitialState = store.getState;
  const bridge = {} as BridgeClient;
  return renderToStaticMarkup(createElement(AppContext.Provider, { value: { stores, bridge } }, element));
}

/** The visible text of rendered HTML. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
