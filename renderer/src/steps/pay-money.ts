/** Fen as yuan with two decimals (20000 → "200.00"): money on screen is never rounded. */
export const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Whole seconds from now until an ISO instant, never negative. */
export const secondsUntil = (iso: string, now: number) => Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
