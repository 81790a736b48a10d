// Types for build-if-changed.mjs (plain JavaScript so that `npm start` runs it before anything is installed).
export interface Build {
  label: string;
  inputs: string[];
  stamp: string;
  command: string[];
  emittedDespite?: number;
}
export const builds: { renderer: Build; main: Build };
export function inputsHash(build: Build, variant?: string, base?: string): string;
export function runIfChanged(build: Build, env?: Record<string, string>, base?: string): boolean;
export function buildIfChanged(name: keyof typeof builds, env?: Record<string, string>): boolean;
export const testBuildEnv: Record<string, string>;
