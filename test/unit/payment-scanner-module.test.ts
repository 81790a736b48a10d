import { describe, expect, it } from 'vitest';
import { paymentScannerDriver } from '../../devices/payment-scanner/scanner-module.js';
import { builtInDrivers } from '../../main/core/devices/drivers.js';

describe('payment-scanner driver module', () => {
  it('is registered for config files, with defaults and trigger commands in hex', () => {
    expect(builtInDrivers().get('payment-scanner')?.kind).toBe('paymentScanner');
    expect(paymentScannerDriver.options.parse({})).toEqual({ interByteTimeoutMs: 80 });
    const o = paymentScannerDriver.options.parse({ triggerOn: '16 54 0D', triggerOff: '16 55 0d' });
    expect([...o.triggerOn!]).toEqual([0x16, 0x54, 0x0d]);
    expect([...o.triggerOff!]).toEqual([0x16, 0x55, 0x0d]);
  });

  it('refuses unknown options and malformed trigger bytes', () => {
    expect(paymentScannerDriver.options.safeParse({ keyboardWedge: true }).success).toBe(false);
    expect(paymentScannerDriver.options.safeParse({ triggerOn: '16540D' }).success).toBe(false);
    expect(paymentScannerDriver.transports).not.toContain('pcsc');
  });
});
