/** Exit code by which a runtime asks the launcher (main/start.ts) to start it again. */
export const RESTART_EXIT_CODE = 75;
/** Exit code for a configuration that failed validation. */
export const CONFIG_EXIT_CODE = 2;
