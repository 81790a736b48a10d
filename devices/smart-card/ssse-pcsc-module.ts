import { z } from 'zod';
import { defineDriver } from '../core/driver-module.js';
import { PcscTransport } from '../core/transports/pcsc.js';
import { SocialSecurityCardReader } from './driver.js';

/** `driver: ssse-pcsc` — social security cards (社会保障卡) in a PC/SC reader served by pcscd. */
export const ssePcscDriver = defineDriver({
  name: 'ssse-pcsc',
  kind: 'smartCardReader',
  summary: 'social security card over PC/SC (pcscd), contact slot',
  transports: ['pcsc'],
  options: z.strictObject({
    /** The whole read of one card (select, EF05, EF06). */
    readTimeoutMs: z.number().int().min(500).max(60_000).default(6000),
  }),
  create: ({ id, transport, options }) => {
    if (transport.type !== 'pcsc') throw new Error(`device "${id}": driver ssse-pcsc needs a pcsc transport`);
    return new SocialSecurityCardReader({ id, transport: new PcscTransport(transport.reader), readTimeoutMs: options.readTimeoutMs });
  },
});
