import { isKorrigoError } from '../core/errors';

/**
 * Prints a failure and gives the exit code. What the operator can fix is one line (with the hint) and
 * exit 2; anything else is an internal error, exit 1. The stack only when asked for.
 */
export function reportError(error: unknown, verbose: boolean, write: (text: string) => void): number {
  const stack = verbose && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  if (isKorrigoError(error) && error.code !== 'internal') {
    write(`korrigo-station: error: ${error.message}${error.hint ? `; ${error.hint}` : ''}\n${stack}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(
    `korrigo-station: internal error: ${message}${verbose ? '' : ' (run again with --verbose for details)'}\n${stack}`,
  );
  return isKorrigoError(error) ? error.exitCode : 1;
}
