import { z } from 'zod';

/** The closed set of device error codes (docs/conventions.md §6). */
export const deviceErrorCodes = [
  'canceled',
  'timeout',
  'deviceNotReady',
  'disconnected',
  'hardwareError',
  'invalidData',
  'sequenceError',
  'userError',
  'unsupported',
  'noMedia',
  'mediaJam',
  'authRequired',
] as const;
export type DeviceErrorCode = (typeof deviceErrorCodes)[number];

export const DeviceErrorSchema = z.object({
  code: z.enum(deviceErrorCodes),
  /** Technical detail for logs and technicians; never shown to residents, never carries personal data. */
  detail: z.string(),
  /** i18n key of the message a resident sees. */
  messageKey: z.string(),
});
export type DeviceError = z.infer<typeof DeviceErrorSchema>;

const defaultMessageKeys: Record<DeviceErrorCode, string> = {
  canceled: 'device.error.canceled',
  timeout: 'device.error.timeout',
  deviceNotReady: 'device.error.notReady',
  disconnected: 'device.error.disconnected',
  hardwareError: 'device.error.hardware',
  invalidData: 'device.error.invalidData',
  sequenceError: 'device.error.sequence',
  userError: 'device.error.user',
  unsupported: 'device.error.unsupported',
  noMedia: 'device.error.noMedia',
  mediaJam: 'device.error.mediaJam',
  authRequired: 'device.error.authRequired',
};

export function deviceError(code: DeviceErrorCode, detail: string, messageKey?: string): DeviceError {
  return { code, detail, messageKey: messageKey ?? defaultMessageKeys[code] };
}
