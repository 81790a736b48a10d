import type { ELicence, FormMaterial, MaterialChoice } from '../../apply/apply-types.js';
import type { PageQuality } from '../../scan/page-quality.js';
import type { Rotation } from '../../scan/page-image.js';
import { dataKey } from '../types.js';
import type { StepView } from '../views.js';

export type CaptureSource = 'platen' | 'feeder' | 'camera';

/** One captured page, in memory only: the image as delivered, how the resident turned it, its preview and check. */
export interface CapturedPage {
  id: string;
  image: Uint8Array;
  preview: Uint8Array;
  rotation: Rotation;
  quality: PageQuality;
  source: CaptureSource;
}

/** What the resident chose for one material so far. */
export type MaterialEntry =
  | { kind: 'none' }
  | { kind: 'licence'; licenceId: string; authorisedAt: string }
  | { kind: 'pages'; pages: CapturedPage[] }
  | { kind: 'deferred' };

/** The materials step's working state (plain data, so the run's clear zeroes every page). */
export interface MaterialsWork {
  entries: Record<string, MaterialEntry>;
  /** Index of the material on screen (kept here so a reloaded screen opens the same one). */
  current: number;
  problem: { materialId: string; messageKey: string; params?: Record<string, string | number> } | null;
  /** Page ids are numbered per run. */
  nextPage: number;
}
export const MATERIALS_WORK = dataKey<MaterialsWork>('apply.materialsWork');

/** A material has at most this many pages (a thick certificate book through the feeder is still far below). */
export const MAX_PAGES_PER_MATERIAL = 30;

export type MaterialsView = Extract<StepView, { step: 'materials' }>;

export const newWork = (): MaterialsWork => ({ entries: {}, current: 0, problem: null, nextPage: 1 });

export const entryOf = (work: MaterialsWork, id: string): MaterialEntry => work.entries[id] ?? { kind: 'none' };

/** Zeroes a page's bytes when it leaves the run (deleted, replaced, its material chosen otherwise). */
export function wipePage(p: CapturedPage): void {
  p.image.fill(0);
  p.preview.fill(0);
}

/** Replaces a material's entry, zeroing the pages it no longer keeps. */
export function setEntry(work: MaterialsWork, id: string, entry: MaterialEntry): void {
  const old = entryOf(work, id);
  if (old.kind === 'pages') {
    const kept = new Set(entry.kind === 'pages' ? entry.pages : []);
    for (const p of old.pages) if (!kept.has(p)) wipePage(p);
  }
  work.entries[id] = entry;
}

/** Licences of the resident that can stand in for this material. */
export const licencesFor = (m: FormMaterial, licences: readonly ELicence[]) => licences.filter((l) => m.licenceTypes.includes(l.type));

/** A material is settled when it has a choice the platform will take: a licence, clean pages, or 容缺. */
export function settled(m: FormMaterial, e: MaterialEntry): boolean {
  if (e.kind === 'pages') return e.pages.length > 0 && e.pages.every((p) => p.quality === 'ok');
  return e.kind !== 'none' || !m.required;
}

/** The first material that keeps the resident here, with why (for the message under the continue button). */
export function firstUnsettled(materials: readonly FormMaterial[], work: MaterialsWork): { index: number; messageKey: string } | null {
  for (const [index, m] of materials.entries()) {
    const e = entryOf(work, m.id);
    if (settled(m, e)) continue;
    if (e.kind === 'pages' && e.pages.length > 0) return { index, messageKey: 'materials.problem.rescanFlagged' };
    return { index, messageKey: 'materials.problem.required' };
  }
  return null;
}

/** What the screen shows: materials with their choices and pages (ids, checks and turns; images come separately). */
export function materialsView(
  materials: readonly FormMaterial[],
  licences: readonly ELicence[],
  work: MaterialsWork,
  available: { sources: ReadonlySet<CaptureSource>; cameraLabel: string | null },
  scanning: MaterialsView['scanning'] = null,
): MaterialsView {
  return {
    step: 'materials',
    materials: materials.map((m) => {
      const e = entryOf(work, m.id);
      return {
        id: m.id,
        name: m.name,
        required: m.required,
        deferrable: m.deferrable,
        pagesHint: m.pagesHint,
        licences: licencesFor(m, licences).map((l) => ({
          id: l.id,
          name: l.name,
          maskedNumber: l.maskedNumber,
          issuer: l.issuer,
          validUntil: l.validUntil,
        })),
        sources: m.sources.filter((s) => available.sources.has(s)),
        choice: e.kind === 'pages' ? 'scan' : e.kind,
        licenceId: e.kind === 'licence' ? e.licenceId : null,
        pages: e.kind === 'pages' ? e.pages.map((p) => ({ id: p.id, quality: p.quality, rotation: p.rotation, source: p.source })) : [],
      };
    }),
    current: Math.min(work.current, Math.max(materials.length - 1, 0)),
    scanning,
    problem: work.problem,
    cameraLabel: available.cameraLabel,
    ready: firstUnsettled(materials, work) === null,
  };
}

/** What the review and the submission get; every scanned material becomes one PDF (`toPdf`). */
export async function materialChoices(
  materials: readonly FormMaterial[],
  work: MaterialsWork,
  toPdf: (pages: CapturedPage[]) => Promise<Uint8Array>,
): Promise<MaterialChoice[]> {
  const out: MaterialChoice[] = [];
  for (const m of materials) {
    const e = entryOf(work, m.id);
    if (e.kind === 'licence') out.push({ materialId: m.id, kind: 'licence', licenceId: e.licenceId, authorisedAt: e.authorisedAt });
    else if (e.kind === 'deferred') out.push({ materialId: m.id, kind: 'deferred' });
    else if (e.kind === 'pages' && e.pages.length > 0)
      out.push({ materialId: m.id, kind: 'scan', pdf: await toPdf(e.pages), pages: e.pages.length });
  }
  return out;
}
