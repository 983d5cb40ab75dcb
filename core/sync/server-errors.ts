// How a request to the Korrigo server ended when it did not succeed. The difference that matters: an answer
// (the server decided, and said what) versus no answer (the request may or may not have been carried out).

/** The server answered with an error status. */
export class ServerAnswerError extends Error {
  constructor(
    readonly status: number,
    /** The server's own words (`error` or `detail` of its JSON), for the operator. */
    readonly detail: string,
    /** From Retry-After, when the answer carried one. */
    readonly retryAfterMs: number | undefined,
    what: string,
  ) {
    super(`${what}: the server answered ${status}${detail ? ` (${detail})` : ''}`);
    this.name = 'ServerAnswerError';
  }

  /** Gateways answer these when the application server did not finish: the outcome is unknown. */
  get outcomeUnknown(): boolean {
    return this.status >= 500;
  }
}

/** No answer: timeout, connection refused or dropped. Whether the server acted is unknown. */
export class LostAnswerError extends Error {
  constructor(
    what: string,
    readonly why: string,
    /** The connection was refused: the request never reached the server. */
    readonly neverSent: boolean,
  ) {
    super(`${what}: no answer from the server (${why})`);
    this.name = 'LostAnswerError';
  }
}

export const isOutcomeUnknown = (error: unknown): boolean =>
  error instanceof LostAnswerError
    ? !error.neverSent
    : error instanceof ServerAnswerError && error.outcomeUnknown;

/** Retry-After as seconds or an HTTP date. */
export function retryAfterMs(header: unknown, now: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
