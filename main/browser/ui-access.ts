import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the HttpOnly cookie that carries the UI's credential; page scripts never see it. */
export const uiCookieName = 'kiosk_ui';

/** Close codes the bridge sends the UI (mirrored in renderer/src/bridge/channels.ts, checked by a test). */
export const bridgeCloseCodes = {
  /** Another connection with the same credential took over (the same window reloaded). */
  replaced: 4000,
  /** The credential was withdrawn: a newer launch ticket was redeemed, or a spent one was presented again. */
  revoked: 4001,
} as const;

export type TicketVerdict = { ok: true; credential: string } | { ok: false; reason: 'unknown' | 'expired' | 'spent' };

/**
 * Who may drive the kiosk UI in browser mode. The launcher puts a single-use, short-lived ticket on the
 * window's URL (so Chromium's command line, readable by every local user, holds only a ticket); redeeming it
 * mints the one UI credential, which travels only as an HttpOnly cookie. One credential is valid at a time:
 * redeeming a new ticket revokes the previous one. A spent ticket presented again means someone raced the
 * window to it, so the credential it minted is revoked too (see the README's threat model).
 */
export class UiAccess {
  private readonly tickets = new Map<string, { expiresAt: number; spent: boolean }>();
  private credential: Buffer | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  issueTicket(ttlMs: number): string {
    const ticket = randomBytes(24).toString('base64url');
    this.forgetStale();
    this.tickets.set(ticket, { expiresAt: this.now() + ttlMs, spent: false });
    return ticket;
  }

  redeem(ticket: string): TicketVerdict {
    const entry = this.tickets.get(ticket);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.spent) {
      this.revoke();
      return { ok: false, reason: 'spent' };
    }
    if (entry.expiresAt <= this.now()) {
      this.tickets.delete(ticket);
      return { ok: false, reason: 'expired' };
    }
    entry.spent = true;
    const credential = randomBytes(32).toString('base64url');
    this.credential = Buffer.from(credential);
    return { ok: true, credential };
  }

  isCurrent(credential: string | undefined): boolean {
    if (!credential || !this.credential) return false;
    const given = Buffer.from(credential);
    return given.length === this.credential.length && timingSafeEqual(given, this.credential);
  }

  revoke(): void {
    this.credential = null;
  }

  /** Unspent tickets are dropped once expired; spent ones are kept a while to recognise a replay. */
  private forgetStale(): void {
    const horizon = this.now() - 24 * 3600_000;
    for (const [t, e] of this.tickets) if (e.spent ? e.expiresAt < horizon : e.expiresAt <= this.now()) this.tickets.delete(t);
  }
}

/** The value of one cookie from a Cookie header (the bridge needs nothing more than this). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
