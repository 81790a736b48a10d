// Types for node-modules.mjs (plain JavaScript so that `npm start` runs it before anything is installed).
export function outdatedNodeModules(base?: string): string[];
export function ensureNodeModules(): boolean;
