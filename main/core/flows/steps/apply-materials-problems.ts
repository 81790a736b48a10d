import type { DeviceError } from '../../../../devices/core/errors.js';

/**
 * A scanner's typed error as the resident reads it under the material: what happened and what to do with their own
 * hands (open the feeder and take the paper out, put the pages in, close the lid). Null for a canceled scan (the
 * resident left; nothing to say).
 */
export function scanProblemKey(error: DeviceError, source: 'platen' | 'feeder'): string | null {
  switch (error.code) {
    case 'canceled':
      return null;
    case 'mediaJam':
      return 'materials.scanError.jam';
    case 'noMedia':
      return source === 'feeder' ? 'materials.scanError.feederEmpty' : 'materials.scanError.platenEmpty';
    case 'deviceNotReady':
      return error.messageKey === 'scanner.error.coverOpen' ? 'materials.scanError.coverOpen' : 'materials.scanError.busy';
    default:
      return 'materials.scanError.failed';
  }
}

/** Why a page must be scanned again, by its check. */
export const flaggedPageKey = {
  blank: 'materials.page.blank',
  tooDark: 'materials.page.tooDark',
  tooLight: 'materials.page.tooLight',
} as const;
