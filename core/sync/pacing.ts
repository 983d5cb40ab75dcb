// How fast the sync may go: exponential backoff with jitter between retries, Retry-After when the server
// names a time, and the server's limits (logins per 15 minutes, uploads per hour) counted from the requests
// the store recorded, so the budget is spent knowingly and the operator is told when the next may go.
import type { Store } from '../store/open-store';
import { recordRequest, requestTimes } from '../store/sync-rows';
import type { LimitedRequest } from '../store/sync-rows';

export interface Limit {
  count: number;
  windowMs: number;
}

export interface PacingOptions {
  /** Korrigo: 5 logins per 15 minutes per address (every station behind the school's proxy shares it). */
  loginLimit?: Limit;
  /** Korrigo: 50 upload requests an hour per user. */
  uploadLimit?: Limit;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
}

export const KORRIGO_LOGIN_LIMIT: Limit = { count: 5, windowMs: 15 * 60_000 };
export const KORRIGO_UPLOAD_LIMIT: Limit = { count: 50, windowMs: 3_600_000 };

export class Pacing {
  readonly loginLimit: Limit;
  readonly uploadLimit: Limit;
  private readonly base: number;
  private readonly cap: number;
  private readonly random: () => number;
  private readonly refusedUntil: Record<LimitedRequest, number> = { login: 0, upload: 0 };

  constructor(
    private readonly store: Store,
    private readonly who: { server: string; username: string },
    options: PacingOptions = {},
  ) {
    this.loginLimit = options.loginLimit ?? KORRIGO_LOGIN_LIMIT;
    this.uploadLimit = options.uploadLimit ?? KORRIGO_UPLOAD_LIMIT;
    this.base = options.backoffBaseMs ?? 1000;
    this.cap = options.backoffCapMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  /** The wait before retry number `attempt` (1, 2, ...): doubling, capped, each between half and all of it. */
  backoffMs(attempt: number): number {
    const full = Math.min(this.cap, this.base * 2 ** Math.max(0, attempt - 1));
    return Math.round(full * (0.5 + this.random() / 2));
  }

  /** When the next request of this kind may go without passing the limit (now when it may go now). */
  nextSlot(kind: LimitedRequest): Date {
    const limit = kind === 'login' ? this.loginLimit : this.uploadLimit;
    const now = this.store.now().getTime();
    const times = requestTimes(this.store.db, {
      server: this.who.server,
      // The login limit is per address: every account of this station counts.
      username: kind === 'upload' ? this.who.username : undefined,
      kind,
      since: new Date(now - limit.windowMs).toISOString(),
    });
    const refused = this.refusedUntil[kind];
    if (times.length < limit.count) return new Date(Math.max(now, refused));
    // The server counts from when a request arrived, a little after the station recorded it.
    const margin = Math.max(1000, Math.round(limit.windowMs * 0.02));
    const oldest = Date.parse(times[times.length - limit.count]!);
    return new Date(Math.max(refused, oldest + limit.windowMs + margin));
  }

  /** Spends one request of the budget: recorded before it goes, so a killed sync still counts it. */
  spend(kind: LimitedRequest): void {
    recordRequest(this.store.db, { ...this.who, kind, at: this.store.now().toISOString() });
  }

  /**
   * The server refused for its limit although the ledger had room (another station, the same account
   * elsewhere): nothing more of this kind until a whole window has passed, or `retryAfterMs`.
   */
  refused(kind: LimitedRequest, retryAfterMs?: number): void {
    const limit = kind === 'login' ? this.loginLimit : this.uploadLimit;
    this.refusedUntil[kind] = this.store.now().getTime() + (retryAfterMs ?? limit.windowMs);
  }
}
