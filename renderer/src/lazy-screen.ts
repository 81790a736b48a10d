import { lazy, type ComponentType } from 'react';

const loaders: (() => Promise<unknown>)[] = [];

/**
 * A screen the attract screen does not need, loaded as its own chunk when first shown (so the first paint loads
 * only what it draws): `lazyScreen(() => import('./screens/HomeScreen.js'), 'HomeScreen')`. `preloadScreens`
 * fetches them all once the attract screen is up, so a touch never waits.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint React's lazy() puts on a component
export function lazyScreen<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  loaders.push(load);
  return lazy(async () => ({ default: (await load())[name] }));
}

export function preloadScreens(): void {
  for (const load of loaders) void load().catch(() => undefined);
}
