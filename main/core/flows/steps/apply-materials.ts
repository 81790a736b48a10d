import { z } from 'zod';
import type { DocumentScanner } from '../../../../devices/scanner/index.js';
import type { ApplyPort, FormMaterial } from '../../apply/apply-types.js';
import type { Logger } from '../../log/logger.js';
import { materialPdf } from '../../scan/material-pdf.js';
import { isDecodableImage, nextRotation, previewJpeg } from '../../scan/page-image.js';
import { checkPage } from '../../scan/page-quality.js';
import { scanSettingsFor } from '../../scan/scan-settings.js';
import type { AuditLog } from '../../store/audit.js';
import type { StepContext, StepHandler, StepOutcome } from '../types.js';
import { APPLY_AUTHORISED, APPLY_FORM, APPLY_LICENCES, APPLY_MATERIALS, APPLY_REJECTED, doneEditing } from './apply-data.js';
import {
  entryOf,
  firstUnsettled,
  MATERIALS_WORK,
  MAX_PAGES_PER_MATERIAL,
  materialChoices,
  materialsView,
  newWork,
  setEntry,
  type CaptureSource,
  type CapturedPage,
  type MaterialsView,
  type MaterialsWork,
  wipePage,
} from './apply-materials-work.js';
import { scanProblemKey } from './apply-materials-problems.js';

const Id = z.string().min(1).max(80);
/** A photo from the document camera as base64 JPEG: the screen compresses it to fit one bridge message (256 KiB). */
export const MAX_PHOTO_BASE64 = 240_000;

const MaterialsAnswer = z.discriminatedUnion('action', [
  z.object({ action: z.literal('show'), index: z.number().int().min(0).max(100) }).strict(),
  z.object({ action: z.literal('useLicence'), materialId: Id, licenceId: Id }).strict(),
  z.object({ action: z.literal('scan'), materialId: Id, source: z.enum(['platen', 'feeder']), replacePageId: Id.optional() }).strict(),
  z
    .object({
      action: z.literal('photo'),
      materialId: Id,
      jpegBase64: z.string().min(1).max(MAX_PHOTO_BASE64),
      replacePageId: Id.optional(),
    })
    .strict(),
  z.object({ action: z.literal('rotate'), materialId: Id, pageId: Id }).strict(),
  z.object({ action: z.literal('delete'), materialId: Id, pageId: Id }).strict(),
  z.object({ action: z.literal('defer'), materialId: Id }).strict(),
  z.object({ action: z.literal('clear'), materialId: Id }).strict(),
  z.object({ action: z.literal('done') }).strict(),
]);
export type MaterialsAnswer = z.infer<typeof MaterialsAnswer>;

export interface ApplyMaterialsDeps {
  scanner: () => DocumentScanner | null;
  /** The document camera (高拍仪) when the terminal has one: the label its video device goes by (null: any camera). */
  camera: () => { label: string | null } | null;
  apply: () => ApplyPort | null;
  applicant: () => { idNumber: string } | null;
  audit: Pick<AuditLog, 'append'>;
  log: Logger;
  now: () => Date;
}

/**
 * 材料: for each material of the form, the resident uses an e-licence (authorised on screen; the platform records
 * the authorisation and the audit log says which material it stood for), scans it (platen or feeder), photographs
 * it with the document camera, or — where the matter allows 容缺 — says they will bring it later. Every page is
 * checked (blank, too dark, too light) and can be turned, scanned again or deleted; a material's pages become one
 * PDF when the resident goes on. Pages live only in the run's memory and are zeroed when they go.
 */
export function applyMaterialsStep(deps: ApplyMaterialsDeps): StepHandler<MaterialsAnswer> {
  const sourcesOf = async (ctx: StepContext): Promise<Set<CaptureSource>> => {
    const out = new Set<CaptureSource>();
    if (deps.camera()) out.add('camera');
    const scanner = deps.scanner();
    if (!scanner) return out;
    const caps = await scanner.scannerCapabilities(AbortSignal.any([ctx.signal, AbortSignal.timeout(3_000)]));
    // an unreachable scanner still offers its buttons: the scan itself then says what is wrong
    for (const s of caps.ok ? caps.value.sources : (['platen', 'feeder'] as const)) out.add(s);
    return out;
  };

  const show = async (ctx: StepContext, work: MaterialsWork): Promise<StepOutcome> => ({
    kind: 'wait',
    view: await viewOf(ctx, work),
  });
  const viewOf = async (ctx: StepContext, work: MaterialsWork, scanning: MaterialsView['scanning'] = null): Promise<MaterialsView> =>
    materialsView(
      ctx.data.require(APPLY_FORM).materials,
      ctx.data.get(APPLY_LICENCES) ?? [],
      work,
      {
        sources: await sourcesOf(ctx),
        cameraLabel: deps.camera()?.label ?? null,
      },
      scanning,
    );

  const capture = async (work: MaterialsWork, image: Uint8Array, source: CaptureSource): Promise<CapturedPage> => ({
    id: `p${work.nextPage++}`,
    image,
    preview: await previewJpeg(image, 0),
    rotation: 0,
    quality: await checkPage(image),
    source,
  });

  /** Adds captured pages to a material (in place of `replacePageId` for a rescan) and says which need scanning again. */
  const addPages = (work: MaterialsWork, m: FormMaterial, pages: CapturedPage[], replacePageId: string | undefined): void => {
    const e = entryOf(work, m.id);
    const old = e.kind === 'pages' ? e.pages : [];
    const at = replacePageId ? old.findIndex((p) => p.id === replacePageId) : -1;
    const merged = at >= 0 ? [...old.slice(0, at), ...pages, ...old.slice(at + 1)] : [...old, ...pages];
    if (merged.length > MAX_PAGES_PER_MATERIAL) {
      for (const p of pages) wipePage(p);
      work.problem = { materialId: m.id, messageKey: 'materials.problem.tooManyPages', params: { max: MAX_PAGES_PER_MATERIAL } };
      return;
    }
    setEntry(work, m.id, { kind: 'pages', pages: merged });
    const flagged = merged.findIndex((p) => p.quality !== 'ok');
    work.problem =
      flagged >= 0 ? { materialId: m.id, messageKey: `materials.page.${merged[flagged]!.quality}`, params: { page: flagged + 1 } } : null;
  };

  const scan = async (ctx: StepContext, work: MaterialsWork, m: FormMaterial, source: 'platen' | 'feeder', replace?: string) => {
    const problem = (messageKey: string) => void (work.problem = { materialId: m.id, messageKey });
    const scanner = deps.scanner();
    if (!scanner) return problem('materials.scanError.noScanner');
    ctx.update(await viewOf(ctx, work, { materialId: m.id, source, pages: 0 }));
    const caps = await scanner.scannerCapabilities(ctx.signal);
    const settings = caps.ok ? scanSettingsFor(caps.value, source) : null;
    if (!caps.ok || !settings) {
      deps.log.warn({ code: caps.ok ? 'unsupported' : caps.error.code, source }, 'scanner cannot scan for this material');
      return problem(caps.ok ? 'materials.scanError.failed' : (scanProblemKey(caps.error, source) ?? 'materials.scanError.failed'));
    }
    const sources = await sourcesOf(ctx);
    const available = { sources, cameraLabel: deps.camera()?.label ?? null };
    const forms = ctx.data.require(APPLY_FORM).materials;
    const licences = ctx.data.get(APPLY_LICENCES) ?? [];
    const r = await scanner.scan(settings, {
      signal: ctx.signal,
      timeoutMs: 120_000,
      onPage: (n) => ctx.update(materialsView(forms, licences, work, available, { materialId: m.id, source, pages: n })),
    });
    if (!r.ok) {
      deps.log.warn({ code: r.error.code, detail: r.error.detail, source }, 'scan failed');
      const key = scanProblemKey(r.error, source);
      return key ? problem(key) : undefined;
    }
    if (r.value.length === 0) return problem(source === 'feeder' ? 'materials.scanError.feederEmpty' : 'materials.scanError.platenEmpty');
    const pages: CapturedPage[] = [];
    for (const page of r.value) {
      if (!(await isDecodableImage(page.bytes))) {
        deps.log.warn({ mime: page.mime }, 'scanner delivered a page the kiosk cannot read');
        for (const p of pages) wipePage(p);
        return problem('materials.scanError.failed');
      }
      pages.push(await capture(work, page.bytes, source));
    }
    deps.log.info(
      { material: m.id, source, pages: pages.length, flagged: pages.filter((p) => p.quality !== 'ok').length },
      'pages scanned',
    );
    addPages(work, m, pages, replace);
  };

  const photo = async (work: MaterialsWork, m: FormMaterial, base64: string, replace?: string) => {
    const image = new Uint8Array(Buffer.from(base64, 'base64'));
    if (!(await isDecodableImage(image))) {
      image.fill(0);
      work.problem = { materialId: m.id, messageKey: 'materials.camera.failed' };
      return;
    }
    const page = await capture(work, image, 'camera');
    deps.log.info({ material: m.id, source: 'camera', quality: page.quality }, 'page photographed');
    addPages(work, m, [page], replace);
  };

  const useLicence = async (ctx: StepContext, work: MaterialsWork, m: FormMaterial, licenceId: string) => {
    const licence = (ctx.data.get(APPLY_LICENCES) ?? []).find((l) => l.id === licenceId && m.licenceTypes.includes(l.type));
    if (!licence) return void (work.problem = { materialId: m.id, messageKey: 'materials.licence.unavailable' });
    const authorised = ctx.data.get(APPLY_AUTHORISED) ?? [];
    let authorisedAt = authorised.find((a) => a.licenceId === licenceId)?.authorisedAt;
    if (!authorisedAt) {
      const port = deps.apply();
      const applicant = deps.applicant();
      if (!port || !applicant) return void (work.problem = { materialId: m.id, messageKey: 'materials.licence.unavailable' });
      try {
        // the platform records the authorisation as it releases the licence; the values are not needed here
        await port.licenceValues(licence.id, applicant, ctx.signal);
      } catch (e) {
        deps.log.warn({ material: m.id, err: (e as Error).message }, 'licence not released');
        return void (work.problem = { materialId: m.id, messageKey: 'materials.licence.unavailable' });
      }
      authorisedAt = deps.now().toISOString();
      ctx.data.set(APPLY_AUTHORISED, [...authorised, { licenceId, authorisedAt }]);
      deps.audit.append('apply.licenceAuthorised', {
        matterId: ctx.matter?.id ?? null,
        licenceType: licence.type,
        licenceId,
        materialId: m.id,
      });
    }
    setEntry(work, m.id, { kind: 'licence', licenceId, authorisedAt });
    work.problem = null;
  };

  const finish = async (ctx: StepContext, work: MaterialsWork): Promise<StepOutcome> => {
    const materials = ctx.data.require(APPLY_FORM).materials;
    const missing = firstUnsettled(materials, work);
    if (missing) {
      work.current = missing.index;
      work.problem = { materialId: materials[missing.index]!.id, messageKey: missing.messageKey };
      return show(ctx, work);
    }
    ctx.update({ step: 'working', messageKey: 'materials.assembling' });
    const choices = await materialChoices(materials, work, (pages) => materialPdf(pages));
    for (const c of ctx.data.get(APPLY_MATERIALS) ?? []) if (c.kind === 'scan') c.pdf.fill(0);
    ctx.data.set(APPLY_MATERIALS, choices);
    work.problem = null;
    return doneEditing(ctx);
  };

  return {
    name: 'applyMaterials',
    timeoutMs: 4 * 60_000,
    answer: MaterialsAnswer,
    async enter(ctx) {
      const materials = ctx.data.require(APPLY_FORM).materials;
      const authorised = ctx.data.get(APPLY_AUTHORISED) ?? [];
      let work = ctx.data.get(MATERIALS_WORK);
      if (!work) {
        ctx.data.set(MATERIALS_WORK, (work = newWork()));
        // a licence the resident ticked on the licences screen stands in for its materials from the start
        const licences = ctx.data.get(APPLY_LICENCES) ?? [];
        for (const m of materials) {
          const a = authorised.find((x) => licences.some((l) => l.id === x.licenceId && m.licenceTypes.includes(l.type)));
          if (a) setEntry(work, m.id, { kind: 'licence', licenceId: a.licenceId, authorisedAt: a.authorisedAt });
        }
      }
      // a licence withdrawn since (the review's 修改 on the licences screen) no longer stands for anything
      for (const m of materials) {
        const e = entryOf(work, m.id);
        if (e.kind === 'licence' && !authorised.some((a) => a.licenceId === e.licenceId)) setEntry(work, m.id, { kind: 'none' });
      }
      work.problem = null;
      const rejected = ctx.data.get(APPLY_REJECTED);
      const returned = rejected ? materials.findIndex((m) => `materials.${m.id}` === rejected.field) : -1;
      if (rejected && returned >= 0) {
        ctx.data.delete(APPLY_REJECTED);
        work.current = returned;
        work.problem = {
          materialId: materials[returned]!.id,
          messageKey: 'materials.problem.platform',
          params: { message: rejected.message },
        };
      }
      // a matter that asks for no material goes straight on
      if (materials.length === 0) return finish(ctx, work);
      return show(ctx, work);
    },
    async onAnswer(ctx, a) {
      const work = ctx.data.require(MATERIALS_WORK);
      const materials = ctx.data.require(APPLY_FORM).materials;
      if (a.action === 'done') return finish(ctx, work);
      if (a.action === 'show') {
        work.current = Math.min(a.index, materials.length - 1);
        work.problem = null;
        return show(ctx, work);
      }
      const m = materials.find((x) => x.id === a.materialId);
      if (!m) return show(ctx, work);
      work.current = materials.indexOf(m);
      work.problem = null;
      ctx.update(await viewOf(ctx, work)); // the screen stays on the material while the core works
      const pages = (() => {
        const e = entryOf(work, m.id);
        return e.kind === 'pages' ? e.pages : [];
      })();
      switch (a.action) {
        case 'useLicence':
          await useLicence(ctx, work, m, a.licenceId);
          break;
        case 'scan':
          if (m.sources.includes(a.source)) await scan(ctx, work, m, a.source, a.replacePageId);
          break;
        case 'photo':
          if (m.sources.includes('camera') && deps.camera()) await photo(work, m, a.jpegBase64, a.replacePageId);
          break;
        case 'rotate': {
          const p = pages.find((x) => x.id === a.pageId);
          if (p) {
            p.rotation = nextRotation(p.rotation);
            const old = p.preview;
            p.preview = await previewJpeg(p.image, p.rotation);
            old.fill(0);
          }
          break;
        }
        case 'delete': {
          const kept = pages.filter((x) => x.id !== a.pageId);
          setEntry(work, m.id, kept.length ? { kind: 'pages', pages: kept } : { kind: 'none' });
          const flagged = kept.findIndex((p) => p.quality !== 'ok');
          if (flagged >= 0)
            work.problem = { materialId: m.id, messageKey: `materials.page.${kept[flagged]!.quality}`, params: { page: flagged + 1 } };
          break;
        }
        case 'defer':
          if (m.deferrable) setEntry(work, m.id, { kind: 'deferred' });
          else work.problem = { materialId: m.id, messageKey: 'materials.problem.notDeferrable' };
          break;
        case 'clear':
          setEntry(work, m.id, { kind: 'none' });
          break;
      }
      return show(ctx, work);
    },
  };
}

/** The page's preview for the screen (JPEG), or null when the run has no such page. */
export function pagePreview(work: MaterialsWork | undefined, materialId: string, pageId: string): Uint8Array | null {
  const e = work?.entries[materialId];
  return e?.kind === 'pages' ? (e.pages.find((p) => p.id === pageId)?.preview ?? null) : null;
}
