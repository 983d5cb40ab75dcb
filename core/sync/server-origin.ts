// Where the Korrigo server is. The password and the session cookie travel to it, so plain HTTP is allowed to
// a loopback address only (a server on this computer, or the tests' double).
import { isIP } from 'node:net';
import { KorrigoError } from '../errors';

/** `https://host[:port]`: the origin the station's requests name in Origin/Referer, and the outbox's key. */
export function serverOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new KorrigoError('bad-arguments', `"${text}" is not a server address (expected https://host)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KorrigoError('bad-arguments', `"${text}" is not an http(s) address`);
  }
  if (url.username || url.password) {
    throw new KorrigoError('bad-arguments', 'the server address must not carry a user name or password');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new KorrigoError(
      'server-refused',
      `${url.origin}: the Korrigo server must be reached over HTTPS (plain HTTP only to this computer)`,
      { hint: `use https://${url.host}` },
    );
  }
  return url.origin;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}
