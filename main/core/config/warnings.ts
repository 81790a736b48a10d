import { isShippedDefaultPin, SHIPPED_DEFAULT_PIN } from '../maintenance/pin.js';
import type { ConfigProblem } from './issues.js';
import type { KioskConfig } from './schema.js';

/** What a valid config still does wrong on a real terminal; printed at every start and by `diag config-check`. */
export function configWarnings(config: KioskConfig): ConfigProblem[] {
  const warnings: ConfigProblem[] = [];
  if (isShippedDefaultPin(config.maintenance.pinHash))
    warnings.push({
      field: 'maintenance.pinHash',
      message:
        `this is the shipped default maintenance PIN (${SHIPPED_DEFAULT_PIN}), printed in the README: anyone can enter ` +
        'maintenance. Make a new one with: npm run -s diag -- pin-hash <PIN>',
    });
  if (config.platform?.url?.startsWith('http:'))
    warnings.push({
      field: 'platform.url',
      message: 'plain http, allowed only to this machine (an emulator); a real platform needs https',
    });
  return warnings;
}
