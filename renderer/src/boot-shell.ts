import { captureShellTouches } from './attract-shell/touches.js';

/**
 * The served attract shell's touches, captured by main.tsx's second import: as early as this page's script runs,
 * before React, the stores and the contract's schemas are evaluated. Null when the page came without a shell
 * (Electron, a session in progress, a locked terminal).
 */
export const shellTouches = captureShellTouches(document);
