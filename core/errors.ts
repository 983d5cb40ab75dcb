// Every failure the operator can cause or fix is a KorrigoError: a stable `code` the UI translates,
// an English `message` for logs naming the file and the problem, and the CLI exit code.

import type { ReviewNote } from './manifest';

export type ErrorCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'not-a-pdf'
  | 'pdf-corrupt'
  | 'pdf-encrypted'
  | 'pdf-empty'
  | 'pdf-too-many-pages'
  | 'pdf-duplicate'
  | 'page-unreadable'
  | 'roster-invalid'
  | 'output-invalid'
  | 'bad-arguments'
  /** The station database was written by a newer station: this one must be updated, not the data. */
  | 'db-too-new'
  /** Another process holds the database, or the batch, for writing: the same command later will do. */
  | 'busy'
  | 'batch-not-found'
  | 'copy-not-found'
  /** An operator decision that is malformed, or does not apply to the copies as they are. */
  | 'decision-invalid'
  /** The Korrigo server refused the login (wrong password, not a teacher account, its login limit). */
  | 'login-refused'
  /** No open session with the Korrigo server and no password given: the operator types it. */
  | 'password-required'
  /** The Korrigo server or exam cannot take the copies as asked (not HTTPS, wrong exam mode, unknown exam). */
  | 'server-refused'
  /** The Korrigo server did not answer, or asked to wait: copies stay queued for a later sync. */
  | 'server-unreachable'
  /** The caller withdrew its request before it was answered (a thumbnail that left the screen). */
  | 'withdrawn'
  | 'internal';

/** Exit code for input the operator must fix (bad file, bad arguments, unknown batch or copy). */
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 1;
/** The database needs a newer station: retrying cannot help, updating does. */
export const EXIT_DB_TOO_NEW = 3;
/** Someone else is writing: a script may retry the same command later. */
export const EXIT_BUSY = 4;
/** A sync left copies queued (the server was unreachable, or limits ran out): the same sync later resumes. */
export const EXIT_COPIES_QUEUED = 3;

const EXIT_CODES: Partial<Record<ErrorCode, number>> = {
  internal: EXIT_INTERNAL,
  'db-too-new': EXIT_DB_TOO_NEW,
  busy: EXIT_BUSY,
  'server-unreachable': EXIT_COPIES_QUEUED,
};

export class KorrigoError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** The problem as data (a code and its parameters), for a UI to say in its own language. */
  readonly note: ReviewNote | undefined;
  readonly exitCode: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown; note?: ReviewNote } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'KorrigoError';
    this.code = code;
    this.hint = options.hint;
    this.note = options.note;
    this.exitCode = EXIT_CODES[code] ?? EXIT_BAD_INPUT;
  }
}

export function isKorrigoError(value: unknown): value is KorrigoError {
  return value instanceof KorrigoError;
}
