import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code drawn as SVG in the page (no network, no image with text in it). */
export function QrCode({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (s) => live && setSvg(`data:image/svg+xml;base64,${btoa(s)}`),
      () => live && setSvg(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return svg ? <img className="qr" src={svg} width={size} height={size} alt={label} data-testid="qr" data-qr-text={text} /> : null;
}
