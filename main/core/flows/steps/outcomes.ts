import { PlatformError } from '../../platform/errors.js';
import type { FailureView, StepOutcome } from '../types.js';

export const next = (branch?: string): StepOutcome => ({ kind: 'next', branch });
export const fail = (failure: FailureView): StepOutcome => ({ kind: 'fail', failure });

/**
 * A platform error as the resident sees it: unreachable or too slow → try later or take the guide by QR; anything
 * else → the platform refused, with the hotline. `qrUrl` is only set when the message offers a QR.
 */
export function platformFailure(e: unknown, guideUrl: string | null): FailureView | null {
  if (!(e instanceof PlatformError)) return null;
  const down = e.code === 'timeout' || e.code === 'unreachable';
  if (down && guideUrl) return { messageKey: 'flow.error.platformDownQr', qrUrl: guideUrl, actions: ['retry', 'home'] };
  if (down) return { messageKey: 'flow.error.platformDown', actions: ['retry', 'home'] };
  return { messageKey: 'flow.error.platform', actions: ['retry', 'home'] };
}
