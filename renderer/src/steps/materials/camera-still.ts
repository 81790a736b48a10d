/**
 * A document-camera still must travel to the core in one bridge message (256 KiB, base64 inside JSON). This picks
 * the largest size and best quality whose JPEG fits `budgetChars` of base64: documents stay readable, and a photo
 * that cannot fit even small is refused rather than cut.
 */
export const PHOTO_BUDGET_CHARS = 230_000;
const LONG_SIDES = [2400, 2000, 1600, 1280, 1024];
const QUALITIES = [0.85, 0.72, 0.6];

export function fitStill(
  source: { width: number; height: number },
  encode: (width: number, height: number, quality: number) => string,
  budgetChars = PHOTO_BUDGET_CHARS,
): { base64: string; width: number; height: number } | null {
  const long = Math.max(source.width, source.height);
  for (const side of LONG_SIDES) {
    const scale = Math.min(1, side / long);
    const width = Math.round(source.width * scale);
    const height = Math.round(source.height * scale);
    for (const q of QUALITIES) {
      const base64 = encode(width, height, q);
      if (base64.length <= budgetChars) return { base64, width, height };
    }
  }
  return null;
}

/** Picks the document camera among the video inputs by (part of) its label; without a label, the first camera. */
export function pickCamera(devices: readonly { deviceId: string; kind: string; label: string }[], label: string | null): string | null {
  const cameras = devices.filter((d) => d.kind === 'videoinput');
  if (!label) return cameras[0]?.deviceId ?? null;
  return cameras.find((d) => d.label.toLowerCase().includes(label.toLowerCase()))?.deviceId ?? null;
}
