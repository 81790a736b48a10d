import { pathToFileURL } from 'node:url';

/**
 * The WLT photo on a resident ID card can only be decoded by the reader vendor's licensed library. The kiosk keeps
 * the raw WLT in the session and shows a neutral placeholder unless a decoder plug-in is configured
 * (`photoDecoder: /path/to/module.js` on the device). The module's default export is a `PhotoDecoderFactory`;
 * it typically binds the vendor's `libwltrs.so` / `WltRS.dll` with an FFI library (e.g. koffi) and returns a BMP.
 * See README "ID card photo decoder".
 */
export interface PhotoDecoder {
  readonly name: string;
  /** Decodes 1024 bytes of WLT into an image; throws or rejects on failure (the placeholder is shown then). */
  decode(wlt: Uint8Array): Promise<{ mimeType: 'image/bmp' | 'image/png' | 'image/jpeg'; bytes: Uint8Array }>;
}

export type PhotoDecoderFactory = () => PhotoDecoder | Promise<PhotoDecoder>;

export async function loadPhotoDecoder(modulePath: string): Promise<PhotoDecoder> {
  const mod = (await import(pathToFileURL(modulePath).href)) as { default?: PhotoDecoderFactory };
  if (typeof mod.default !== 'function') throw new Error(`${modulePath} has no default export creating a PhotoDecoder`);
  const decoder = await mod.default();
  if (typeof decoder?.decode !== 'function') throw new Error(`${modulePath} did not return a PhotoDecoder`);
  return decoder;
}
