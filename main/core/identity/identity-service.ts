import type { DeviceStatus } from '../../../devices/core/status.js';
import { ageOn, isExpired, type CardRead, type IdCardEvent, type IdCardReader, type PhotoDecoder } from '../../../devices/id-card/index.js';
import type { SmartCardReader, SocialSecurityEvent, SocialSecurityRead } from '../../../devices/smart-card/index.js';
import type { Logger } from '../log/logger.js';
import { maskIdNumber } from '../log/mask.js';
import { scrubMemorySoon } from './memory-scrub.js';
import type { SessionManager } from '../session/session.js';

export type IdentityState = 'waiting' | 'reading' | 'read' | 'rejected' | 'removed' | 'error';

/** What the UI may know of the resident: the name, a masked number, no address, no full number. */
export interface PersonSummary {
  cardType: CardRead['identity']['cardType'] | 'socialSecurity';
  name: string | null;
  englishName: string | null;
  maskedIdNumber: string | null;
  gender: CardRead['identity']['gender'];
  age: number | null;
  validTo: string | null;
  /** data: URL of the decoded photo, or null (the UI shows a neutral placeholder). */
  photo: string | null;
}

export interface IdentitySnapshot {
  state: IdentityState;
  person: PersonSummary | null;
  /** i18n key of what to tell the resident (an error and what to do), or null. */
  messageKey: string | null;
  cardOnReader: boolean;
  /** The ID card reader is working. */
  readerAvailable: boolean;
  /** A social security card reader is working: the UI offers it as the alternative. */
  socialSecurityAvailable: boolean;
}

/** Said when a card lies on the reader but will not be read again until it is lifted (see `cardSpent`). */
export const LIFT_AND_REPLACE = 'identify.liftAndReplace';
/** Driver messages for failures a fresh placement may cure (moved, badly placed, line noise); not a fake card. */
const curedByReplacing = new Set(['idcard.error.keepStill', 'idcard.error.retry', 'idcard.error.noCard']);

const SESSION_KEY = 'identity.card';
const SS_SESSION_KEY = 'identity.socialSecurity';
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Turns ID card reader events into the session's identity: starts a session when a card is placed on the attract
 * screen, keeps the full card data in the session only (wiped when it ends), rejects expired cards and bad numbers,
 * and pushes a summary to the UI.
 */
export class IdentityService {
  private snap: IdentitySnapshot;
  /**
   * A card lies on an ID card reader that will not read it again: it was read (or refused, or failed for good)
   * already, and the reader reads a card once until it is lifted. Kept across sessions: the card of the last
   * resident, or one left after a failed read, is still there when the next session starts.
   */
  private cardSpent = false;
  /** The byte arrays of the session's card (photo, fingerprint), zeroed when the session ends. */
  private readonly ownedBytes: Uint8Array[] = [];

  constructor(
    private readonly readers: IdCardReader[],
    private readonly session: SessionManager,
    private readonly publish: (s: IdentitySnapshot) => void,
    private readonly log: Logger,
    private readonly photoDecoder: PhotoDecoder | null = null,
    private readonly todayFn: () => string = today,
    private readonly ssReaders: SmartCardReader[] = [],
  ) {
    this.snap = this.initial();
    session.registerWipe(() => {
      this.wipeCardBytes();
      this.reset();
      scrubMemorySoon(this.log);
    });
    for (const r of readers) {
      r.onCard((e) => void this.onCard(e, r));
      r.onStatus((s) => this.onStatus(s));
    }
    for (const r of ssReaders) {
      r.onCard((e) => this.onSocialSecurity(e));
      r.onStatus((s) => this.onStatus(s));
    }
  }

  snapshot(): IdentitySnapshot {
    return this.snap;
  }

  /** The full card of the current session (core-side only; never sent to the UI). */
  currentCard(): CardRead | undefined {
    return this.session.get<CardRead>(SESSION_KEY);
  }

  /** Name and ID number of the identified resident, for the platform (core-side only), or null. */
  applicant(): { name: string; idNumber: string } | null {
    const id = this.currentCard()?.identity;
    if (id?.name && id.idNumber) return { name: id.name, idNumber: id.idNumber };
    const ss = this.session.get<{ name: string | null; socialSecurityNumber: string | null }>(SS_SESSION_KEY);
    if (ss?.name && ss.socialSecurityNumber) return { name: ss.name, idNumber: ss.socialSecurityNumber };
    return null;
  }

  /** The card's photo and fingerprint are arrays this service owns: zeroed, not just dropped, at the session's end. */
  private wipeCardBytes(): void {
    for (const b of this.ownedBytes.splice(0)) b.fill(0);
  }

  /** Called when the session ends: the identity goes with it. */
  reset(): void {
    this.set(this.initial());
  }

  /** A new session starts clean, except that a card still on the reader is named: lift it and place it again. */
  private initial(): IdentitySnapshot {
    const spent = this.cardSpent;
    return { state: 'waiting', person: null, messageKey: spent ? LIFT_AND_REPLACE : null, cardOnReader: spent, ...this.availability() };
  }

  private availability() {
    const up = (r: { status(): DeviceStatus }) => r.status().state === 'online' || r.status().state === 'busy';
    const socialSecurityAvailable = this.ssReaders.some(up);
    return { readerAvailable: this.readers.some(up), socialSecurityAvailable };
  }

  private set(next: IdentitySnapshot): void {
    this.snap = next;
    this.publish(next);
  }

  private onStatus(_s: DeviceStatus): void {
    const a = this.availability();
    if (a.readerAvailable !== this.snap.readerAvailable || a.socialSecurityAvailable !== this.snap.socialSecurityAvailable)
      this.set({ ...this.snap, ...a });
  }

  private onSocialSecurity(e: SocialSecurityEvent): void {
    if (e.type === 'cardPresented') return this.acceptSocialSecurity(e.read);
    // detection, removal and failures mean the same for either card
    void this.onCard(e.type === 'readFailed' ? e : e.type === 'cardDetected' ? { type: 'cardDetected' } : { type: 'cardRemoved' });
  }

  private acceptSocialSecurity(read: SocialSecurityRead): void {
    if (this.session.snapshot().mode === 'maintenance') return;
    if (!this.session.active) this.session.start('card');
    this.session.activity();
    const c = read.card;
    const expired = c.expiryDate !== null && c.expiryDate < this.todayFn();
    const rejected =
      read.kind === 'authRequired'
        ? 'identify.error.ssAuthRequired'
        : expired
          ? 'identify.error.expired'
          : !c.name
            ? 'idcard.error.retry'
            : null;
    this.log.info(
      { card: 'socialSecurity', kind: read.kind, spec: c.specVersion, rejected: rejected ?? undefined },
      'social security card read',
    );
    if (rejected) {
      this.set({ ...this.snap, state: 'rejected', person: null, messageKey: rejected, cardOnReader: true });
      return;
    }
    this.session.put(SS_SESSION_KEY, c);
    this.set({
      ...this.snap,
      state: 'read',
      messageKey: null,
      cardOnReader: true,
      person: {
        cardType: 'socialSecurity',
        name: c.name,
        englishName: null,
        maskedIdNumber: c.socialSecurityNumber ? maskIdNumber(c.socialSecurityNumber) : null,
        gender: c.gender,
        age: ageOn(c.birthDate, this.todayFn()),
        validTo: c.expiryDate,
        photo: null,
      },
    });
  }

  /** What the reader will do with the card on it, whatever the session: a detected card is read; a removed one is gone. */
  private followReader(e: IdCardEvent, reader: IdCardReader): void {
    if (e.type === 'cardDetected' || e.type === 'cardRemoved') this.cardSpent = false;
    else if (e.type === 'cardPresented') this.cardSpent = true;
    // the driver retries a failed read while it keeps the reader busy; once it lets go, this card is done
    else if (e.type === 'readFailed') this.cardSpent = reader.status().state !== 'busy';
  }

  private async onCard(e: IdCardEvent, reader?: IdCardReader): Promise<void> {
    if (reader) this.followReader(e, reader);
    if (this.session.snapshot().mode === 'maintenance') return;
    switch (e.type) {
      case 'cardDetected':
        if (!this.session.active) this.session.start('card');
        else this.session.activity();
        if (this.snap.state !== 'read') this.set({ ...this.snap, state: 'reading', messageKey: null, cardOnReader: true });
        else this.set({ ...this.snap, cardOnReader: true });
        return;
      case 'cardRemoved':
        if (this.snap.state === 'reading')
          this.set({ ...this.snap, state: 'removed', messageKey: 'identify.error.keepStill', cardOnReader: false });
        // lifted as asked: ready for it to be placed again
        else if (this.snap.messageKey === LIFT_AND_REPLACE)
          this.set({ ...this.snap, state: 'waiting', messageKey: null, cardOnReader: false });
        // a refused card taken away: ready for the next one, the reason stays on screen until then
        else if (this.snap.state === 'rejected' || this.snap.state === 'error')
          this.set({ ...this.snap, state: 'waiting', cardOnReader: false });
        else this.set({ ...this.snap, cardOnReader: false });
        return;
      case 'readFailed': {
        this.log.warn({ code: e.error.code, detail: e.error.detail, final: !reader || this.cardSpent }, 'ID card read failed');
        // an ID card reader still trying this card: the resident keeps waiting, the screen keeps saying "reading"
        if (reader && !this.cardSpent) return this.set({ ...this.snap, state: 'reading', messageKey: null, cardOnReader: true });
        const lift = reader !== undefined && curedByReplacing.has(e.error.messageKey);
        this.set({ ...this.snap, state: 'error', messageKey: lift ? LIFT_AND_REPLACE : e.error.messageKey });
        return;
      }
      case 'cardPresented':
        return this.accept(e.card);
    }
  }

  private async accept(card: CardRead): Promise<void> {
    if (!this.session.active) this.session.start('card');
    this.session.activity();
    const id = card.identity;
    const rejected = isExpired(id, this.todayFn())
      ? 'identify.error.expired'
      : id.idNumberValid === false
        ? 'identify.error.badNumber'
        : null;
    // no personal field, not even masked: a log line keeps its arguments alive until it is written
    this.log.info({ cardType: id.cardType, readMs: card.readMs, rejected: rejected ?? undefined }, 'ID card read');
    if (rejected) {
      this.set({ ...this.snap, state: 'rejected', person: null, messageKey: rejected, cardOnReader: true });
      return;
    }
    this.session.put(SESSION_KEY, card);
    this.ownedBytes.push(card.photoWlt, card.fingerprint);
    let photo: string | null = null;
    if (this.photoDecoder) {
      try {
        const img = await this.photoDecoder.decode(card.photoWlt);
        photo = `data:${img.mimeType};base64,${Buffer.from(img.bytes).toString('base64')}`;
      } catch (err) {
        this.log.warn({ decoder: this.photoDecoder.name, err: (err as Error).message }, 'photo decoder failed; showing placeholder');
      }
    }
    this.set({
      state: 'read',
      messageKey: null,
      cardOnReader: true,
      ...this.availability(),
      person: {
        cardType: id.cardType,
        name: id.name,
        englishName: id.englishName,
        maskedIdNumber: id.idNumber ? maskIdNumber(id.idNumber) : null,
        gender: id.gender,
        age: ageOn(id.birthDate, this.todayFn()),
        validTo: id.validTo,
        photo,
      },
    });
  }
}
