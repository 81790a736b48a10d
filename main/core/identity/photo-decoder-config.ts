import { loadPhotoDecoder, photoDecoderPathOf, type PhotoDecoder } from '../../../devices/id-card/index.js';
import type { KioskConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';

/** Loads the vendor photo decoder named by an ID card reader's config; on failure logs why and shows placeholders. */
export async function photoDecoderFromConfig(config: KioskConfig, log: Logger): Promise<PhotoDecoder | null> {
  const reader = config.devices.find((d) => d.kind === 'idCardReader' && d.enabled && photoDecoderPathOf(d.options));
  const path = reader && photoDecoderPathOf(reader.options);
  if (!path) return null;
  try {
    const decoder = await loadPhotoDecoder(path);
    log.info({ decoder: decoder.name }, 'ID photo decoder loaded');
    return decoder;
  } catch (e) {
    log.error({ path, err: (e as Error).message }, 'ID photo decoder could not be loaded; photos show a placeholder');
    return null;
  }
}
