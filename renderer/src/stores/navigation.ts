import { createStore } from 'zustand/vanilla';
import type { Params } from '../../../main/bridge/contract.js';

export type ServiceTile = 'apply' | 'query' | 'print' | 'pay' | 'progress';
export type BrowseParams = Omit<Params<'catalog.browse'>, 'page' | 'pageSize'>;
export type Route =
  | { screen: 'home' }
  | { screen: 'service'; service: ServiceTile; matterName?: string }
  | { screen: 'terminalInfo' }
  | { screen: 'search' }
  | { screen: 'browse' }
  | { screen: 'lifeEvents' }
  | { screen: 'departments' }
  /** A paged list of matters; `title` is an i18n key, or the department's own name when `literalTitle`. */
  | { screen: 'matters'; filter: BrowseParams; title: string; literalTitle?: boolean }
  | { screen: 'guide'; matterId: string; name: string };
/** `confirmEnd`: "end now?" asked once before the resident ends the session. */
export type Overlay = 'help' | 'pin' | 'confirmEnd' | null;

export interface NavigationState {
  stack: Route[];
  overlay: Overlay;
  /** i18n key of an error to show with a way forward, or null. */
  errorKey: string | null;
}

export const initialNavigation = (): NavigationState => ({ stack: [{ screen: 'home' }], overlay: null, errorKey: null });

/** Pure reducers, tested without React. */
export const push = (s: NavigationState, route: Route): NavigationState => ({ ...s, stack: [...s.stack, route], errorKey: null });
export const back = (s: NavigationState): NavigationState =>
  s.overlay ? { ...s, overlay: null } : s.stack.length > 1 ? { ...s, stack: s.stack.slice(0, -1), errorKey: null } : s;
export const home = (s: NavigationState): NavigationState => ({ ...s, stack: [{ screen: 'home' }], overlay: null, errorKey: null });
export const current = (s: NavigationState): Route => s.stack[s.stack.length - 1] ?? { screen: 'home' };
/** Back to an earlier step of the path (the breadcrumb). */
export const backTo = (s: NavigationState, depth: number): NavigationState =>
  depth >= 0 && depth < s.stack.length ? { ...s, stack: s.stack.slice(0, depth + 1), overlay: null, errorKey: null } : s;

export const createNavigationStore = () => createStore<NavigationState>()(initialNavigation);
export type NavigationStore = ReturnType<typeof createNavigationStore>;
