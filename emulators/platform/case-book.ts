import { createHash } from 'node:crypto';
import { personas } from '../idcard/personas.js';
import { caseStories, type CaseStory, type When } from './case-stories.js';
import type { PlatformMatter } from './generate.js';
import { seededRandom } from './prng.js';

/** A case as the API replies (main/core/platform/openapi.yaml, `Case`). */
export type CaseReply = Record<string, unknown> & { caseNumber: string; submittedAt: string };

interface BookEntry {
  holderId: string;
  queryCode: string;
  reply: CaseReply;
}

export type LookupOutcome = { found: CaseReply } | { refused: 'noMatch' | 'throttled' };

const shanghaiOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I

/** The platform's masking of a holder's name in replies: the first character kept (张**). */
export function maskHolderName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * The emulator's cases (办件) of the ID card personas, dated relative to `now` when the book is made. Finds cases by
 * holder and by case number with query code; wrong codes are throttled per terminal and per case number, and a
 * refusal never says whether the case exists.
 */
export class CaseBook {
  private readonly entries: BookEntry[] = [];
  private readonly failures = new Map<string, number[]>();

  constructor(
    matters: ReadonlyMap<string, PlatformMatter>,
    private readonly opts: { publicUrl: string; now?: () => number; maxFailures?: number; failureWindowMs?: number },
  ) {
    const now = (opts.now ?? Date.now)();
    let serial = 0;
    for (const persona of personas) {
      for (const story of caseStories[persona.id] ?? []) {
        const matter = matters.get(story.matterId);
        if (!matter) throw new Error(`case story of ${persona.id}: no matter ${story.matterId} in the catalog`);
        const entry = this.entry(persona.fields.idNumber!, persona.fields.name!, matter, story, now, ++serial);
        this.entries.push(entry);
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Case numbers and query codes for testers (the control panel shows them; the data is fictitious). */
  samples(): { holder: string; caseNumber: string; queryCode: string; state: unknown }[] {
    return this.entries.map((e) => ({
      holder: String(e.reply.holderName),
      caseNumber: e.reply.caseNumber,
      queryCode: e.queryCode,
      state: e.reply.state,
    }));
  }

  /** A case opened by an application from a terminal (application-desk.ts): found by holder and by number + code. */
  add(holderId: string, queryCode: string, reply: CaseReply): void {
    this.entries.push({ holderId: holderId.toUpperCase(), queryCode: queryCode.toUpperCase(), reply });
  }

  byHolder(idNumber: string): CaseReply[] {
    const id = idNumber.toUpperCase();
    return this.entries
      .filter((e) => e.holderId === id)
      .map((e) => e.reply)
      .sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt));
  }

  lookup(terminal: string, caseNumber: string, queryCode: string): LookupOutcome {
    const keys = [`terminal:${terminal}`, `case:${caseNumber}`];
    if (keys.some((k) => this.recentFailures(k) >= (this.opts.maxFailures ?? 5))) return { refused: 'throttled' };
    const entry = this.entries.find((e) => e.reply.caseNumber === caseNumber);
    if (entry && entry.queryCode === queryCode.toUpperCase()) return { found: entry.reply };
    const at = this.now();
    for (const k of keys) this.failures.set(k, [...(this.failures.get(k) ?? []), at]);
    return { refused: 'noMatch' };
  }

  private recentFailures(key: string): number {
    const since = this.now() - (this.opts.failureWindowMs ?? 10 * 60_000);
    const recent = (this.failures.get(key) ?? []).filter((t) => t > since);
    this.failures.set(key, recent);
    return recent.length;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private entry(holderId: string, holderName: string, matter: PlatformMatter, story: CaseStory, now: number, serial: number): BookEntry {
    // a time of day in Shanghai, days ago; events never in the future (a story's "today 08:30" before 08:30)
    const at = ([daysAgo, time]: When, latest = Infinity): number => {
      const [h, m] = time.split(':').map(Number) as [number, number];
      const shanghaiMidnight = Math.floor((now + shanghaiOffsetMs) / dayMs) * dayMs - shanghaiOffsetMs;
      return Math.min(shanghaiMidnight - daysAgo * dayMs + (h * 60 + m) * 60_000, latest);
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    const count = story.events.length;
    const eventTimes = story.events.map((e, i) => at(e.at, now - (count - i) * 60_000));
    const submitted = eventTimes[0]!;
    const region = matter.id.startsWith('sh-') ? '310106' : '511602';
    const caseNumber = `${region}${iso(submitted + shanghaiOffsetMs)
      .slice(0, 10)
      .replace(/-/g, '')}${String(100_000 + serial * 7919).slice(-6)}`;
    const rand = seededRandom(caseNumber);
    const queryCode = Array.from({ length: 6 }, () => codeAlphabet[Math.floor(rand() * codeAlphabet.length)]).join('');
    const hall = matter.hall as { name: string; address: string; hours: string } | null;
    const place = hall ? `${hall.name}（${hall.address}）` : String(matter.agency);
    const promisedDays = (matter.timeLimit as { promisedDays: number | null }).promisedDays;
    const last = story.events[count - 1]!;
    const delivery = story.result?.delivery;
    const reply: CaseReply = {
      caseNumber,
      matter: { id: matter.id, name: matter.name },
      agency: String(matter.agency),
      holderName: maskHolderName(holderName),
      submittedAt: iso(submitted),
      channel: story.channel,
      state: last.state,
      // working days as calendar days (× 7/5), rounded up
      promisedBy: promisedDays ? iso(submitted + Math.ceil((promisedDays * 7) / 5) * dayMs) : null,
      timeline: story.events.map((e, i) => ({ at: iso(eventTimes[i]!), state: e.state, title: e.title, note: e.note ?? null })),
      result: story.result
        ? {
            outcome: story.result.outcome,
            name: story.result.name,
            note: story.result.note ?? null,
            delivery:
              delivery!.method === 'window'
                ? { ...delivery, place, hours: hall?.hours ?? null }
                : delivery!.method === 'selfService'
                  ? { ...delivery, hours: '24小时' }
                  : delivery,
          }
        : null,
      nextStep:
        story.nextStep?.kind === 'supplement'
          ? {
              kind: 'supplement',
              materials: story.nextStep.materials.map((m) => ({ name: m.name, reason: m.reason ?? null })),
              deadline: iso(at(story.nextStep.deadline)),
              where: place,
            }
          : story.nextStep?.kind === 'collect'
            ? {
                kind: 'collect',
                where: delivery?.method === 'selfService' ? delivery.place : place,
                until: iso(at(story.nextStep.until)),
              }
            : null,
      queryUrl: `${this.opts.publicUrl.replace(/\/$/, '')}/progress/${createHash('sha256').update(`progress:${caseNumber}`).digest('hex').slice(0, 20)}`,
    };
    return { holderId: holderId.toUpperCase(), queryCode, reply };
  }
}
