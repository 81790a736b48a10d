import { describe, expect, it } from 'vitest';
import { unresolvedPayments, UNRESOLVED_AFTER_MS } from '../../main/core/fleet/kiosk-host.js';

describe('unresolved payments reported to the fleet', () => {
  it('counts only orders unfinished for longer than a payment normally takes, so a payment in progress raises no alarm', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    const at = (msAgo: number) => ({ updatedAt: new Date(now - msAgo).toISOString() });
    expect(unresolvedPayments([], now)).toBe(0);
    expect(unresolvedPayments([at(10_000), at(UNRESOLVED_AFTER_MS - 1)], now)).toBe(0);
    expect(unresolvedPayments([at(10_000), at(UNRESOLVED_AFTER_MS + 1), at(3_600_000)], now)).toBe(2);
  });
});
