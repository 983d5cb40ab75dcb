// Who may talk to the loopback server. It binds 127.0.0.1 only, but any web page the operator opens can
// still send requests to it, so: a per-launch token on everything that is not the public UI bundle, a
// Host check against DNS rebinding, and an Origin check plus a non-simple header against cross-site posts.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Per port: cookies ignore ports, and two stations may run side by side. */
export function sessionCookieName(port: number): string {
  return `korrigo-session-${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
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

export function tokenPresented(req: IncomingMessage, token: string, port: number): boolean {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const candidate = bearer ?? readCookie(req.headers.cookie ?? '', sessionCookieName(port));
  return candidate !== undefined && sameSecret(candidate, token);
}

export function sameSecret(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
