import { deviceError, type DeviceError } from '../core/errors.js';
import type { DecodeError, SamStatus } from './codec.js';

/** Maps a SAM status to the typed device error and the message a resident sees. Pure, tested. */
export function errorForStatus(status: SamStatus, sw3: number, during: string): DeviceError {
  const detail = `${during}: SAM status ${sw3.toString(16).padStart(2, '0').toUpperCase()} (${status})`;
  switch (status) {
    case 'noCard':
      return deviceError('noMedia', detail, 'idcard.error.noCard');
    case 'selectFailed':
    case 'readFailed':
      return deviceError('userError', detail, 'idcard.error.keepStill');
    case 'cardAuthFailed':
    case 'samAuthFailed':
    case 'infoAuthFailed':
    case 'challengeFailed':
      return deviceError('userError', detail, 'idcard.error.fakeOrDamaged');
    case 'unknownCardType':
      return deviceError('userError', detail, 'idcard.error.unknownCard');
    case 'samSelfTestFailed':
    case 'samNotAuthorised':
      return deviceError('hardwareError', detail, 'idcard.error.readerFault');
    case 'checksumError':
    case 'lengthError':
    case 'commandError':
      return deviceError('invalidData', detail, 'idcard.error.retry');
    case 'notPermitted':
      return deviceError('sequenceError', detail, 'idcard.error.retry');
    default:
      return deviceError('hardwareError', detail, 'idcard.error.readerFault');
  }
}

export function errorForDecode(e: DecodeError, during: string): DeviceError {
  return deviceError('invalidData', `${during}: ${e.kind}: ${e.detail}`, 'idcard.error.retry');
}

/** Errors worth another read while the card stays on the reader (a moved card, line noise); not fakes. */
export function isRetryable(e: DeviceError): boolean {
  return e.code === 'invalidData' || e.code === 'timeout' || e.messageKey === 'idcard.error.keepStill';
}
