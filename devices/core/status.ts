import { z } from 'zod';

/** One status model for every device family (docs/architecture.md, "Devices"). */
export const deviceStates = ['online', 'offline', 'busy', 'hardwareError', 'userError'] as const;
export type DeviceState = (typeof deviceStates)[number];

/** Media and consumable conditions a device can report alongside its state. */
export const mediaConditions = ['cardPresent', 'paperLow', 'paperOut', 'paperJam', 'coverOpen', 'tonerLow', 'feederEmpty'] as const;
export type MediaCondition = (typeof mediaConditions)[number];

export const DeviceStatusSchema = z.object({
  deviceId: z.string(),
  kind: z.string(),
  state: z.enum(deviceStates),
  media: z.array(z.enum(mediaConditions)),
  /** Why the device is not online, as an i18n key, for technicians and residents. */
  reasonKey: z.string().nullable(),
  /** Technical detail for technicians (no personal data). */
  detail: z.string().nullable(),
  since: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const SelfTestResultSchema = z.object({
  deviceId: z.string(),
  passed: z.boolean(),
  steps: z.array(
    z.object({
      name: z.string(),
      passed: z.boolean(),
      detail: z.string(),
      durationMs: z.number(),
      /** An image the technician should see, as a data: URL (a scanner's test scan); never logged or audited. */
      preview: z.string().max(400_000).optional(),
    }),
  ),
});
export type SelfTestResult = z.infer<typeof SelfTestResultSchema>;
