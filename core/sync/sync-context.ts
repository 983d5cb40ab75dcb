// What every step of a sync shares: the store, the server's API, the pacing, the options and the progress
// callback, and the one retry rule for requests that may safely go again (reads, identification).
import type { SyncProgress } from '../api/sync-types';
import { KorrigoError } from '../errors';
import type { Store } from '../store/open-store';
import type { KorrigoApi } from './korrigo-api';
import type { Pacing } from './pacing';
import { LostAnswerError, ServerAnswerError } from './server-errors';

export type { SyncProgress };

export interface SyncTiming {
  /** Korrigo's application server kills a request after 120 s: past that, a lost request cannot commit. */
  serverRequestTimeoutMs: number;
  /** Tries of one request within a run before its copy is left for the next sync. */
  maxAttempts: number;
  /** The longest the sync waits for a limit or a Retry-After; longer, copies stay queued with the time. */
  maxWaitMs: number;
}

export interface SyncContext {
  store: Store;
  api: KorrigoApi;
  pacing: Pacing;
  timing: SyncTiming;
  progress(event: SyncProgress): void;
  sleep(ms: number): Promise<void>;
  now(): Date;
}

/** Waiting longer than the sync may: the copies stay queued, with when to come back. */
export class WaitTooLongError extends KorrigoError {
  constructor(
    readonly until: Date,
    why: string,
  ) {
    super('server-unreachable', `${why}: the next request may go at ${until.toISOString()}`, {
      hint: 'run the same sync again after that time',
    });
  }
}

/** Waits until `at` unless that is further than the sync may wait. */
export async function waitUntil(context: SyncContext, at: Date, why: string): Promise<void> {
  const ms = at.getTime() - context.now().getTime();
  if (ms <= 0) return;
  if (ms > context.timing.maxWaitMs) throw new WaitTooLongError(at, why);
  context.progress({
    stage: 'wait',
    message: `${why}: waiting until ${at.toISOString()}`,
    nextAt: at.toISOString(),
  });
  await context.sleep(ms);
}

/**
 * A request that may go again whatever became of the first (a read; an identification, which sets the same
 * student again): retried after no answer, a 5xx or a 429, with backoff or the server's Retry-After.
 */
export async function retried<T>(context: SyncContext, what: string, request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      const transient =
        error instanceof LostAnswerError ||
        (error instanceof ServerAnswerError && (error.status >= 500 || error.status === 429));
      if (!transient || attempt >= context.timing.maxAttempts) throw asQueuedError(error, what);
      const retryAfter = error instanceof ServerAnswerError ? error.retryAfterMs : undefined;
      const wait = retryAfter ?? context.pacing.backoffMs(attempt);
      await waitUntil(
        context,
        new Date(context.now().getTime() + wait),
        `${what}: ${(error as Error).message}`,
      );
    }
  }
}

/** No answer in the end is "try later" (exit 3), not a bug. */
export function asQueuedError(error: unknown, what: string): unknown {
  if (error instanceof LostAnswerError || (error instanceof ServerAnswerError && error.status >= 500)) {
    return new KorrigoError('server-unreachable', `${what}: ${error.message}`, {
      hint: 'the copies stay queued: run the same sync again later',
    });
  }
  return error;
}
