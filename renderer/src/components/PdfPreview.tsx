import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

/** pdf.js (~430 KB) is fetched only when a preview is first shown, not with the attract screen. */
async function loadPdfJs() {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}

/**
 * The document drawn by pdf.js into the kiosk's own canvas (no browser PDF viewer, no download): page turning by
 * buttons or a swipe, zoom by buttons.
 */
export function PdfPreview({ base64 }: { base64: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [failed, setFailed] = useState(false);
  const swipeFrom = useRef<number | null>(null);

  useEffect(() => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    let task: { destroy(): Promise<void> } | null = null;
    let cancelled = false;
    loadPdfJs().then(
      ({ getDocument }) => {
        if (cancelled) return;
        // glyphs drawn as paths (no @font-face: the kiosk's CSP allows fonts only from itself); no extra downloads
        const loading = getDocument({
          data,
          disableFontFace: true,
          useSystemFonts: false,
          useWasm: false,
          isOffscreenCanvasSupported: false,
        });
        task = loading;
        loading.promise.then(setDoc, () => setFailed(true));
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [base64]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let render: { cancel(): void } | null = null;
    void doc.getPage(page).then((p) => {
      if (cancelled || !canvas.current) return;
      const viewport = p.getViewport({ scale: 1.1 * zoom });
      const c = canvas.current;
      c.width = viewport.width;
      c.height = viewport.height;
      const task = p.render({ canvas: c, viewport });
      render = task;
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, zoom]);

  if (failed) return <p role="alert">{t('proof.previewFailed')}</p>;
  const pages = doc?.numPages ?? 0;
  return (
    <div className="pdf-preview" data-testid="pdf-preview" data-page={page} data-pages={pages}>
      <div
        className="pdf-canvas-box"
        onPointerDown={(e) => (swipeFrom.current = e.clientX)}
        onPointerUp={(e) => {
          const from = swipeFrom.current;
          swipeFrom.current = null;
          if (from === null || Math.abs(e.clientX - from) < 60) return;
          setPage((p) => Math.min(pages, Math.max(1, p + (e.clientX < from ? 1 : -1))));
        }}
      >
        <canvas ref={canvas} data-testid="pdf-canvas" aria-label={t('proof.previewLabel', { page, pages })} role="img" />
      </div>
      <div className="pdf-controls">
        <Button data-testid="pdf-prev" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('catalog.prev')}
        </Button>
        <span>{t('catalog.page', { page, pages })}</span>
        <Button data-testid="pdf-next" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('catalog.next')}
        </Button>
        <Button data-testid="pdf-zoom-out" disabled={zoom <= 0.75} onClick={() => setZoom(zoom - 0.25)}>
          {t('proof.zoomOut')}
        </Button>
        <Button data-testid="pdf-zoom-in" disabled={zoom >= 2} onClick={() => setZoom(zoom + 0.25)}>
          {t('proof.zoomIn')}
        </Button>
      </div>
    </div>
  );
}
