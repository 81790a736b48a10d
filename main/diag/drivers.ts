import { z } from 'zod';
import { builtInDrivers } from '../core/devices/drivers.js';

/** `diag drivers`: what a config may name in `devices[].driver`, with each driver's options as JSON Schema. */
export function driverList(): { name: string; kind: string; summary: string; transports: readonly string[]; options: unknown }[] {
  return builtInDrivers()
    .list()
    .map((m) => ({
      name: m.name,
      kind: m.kind,
      summary: m.summary,
      transports: m.transports,
      options: z.toJSONSchema(m.options, { io: 'input', unrepresentable: 'any' }),
    }));
}
