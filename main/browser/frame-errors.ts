/** Why the bridge dropped a client's WebSocket connection at the frame level (logged, never thrown). */
export type BridgeFrameRejection =
  | 'messageTooLarge' // over the bridge's message size limit, or a length header no real message could have
  | 'badUtf8' // a text frame that is not UTF-8
  | 'protocolError'; // unmasked, reserved bits, unknown opcode, fragmented control frame, ...

/** Largest bridge message the kiosk accepts (a request is a few hundred bytes; a photo goes core → UI, not back). */
export const maxBridgeMessageBytes = 256 * 1024;

/**
 * Classifies an error that `ws` reports for a bad frame. `ws` has already sent the close frame with the
 * matching status (1009 too large, 1007 bad UTF-8, 1002 protocol error) by the time this is called.
 */
export function classifyFrameError(err: Error & { code?: string }): { reason: BridgeFrameRejection; wsCode: string } {
  const wsCode = err.code ?? 'unknown';
  if (wsCode === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' || wsCode === 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH')
    return { reason: 'messageTooLarge', wsCode };
  if (wsCode === 'WS_ERR_INVALID_UTF8') return { reason: 'badUtf8', wsCode };
  return { reason: 'protocolError', wsCode };
}
