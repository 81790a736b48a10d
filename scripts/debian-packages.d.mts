// Types for debian-packages.mjs (plain JavaScript so that `npm start` runs it before anything is installed).
export const installScript: string;
export function debianPackages(): string[];
export function missingDebianPackages(packages?: string[]): string[] | null;
export function aptInstallCommand(packages: string[]): string;
