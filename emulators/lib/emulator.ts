/** What every emulator exposes to the runner, the CLI and the control panel. */
export interface FaultSpec {
  name: string;
  help: string;
}

export interface ActionSpec {
  name: string;
  help: string;
  /** Allowed argument values (e.g. persona ids), shown as buttons in the control panel. */
  choices?: string[];
}

export interface EmulatorHandle {
  readonly name: string;
  /** Where the kiosk reaches it (a pty path, tcp://host:port, http URL). */
  readonly address: string;
  readonly faults: FaultSpec[];
  readonly actions: ActionSpec[];
  /** Current state for the control panel (no secrets; fictitious data only). */
  state(): Record<string, unknown>;
  setFault(name: string, on: boolean): void;
  act(action: string, arg?: string): Promise<void> | void;
  close(): Promise<void>;
}

export interface EmulatorDefinition {
  name: string;
  summary: string;
  usage: string;
  start(opts: { port?: number; argv: string[] }): Promise<EmulatorHandle>;
}
