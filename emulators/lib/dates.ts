/**
 * Card validity dates relative to the day the emulator runs, so a persona meant to be valid stays valid (and the
 * expired one stays expired) however long after writing the emulator is used.
 */

/** `today` shifted by whole years and days, as YYYYMMDD (UTC calendar). */
export function yearsFrom(today: Date, years: number, days = 0): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate() + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
