// Who may talk to the loopback server. It binds 127.0.0.1 only, but any web page the operator opens, and
// any other process listening on a loopback port, can still reach it. So:
// - nothing secret ever travels in a cookie: browsers send 127.0.0.1's cookies to every port, and any
//   page on another port may set them. Every private request carries `Authorization: Bearer`, with the
//   station key (the CLI, tests) or a session id the page keeps in its own per-origin sessionStorage;
// - the login link carries a one-time code, not the key, so the link left in browser history is spent;
// - a Host check against DNS rebinding, an Origin check plus a non-simple header against cross-site posts.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A browser session lasts a working day at most; the operator logs in again with a fresh link. */
const SESSION_MS = 12 * 60 * 60 * 1000;

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export type Caller = 'key' | 'session';

export class StationKeys {
  #key: string;
  #loginCode = createToken();
  readonly #sessions = new Map<string, number>();

  constructor(
    key = createToken(),
    private readonly now: () => number = Date.now,
  ) {
    this.#key = key;
  }

  get key(): string {
    return this.#key;
  }

  /** The code the next login link carries: good for one login. */
  get loginCode(): string {
    return this.#loginCode;
  }

  /** Spends a login code for a new session id; null when the code is not the live one. */
  login(code: string): string | null {
    if (!sameSecret(code, this.#loginCode)) return null;
    this.#loginCode = createToken();
    const session = createToken();
    this.#sessions.set(session, this.now() + SESSION_MS);
    return session;
  }

  endSession(session: string): void {
    this.#sessions.delete(session);
  }

  /** A new key and login code; every session ends. */
  rotate(): void {
    this.#key = createToken();
    this.#loginCode = createToken();
    this.#sessions.clear();
  }

  /** Who the request's bearer credential stands for, if anyone. Cookies are never read. */
  caller(req: IncomingMessage): { kind: Caller; credential: string } | null {
    const credential = bearerOf(req);
    if (credential === undefined) return null;
    if (sameSecret(credential, this.#key)) return { kind: 'key', credential };
    const expires = this.#sessions.get(credential);
    if (expires === undefined) return null;
    if (expires < this.now()) {
      this.#sessions.delete(credential);
      return null;
    }
    return { kind: 'session', credential };
  }
}

export function bearerOf(req: IncomingMessage): string | undefined {
  return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A cross-origin browser request carries its Origin; a same-origin one or a non-browser client may not. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

export function sameSecret(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
