import sharp from 'sharp';

/** Quarter turns clockwise the resident asked for (rotate button). */
export type Rotation = 0 | 90 | 180 | 270;

export const nextRotation = (r: Rotation): Rotation => ((r + 90) % 360) as Rotation;

/** Is this a still image the kiosk can decode (JPEG, PNG)? Anything else is refused before it reaches run data. */
export async function isDecodableImage(bytes: Uint8Array): Promise<boolean> {
  try {
    const m = await sharp(bytes).metadata();
    return (m.format === 'jpeg' || m.format === 'png') && (m.width ?? 0) > 0 && (m.height ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * The page as it goes into the material's PDF: turned as the resident asked (and as the camera's EXIF says),
 * JPEG, at most `maxPx` on its long side (300 dpi A4 is 3508 px).
 */
export async function pageJpeg(
  image: Uint8Array,
  rotation: Rotation,
  maxPx = 3508,
  quality = 85,
): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  // a scanner's or the screen's JPEG that needs no turn and no shrinking goes in as it is (no second compression)
  const m = await sharp(image).metadata();
  if (rotation === 0 && m.format === 'jpeg' && (m.orientation ?? 1) === 1 && m.space !== 'cmyk' && Math.max(m.width, m.height) <= maxPx)
    return { jpeg: image, width: m.width, height: m.height };
  const { data, info } = await sharp(image)
    .rotate()
    .rotate(rotation)
    .resize(maxPx, maxPx, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** Long side of a page preview: readable on the kiosk's screen (a 1080-pixel-high page area) and small on the bridge. */
export const PREVIEW_PX = 1000;

/** The preview the screen shows for a page (turned as it will be sent): JPEG, well under the bridge's message cap. */
export async function previewJpeg(image: Uint8Array, rotation: Rotation): Promise<Uint8Array> {
  const { jpeg } = await pageJpeg(image, rotation, PREVIEW_PX, 70);
  // its own bytes even when the page is small enough already: the two are zeroed separately
  return jpeg === image ? image.slice() : jpeg;
}
