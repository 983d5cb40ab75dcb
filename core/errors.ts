// Every failure the operator can cause or fix is a KorrigoError: a stable `code` the UI translates,
// an English `message` for logs naming the file and the problem, and the CLI exit code.

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
  | 'internal';

/** Exit code for input the operator must fix (bad file, bad arguments). */
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 1;

export class KorrigoError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'KorrigoError';
    this.code = code;
    this.hint = options.hint;
    this.exitCode = code === 'internal' ? EXIT_INTERNAL : EXIT_BAD_INPUT;
  }
}

export function isKorrigoError(value: unknown): value is KorrigoError {
  return value instanceof KorrigoError;
}
