import type { CommandBody } from './protocol.js';

/** What the agent reads from the terminal it reports on. The kiosk and the simulator each provide one. */
export interface FleetHostSnapshot {
  version: string;
  catalogVersion: number;
  outboxDepth: number;
  /** 0 until the payment journal exists (its provider plugs in here). */
  unfinishedPayments: number;
  /** A resident's session is running: commands wait for it to end. */
  inSession: boolean;
  locked: boolean;
  devices: Record<string, { kind: string; status: string; media: string[] }>;
}

export type CommandOutcome = { ok: true; detail: string } | { ok: false; code: CommandFailure; detail: string };
export const commandFailures = [
  'syncFailed',
  'uploadFailed',
  'downloadFailed',
  'hashMismatch',
  'badReleaseSignature',
  'installFailed',
  'noPreviousVersion',
  'updateInProgress',
  'unavailable',
] as const;
export type CommandFailure = (typeof commandFailures)[number];

export interface FleetHost {
  snapshot(): FleetHostSnapshot;
  /** Called whenever something in the snapshot may have changed. */
  onChange(listener: () => void): () => void;
  onSessionEnd(listener: () => void): () => void;
  diskFreeBytes(): Promise<number | null>;
  /** Runs one verified command (outside any resident session). */
  execute(body: CommandBody): Promise<CommandOutcome>;
}
