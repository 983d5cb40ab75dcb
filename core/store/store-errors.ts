// The store's refusals in one place, so their codes can move to dedicated ones without touching callers.
import { KorrigoError } from '../errors';

export function databaseTooNewError(path: string, version: number, known: number): KorrigoError {
  return new KorrigoError(
    'file-unreadable',
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

export function batchNotFoundError(path: string, batchId: string): KorrigoError {
  return new KorrigoError('bad-arguments', `no batch ${batchId} in ${path}`, {
    hint: 'korrigo-station batches lists the batches of a database',
  });
}

export function decisionRefusedError(batchId: string, problem: string): KorrigoError {
  return new KorrigoError('bad-arguments', `batch ${batchId}: decision refused: ${problem}`);
}
