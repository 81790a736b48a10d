import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from '../log/logger.js';

/**
 * Memory hygiene for personal data (issue 10, finding 7). JavaScript strings are immutable and cannot be zeroed,
 * so the kiosk (1) keeps card bytes in arrays it owns and zeroes them itself, (2) drops every reference to the
 * decoded identity when the session ends, then (3) runs a full garbage collection with V8 clearing the memory
 * it frees (`--clear-free-memory`), so the dead strings are overwritten instead of lingering in free heap pages.
 * What this cannot reach: copies outside V8's heap that Node frees without clearing (socket and TLS buffers in
 * the C heap), and strings still referenced by something else (a late log line, an unfinished request).
 */
let gc: (() => void) | null = null;

/** Turns the scrub on for this process (the kiosk core calls it once at start; tests of units leave it off). */
export function enableMemoryScrubbing(): void {
  if (gc) return;
  setFlagsFromString('--clear-free-memory');
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
}

/**
 * New objects are born in the young generation, whose two halves V8 swaps at each collection without clearing the
 * half it leaves: strings that died young stay readable there. Filling each half with zeros (short-lived arrays),
 * with a collection between, overwrites them.
 */
function overwriteYoungGeneration(): void {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  const bytes = young ? young.space_size : 16 * 1024 * 1024;
  for (let half = 0; half < 2; half++) {
    let keep: number[][] | null = [];
    for (let filled = 0; filled < bytes; filled += 8 * 4096) keep.push(new Array<number>(4096).fill(0));
    keep = null;
    gc?.();
  }
}

/** After the current turn (the wipe's callers drop their references first), collects and clears freed memory. */
export function scrubMemorySoon(log: Logger): void {
  if (!gc) return;
  const collect = gc;
  setImmediate(() => {
    const t0 = performance.now();
    // twice: the first full GC promotes and frees; the second clears what finalizers and weak callbacks let go
    collect();
    collect();
    overwriteYoungGeneration();
    collect();
    log.info({ ms: Math.round(performance.now() - t0) }, 'session memory scrubbed');
  });
}
