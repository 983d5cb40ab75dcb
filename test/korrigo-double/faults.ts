// Faults the Korrigo double can inject, each consumed by the next request(s) to one route.

export type RouteName =
  | 'csrf'
  | 'login'
  | 'logout'
  | 'me'
  | 'exams.list'
  | 'exams.get'
  | 'exams.create'
  | 'upload'
  | 'copies.list'
  | 'students.search'
  | 'identify';

export type FaultKind =
  /** The server does the work and commits, then the connection drops before any answer. */
  | { kind: 'drop-after-commit' }
  /** The connection drops before the server did anything. */
  | { kind: 'drop-before-commit' }
  /** A 500 answer; nothing committed (Django's transaction rolled back). */
  | { kind: 'error-500' }
  /** What a proxy in front of the server may answer: 429 with Retry-After (seconds). */
  | { kind: 'status-429'; retryAfterS: number }
  /**
   * The answer comes this late. The work commits at that time, unless it runs past the server's own request
   * timeout: then the application server kills it (nothing committed) and the gateway answers 504.
   */
  | { kind: 'slow'; delayMs: number }
  /** The session ends just before this request (lifetime reached, server restarted, logged out elsewhere). */
  | { kind: 'expire-session' };

export type Fault = FaultKind & {
  route: RouteName;
  /** Requests to the route let through untouched before this fault strikes (default 0). */
  skip?: number;
  /** How many requests in a row it strikes once it starts (default 1). */
  times?: number;
};

interface Armed {
  fault: Fault;
  skip: number;
  times: number;
}

export class FaultPlan {
  private readonly armed: Armed[] = [];
  /** Every fault that struck, in order, for a test's assertions and the measurement's table. */
  readonly struck: { route: RouteName; kind: FaultKind['kind'] }[] = [];

  inject(...faults: Fault[]): void {
    for (const fault of faults) this.armed.push({ fault, skip: fault.skip ?? 0, times: fault.times ?? 1 });
  }

  /** The fault striking this request to `route`, if any; counts the request against every armed fault. */
  next(route: RouteName): FaultKind | undefined {
    let strike: FaultKind | undefined;
    for (const armed of this.armed) {
      if (armed.fault.route !== route || armed.times === 0) continue;
      if (armed.skip > 0) {
        armed.skip -= 1;
        continue;
      }
      if (strike) continue;
      armed.times -= 1;
      strike = armed.fault;
    }
    if (strike) this.struck.push({ route, kind: strike.kind });
    return strike;
  }

  pending(): number {
    return this.armed.reduce((sum, armed) => sum + armed.times, 0);
  }
}
