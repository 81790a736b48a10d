import { z } from 'zod';
import type { DocumentPrinter } from '../../../../devices/printer/index.js';
import type { DocumentScanner } from '../../../../devices/scanner/index.js';
import type { StepHandler } from '../types.js';
import { APPLY_FORM, APPLY_LICENCES, paperMaterials } from './apply-data.js';
import { fail, next } from './outcomes.js';

/** The document scanner's condition: null when ready, else the i18n key of why not (`scanner.error.*`). */
export type ScannerCheck = (signal: AbortSignal) => Promise<{ ready: true } | { ready: false; reasonKey: string | null }>;

/**
 * Before the resident fills anything: the scanner, only when paper remains (not ready and a required material can
 * neither wait nor be photographed with the document camera → stop here, nothing done yet; otherwise say what to do
 * instead and go on), and the
 * A4 printer for the 受理回执 (not ready → the case number will be on screen and in the progress query instead).
 * Everything ready: straight on.
 */
export function applyReadinessStep(deps: {
  printer: () => DocumentPrinter | null;
  scanner: ScannerCheck | null;
  /** A document camera is configured (the screen takes photos with it). */
  camera: () => boolean;
}): StepHandler<{ continue: true }> {
  return {
    name: 'applyReadiness',
    timeoutMs: 20_000,
    // it passes straight on when all is ready: "back" must not land here and bounce forward again
    returnable: false,
    answer: z.object({ continue: z.literal(true) }).strict(),
    async enter(ctx) {
      const paper = paperMaterials(ctx.data.require(APPLY_FORM), ctx.data.require(APPLY_LICENCES));
      const notices: { messageKey: string; reasonKey: string | null }[] = [];
      if (paper.length > 0) {
        const s = deps.scanner ? await deps.scanner(ctx.signal) : { ready: false as const, reasonKey: null };
        if (!s.ready) {
          const mustNow = paper.filter((m) => m.required && !m.deferrable);
          // the document camera (高拍仪) takes what the scanner cannot, where the material allows a photo
          if (mustNow.length > 0 && deps.camera() && mustNow.every((m) => m.sources.includes('camera')))
            notices.push({ messageKey: 'apply.readiness.scannerUseCamera', reasonKey: s.reasonKey });
          else if (mustNow.length > 0)
            return fail({
              messageKey: 'apply.readiness.scannerNeeded',
              params: { reasonKey: s.reasonKey ?? '' },
              actions: ['retry', 'home'],
            });
          else notices.push({ messageKey: 'apply.readiness.scannerBringLater', reasonKey: s.reasonKey });
        }
      }
      const printer = deps.printer();
      const p = printer ? await printer.readiness(ctx.signal) : null;
      if (!p?.ok) notices.push({ messageKey: 'apply.readiness.noReceipt', reasonKey: p && !p.ok ? p.error.messageKey : null });
      if (notices.length === 0) return next();
      return { kind: 'wait', view: { step: 'applyReadiness', notices } };
    },
    onAnswer: async () => next(),
  };
}

/** A document scanner's readiness in the terms above: ready when it answers and is neither stopped nor down. */
export async function scannerReady(
  scanner: DocumentScanner | null,
  signal: AbortSignal,
): Promise<{ ready: true } | { ready: false; reasonKey: string | null }> {
  if (!scanner) return { ready: false, reasonKey: null };
  const r = await scanner.snapshot(signal);
  if (!r.ok) return { ready: false, reasonKey: r.error.messageKey ?? null };
  if (r.value.state === 'down' || r.value.state === 'stopped') return { ready: false, reasonKey: null };
  return { ready: true };
}
