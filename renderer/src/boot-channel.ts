import { electronChannel, webSocketChannel } from './bridge/channels.js';

/**
 * The bridge's channel, opened by main.tsx's first import: before React, the stores and the contract's schemas are
 * evaluated, so the WebSocket handshake runs while they are. Nothing is lost by opening early: the connection's
 * events are tasks, and main.tsx attaches its listeners in this same task, before any of them can run.
 */
export const channel = window.kioskBridge ? electronChannel(window.kioskBridge) : webSocketChannel(window.location);
