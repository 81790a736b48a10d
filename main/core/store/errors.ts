/** Why the store could not keep something; each code has a message key the maintenance screen shows. */
export type StoreErrorCode =
  | 'diskFull' // SQLITE_FULL: nothing was written; what was accepted before is intact
  | 'corrupt' // the file failed its integrity check and could not be rebuilt
  | 'io'; // the disk refused a read or write (SQLITE_IOERR)

export class StoreError extends Error {
  readonly messageKey: string;
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
    this.messageKey = `maintenance.store.${code}`;
  }
}

const codeOf = (e: unknown) => (e as { code?: unknown })?.code;

export const isDiskFull = (e: unknown) => codeOf(e) === 'SQLITE_FULL';

/** SQLite's own words for a damaged file (better-sqlite3 passes the extended code). */
export const isCorruption = (e: unknown) => {
  const code = codeOf(e);
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
};

/** Turns SQLite's disk errors into typed ones naming the file and what to do; anything else is rethrown as is. */
export function storeFailure(e: unknown, file: string, what: string): never {
  if (isDiskFull(e)) throw new StoreError('diskFull', `${what}: the disk holding ${file} is full; nothing was written (free space there)`);
  if (isCorruption(e)) throw new StoreError('corrupt', `${what}: ${file} is damaged (${codeOf(e) as string}); restart to rebuild it`);
  if (typeof codeOf(e) === 'string' && (codeOf(e) as string).startsWith('SQLITE_IOERR'))
    throw new StoreError('io', `${what}: the disk refused to write ${file} (${codeOf(e) as string})`);
  throw e;
}
