import { deviceError, type DeviceError } from '../core/errors.js';
import { err, ok, type Result } from '../core/result.js';
import { getResponse, parseResponse, readRecord, selectByName, selectEf, selectMf, SSSE_AID, type ResponseApdu } from './apdu.js';
import { applyRecord, ef05Tags, ef06Tags, emptyCard, recordValue, type SocialSecurityCard } from './records.js';

export type Transmit = (apdu: Uint8Array) => Promise<Result<Uint8Array, DeviceError>>;

/**
 * Where a province-certified PSAM/HSM module plugs in: third-generation cards refuse EF06 until the terminal
 * authenticates with it. None ships with the kiosk; `authenticate` runs after EF06 is selected.
 */
export interface PsamAuthenticator {
  readonly name: string;
  authenticate(transmit: Transmit, card: SocialSecurityCard): Promise<Result<void, DeviceError>>;
}

export type SocialSecurityRead =
  | { kind: 'complete'; card: SocialSecurityCard }
  /** EF06 (holder data) needs PSAM authentication this terminal cannot do: what was read, and why the rest is missing. */
  | { kind: 'authRequired'; card: SocialSecurityCard; detail: string };

/** One exchange with ISO 7816 T=0 conventions: 61xx → GET RESPONSE, 6Cxx → repeat with the right Le. */
async function exchange(transmit: Transmit, command: Uint8Array): Promise<Result<ResponseApdu, DeviceError>> {
  let cmd = command;
  let collected = new Uint8Array(0);
  for (let round = 0; round < 8; round++) {
    const raw = await transmit(cmd);
    if (!raw.ok) return raw;
    const r = parseResponse(raw.value);
    raw.value.fill(0); // card bytes are the holder's data: parsed into a copy, the reader's reply is zeroed
    if (!r.ok) return err(deviceError('invalidData', r.error.detail, 'smartcard.error.retry'));
    if (r.value.sw1 === 0x6c) {
      cmd = Uint8Array.from([...cmd.slice(0, cmd.length - 1), r.value.sw2]);
      continue;
    }
    const merged = new Uint8Array(collected.length + r.value.data.length);
    merged.set(collected);
    merged.set(r.value.data, collected.length);
    collected.fill(0);
    r.value.data.fill(0);
    collected = merged;
    if (r.value.sw1 === 0x61) {
      cmd = getResponse(r.value.sw2);
      continue;
    }
    return ok({ ...r.value, data: collected });
  }
  return err(deviceError('sequenceError', 'too many 61xx/6Cxx rounds', 'smartcard.error.retry'));
}

const fail = (step: string, sw: string) => err(deviceError('invalidData', `${step}: status ${sw}`, 'smartcard.error.retry'));

/** Reads the social security card: SELECT SSSE (fallback MF/EF05), EF05 records, EF06 records. */
export async function readSocialSecurityCard(
  transmit: Transmit,
  psam?: PsamAuthenticator,
): Promise<Result<SocialSecurityRead, DeviceError>> {
  let card = emptyCard();
  const app = await exchange(transmit, selectByName(SSSE_AID));
  if (!app.ok) return app;
  if (app.value.sw === '6A82') {
    const mf = await exchange(transmit, selectMf());
    if (!mf.ok) return mf;
    if (mf.value.sw !== '9000') return fail('select MF', mf.value.sw);
  } else if (app.value.sw !== '9000') return fail('select SSSE', app.value.sw);

  const ef05 = await exchange(transmit, selectEf(0xef05));
  if (!ef05.ok) return ef05;
  if (ef05.value.sw !== '9000') return fail('select EF05', ef05.value.sw);
  for (const tag of ef05Tags) {
    const r = await exchange(transmit, readRecord(tag));
    if (!r.ok) return r;
    if (r.value.sw === '9000') card = applyRecord(card, tag, recordValue(tag, r.value.data));
    r.value.data.fill(0);
  }

  const ef06 = await exchange(transmit, selectEf(0xef06));
  if (!ef06.ok) return ef06;
  const refused = (sw: string) => sw === '6982' || sw === '6985' || sw === '6983';
  if (refused(ef06.value.sw)) return ok({ kind: 'authRequired', card, detail: `select EF06: ${ef06.value.sw}` });
  if (ef06.value.sw !== '9000') return fail('select EF06', ef06.value.sw);
  if (psam) {
    const auth = await psam.authenticate(transmit, card);
    if (!auth.ok) return auth;
  }
  for (const tag of ef06Tags) {
    const r = await exchange(transmit, readRecord(tag));
    if (!r.ok) return r;
    if (refused(r.value.sw)) return ok({ kind: 'authRequired', card, detail: `read EF06 record ${tag}: ${r.value.sw}` });
    if (r.value.sw === '9000') card = applyRecord(card, tag, recordValue(tag, r.value.data));
    r.value.data.fill(0);
  }
  return ok({ kind: 'complete', card });
}
