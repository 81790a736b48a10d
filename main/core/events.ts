import { z } from 'zod';
import { DeviceStatusSchema } from '../../devices/core/status.js';
import { FlowStateSchema } from './flows/views.js';
import { FleetDisplaySchema } from './fleet/display.js';

/**
 * What the core tells whoever listens (the UI through the bridge, later the fleet agent): each event with its
 * runtime schema. Defined here, in the core; the bridge contract carries exactly these and imports them.
 */

export const SessionSnapshotSchema = z.object({
  phase: z.enum(['idle', 'active', 'countdown']),
  mode: z.enum(['resident', 'maintenance']),
  sessionId: z.string().nullable(),
  startedAt: z.string().nullable(),
  countdownEndsAt: z.string().nullable(),
  countdownSeconds: z.number(),
  elderly: z.boolean(),
  language: z.string(),
});

export const IdentitySnapshotSchema = z.object({
  state: z.enum(['waiting', 'reading', 'read', 'rejected', 'removed', 'error']),
  person: z
    .object({
      cardType: z.enum(['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023', 'socialSecurity']),
      name: z.string().nullable(),
      englishName: z.string().nullable(),
      maskedIdNumber: z.string().nullable(),
      gender: z.enum(['male', 'female', 'unknown', 'unspecified']).nullable(),
      age: z.number().nullable(),
      validTo: z.string().nullable(),
      photo: z.string().nullable(),
    })
    .nullable(),
  messageKey: z.string().nullable(),
  cardOnReader: z.boolean(),
  readerAvailable: z.boolean(),
  socialSecurityAvailable: z.boolean(),
});

export const CatalogStatusSchema = z.object({
  configured: z.boolean(),
  version: z.number(),
  matterCount: z.number(),
  updatedAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastResult: z.enum(['never', 'ok', 'failed']),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  syncing: z.boolean(),
  pendingChanges: z.number(),
});

export const coreEvents = {
  'session.changed': SessionSnapshotSchema,
  'session.ended': z.object({ reason: z.enum(['completed', 'canceled', 'timeout', 'maintenance', 'shutdown']) }),
  'device.status': DeviceStatusSchema,
  'identity.changed': IdentitySnapshotSchema,
  'catalog.status': CatalogStatusSchema,
  /** The running flow changed (null: no flow runs any more). */
  'flow.state': FlowStateSchema.nullable(),
  /** The fleet locked or unlocked the terminal, or set the attract screen's notice. */
  'fleet.display': FleetDisplaySchema,
} as const;

export type CoreEventName = keyof typeof coreEvents;
export type CoreEventPayload<E extends CoreEventName> = z.output<(typeof coreEvents)[E]>;
/** One event as the core emits it. */
export type CoreEvent = { [E in CoreEventName]: { kind: 'event'; name: E; payload: CoreEventPayload<E> } }[CoreEventName];
