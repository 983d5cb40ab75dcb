// The one envelope every transport carries, and the only way an error crosses a process boundary.
import { isKorrigoError } from '../errors';
import type { ErrorCode } from '../errors';

/**
 * Stable codes the UI translates. Beyond the core's codes: `unknown-method` (no such API method),
 * `forbidden` (missing token, wrong Host/Origin, untrusted IPC sender), `unreachable` (the client
 * could not talk to the station at all).
 */
export type WireCode = ErrorCode | 'unknown-method' | 'forbidden' | 'unreachable';

export interface WireError {
  code: WireCode;
  /** English, for logs and the detail line; the UI picks its own text from `code`. */
  message: string;
  hint?: string;
}

export type WireReply<T> = { ok: true; result: T } | { ok: false; error: WireError };

export const INTERNAL_MESSAGE = 'Internal error in the station; the details are in its log.';

/**
 * KorrigoErrors keep their code, message and hint. Anything else is a bug: its details (which may hold
 * paths or stack traces) go to `logInternal` only, and the wire carries a generic message.
 */
export function toWireError(error: unknown, logInternal: (error: unknown) => void): WireError {
  if (isKorrigoError(error)) {
    return error.hint === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, hint: error.hint };
  }
  logInternal(error);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

export function wireFailure(code: WireCode, message: string): { ok: false; error: WireError } {
  return { ok: false, error: { code, message } };
}
