// The store's refusals in one place, each with its dedicated code (and so its exit code, core/errors.ts).
import { KorrigoError } from '../errors';
import { refusalNote } from '../review/refusal-codes';

export function databaseTooNewError(path: string, version: number, known: number): KorrigoError {
  return new KorrigoError(
    'db-too-new',
    `${path}: the station database is at schema version ${version}, newer than this station knows (${known})`,
    { hint: 'update Korrigo Scan Station; an older station never writes to a newer database' },
  );
}

export function databaseForeignError(path: string, detail: string): KorrigoError {
  return new KorrigoError('file-unreadable', `${path}: not a database of this station: ${detail}`, {
    hint: 'give another --db file, or move this one away',
  });
}

export function databaseMissingError(path: string): KorrigoError {
  return new KorrigoError('file-not-found', `${path}: no station database here`, {
    hint: 'nothing was imported with this database yet: process scans with --db first, or check the path',
  });
}

/** SQLite gave up waiting for another connection's write lock (after the store's busy timeout). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** `path` is unknown where the failure surfaces far from the store that raised it. */
export function databaseBusyError(path: string | undefined, cause: unknown): KorrigoError {
  return new KorrigoError(
    'busy',
    `${path ? `${path}: ` : ''}the station database is locked by another process writing to it`,
    { hint: 'try again once the other station process (app, watch, process) is done', cause },
  );
}

export function batchBusyError(batchId: string, outDir: string, owner: string, since: string): KorrigoError {
  return new KorrigoError(
    'busy',
    `batch ${batchId} is already being exported to ${outDir} by process ${owner} (since ${since})`,
    { hint: 'wait for it to finish, or stop that process' },
  );
}

export function batchNotFoundError(path: string, batchId: string): KorrigoError {
  return new KorrigoError('batch-not-found', `no batch ${batchId} in ${path}`, {
    hint: 'korrigo-station batches lists the batches of a database',
  });
}

export function decisionRefusedError(
  batchId: string,
  problem: string,
  code: 'decision-invalid' | 'copy-not-found' = 'decision-invalid',
): KorrigoError {
  return new KorrigoError(code, `batch ${batchId}: decision refused: ${problem}`, {
    note: refusalNote(problem),
  });
}
