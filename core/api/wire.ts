// The one envelope every transport carries, and the only way an error crosses a process boundary.
import { isKorrigoError } from '../errors';
import type { ErrorCode } from '../errors';
import type { ReviewNote } from '../manifest';

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
  /** The problem as data, when the station has it (why a decision was refused). */
  note?: ReviewNote;
}

export type WireReply<T> = { ok: true; result: T } | { ok: false; error: WireError };

export const INTERNAL_MESSAGE = 'Internal error in the station; the details are in its log.';

/**
 * KorrigoErrors keep their code, message and hint. Anything else is a bug: its details (which may hold
 * paths or stack traces) go to `logInternal` only, and the wire carries a generic message.
 */
export function toWireError(error: unknown, logInternal: (error: unknown) => void): WireError {
  if (isKorrigoError(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.note === undefined ? {} : { note: error.note }),
    };
  }
  logInternal(error);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

export function wireFailure(code: WireCode, message: string): { ok: false; error: WireError } {
  return { ok: false, error: { code, message } };
}
