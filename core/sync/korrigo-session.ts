// One session with a Korrigo server, as Django does it: GET /api/csrf/ for the csrftoken cookie, POST
// /api/login/, then the csrftoken the login rotated goes back in X-CSRFToken on every unsafe request, with
// the server's own origin in Origin and Referer. One login serves the whole sync; a 403 from a session the
// server forgot (4-hour lifetime, restart) brings one login again, never a login per request.
// The password lives in this object only: never in a message, a log line or the store.
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { KorrigoError } from '../errors';
import { LostAnswerError, ServerAnswerError, retryAfterMs } from './server-errors';

export interface SessionOptions {
  origin: string;
  username: string;
  password: string;
  /** Per request; uploads get `uploadTimeoutMs` (past the server's own 120 s limit). */
  timeoutMs?: number;
  uploadTimeoutMs?: number;
  /** Each request as it goes (method and path only). */
  onRequest?: (method: string, path: string) => void;
}

interface Sent {
  method: 'GET' | 'POST';
  path: string;
  what: string;
  data?: unknown;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_UPLOAD_TIMEOUT_MS = 130_000;

export class KorrigoSession {
  private readonly http: AxiosInstance;
  private readonly cookies = new Map<string, string>();
  private loggedIn = false;
  private password: string;
  /** Logins this session made (the first and any after an expiry), for the progress report. */
  logins = 0;
  /** Called before each login: the login limit's bookkeeping of the sync using the session, which may wait or refuse. */
  beforeLogin: (() => Promise<void> | void) | undefined;

  constructor(private readonly options: SessionOptions) {
    this.password = options.password;
    this.http = axios.create({
      baseURL: options.origin,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Every status comes back as an answer to classify here; redirects are not followed, so cookies never
      // leave for another origin.
      validateStatus: () => true,
      maxRedirects: 0,
      responseType: 'text',
      transitional: { clarifyTimeoutError: true },
    });
  }

  /** Logged in, as far as the station knows (the server may have forgotten: the next call finds out). */
  get isOpen(): boolean {
    return this.loggedIn;
  }

  /** The password typed again: used by the next login, the session itself is kept. */
  usePassword(password: string): void {
    this.password = password;
  }

  get uploadTimeoutMs(): number {
    return this.options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  }

  async open(): Promise<void> {
    if (this.loggedIn) return;
    if (this.password === '') {
      throw new KorrigoError(
        'password-required',
        `${this.options.origin}: no open session for "${this.options.username}" and no password given`,
        { hint: 'type the Korrigo password' },
      );
    }
    await this.beforeLogin?.();
    this.logins += 1;
    await this.send({ method: 'GET', path: '/api/csrf/', what: 'CSRF cookie' });
    const answer = await this.send({
      method: 'POST',
      path: '/api/login/',
      what: 'login',
      data: { username: this.options.username, password: this.password },
    });
    if (answer.status === 401) {
      throw new KorrigoError(
        'login-refused',
        `${this.options.origin}: login refused for "${this.options.username}": wrong user name or password`,
      );
    }
    if (answer.status === 403) {
      throw new KorrigoError(
        'login-refused',
        `${this.options.origin}: login refused for "${this.options.username}" (403): past the server's limit of ` +
          '5 logins in 15 minutes for this address, or not a teacher or admin account',
        { hint: 'wait 15 minutes before trying again, or check the account in Korrigo' },
      );
    }
    this.check(answer, 'login');
    if (!this.cookies.has('sessionid')) {
      throw new KorrigoError(
        'server-refused',
        `${this.options.origin}: the login answer set no session cookie`,
      );
    }
    this.loggedIn = true;
  }

  /** Logs out (best effort: the session ends by itself after 4 hours anyway). */
  async close(): Promise<void> {
    if (!this.loggedIn) return;
    this.loggedIn = false;
    try {
      await this.send({ method: 'POST', path: '/api/logout/', what: 'logout' });
    } catch {
      // Nothing to do about a logout that did not arrive.
    }
    this.cookies.clear();
  }

  async get<T>(path: string, what: string): Promise<T> {
    return this.call<T>({ method: 'GET', path, what });
  }

  async post<T>(path: string, data: unknown, what: string, timeoutMs?: number): Promise<T> {
    return this.call<T>({ method: 'POST', path, what, data, timeoutMs });
  }

  /** Every page of a DRF list, following `next` (only within this server). */
  async getAll<T>(path: string, what: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | null = path;
    for (let page = 1; next !== null; page += 1) {
      const body: { results?: T[]; next?: string | null } = await this.get(next, what);
      if (!Array.isArray(body.results)) {
        throw new KorrigoError('server-refused', `${what}: the server's answer is not a list of results`);
      }
      items.push(...body.results);
      next = body.next ? this.samePath(body.next, what) : null;
      if (page > 1000) throw new KorrigoError('server-refused', `${what}: more than 1000 pages`);
    }
    return items;
  }

  private samePath(link: string, what: string): string {
    const url = new URL(link, this.options.origin);
    // Behind a proxy Django may name itself http://; only the host must match.
    if (url.host !== new URL(this.options.origin).host) {
      throw new KorrigoError('server-refused', `${what}: the server's next page points to another host`);
    }
    return `${url.pathname}${url.search}`;
  }

  /** A request with the session; a 403 because the server forgot the session logs in once more. */
  private async call<T>(sent: Sent): Promise<T> {
    await this.open();
    let answer = await this.send(sent);
    if (answer.status === 403 && (await this.sessionLost())) {
      this.loggedIn = false;
      this.cookies.delete('sessionid');
      await this.open();
      answer = await this.send(sent);
    }
    return this.check(answer, sent.what) as T;
  }

  /** A 403 means "logged out" or "not allowed" (a permission, a rate limit): /api/me/ tells which. */
  private async sessionLost(): Promise<boolean> {
    const me = await this.send({ method: 'GET', path: '/api/me/', what: 'who am I' });
    return me.status === 403 || me.status === 401;
  }

  private check(answer: AxiosResponse<string>, what: string): unknown {
    const body = parseJson(answer.data);
    if (answer.status >= 200 && answer.status < 300) return body;
    throw new ServerAnswerError(
      answer.status,
      serverWords(body),
      retryAfterMs(answer.headers['retry-after'], Date.now()),
      what,
    );
  }

  private async send(sent: Sent): Promise<AxiosResponse<string>> {
    const unsafe = sent.method !== 'GET';
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.cookies.size > 0) {
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.cookies.get('csrftoken');
    if (unsafe && csrf) headers['X-CSRFToken'] = csrf;
    if (unsafe) {
      headers.Origin = this.options.origin;
      headers.Referer = `${this.options.origin}/`;
    }
    this.options.onRequest?.(sent.method, sent.path);
    let answer: AxiosResponse<string>;
    try {
      answer = await this.http.request<string>({
        method: sent.method,
        url: sent.path,
        data: sent.data,
        headers,
        timeout: sent.timeoutMs,
      });
    } catch (error) {
      // Axios' error holds the request (the login's password included): only its code goes on.
      const code = (error as { code?: string }).code ?? 'network error';
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) {
        // Refused before anything was sent: the connection is not to a server this computer trusts.
        throw new KorrigoError(
          'server-refused',
          `${this.options.origin}: the server's certificate is not trusted (${code}); nothing was sent`,
          { hint: "check the address; a school's own authority goes in NODE_EXTRA_CA_CERTS" },
        );
      }
      throw new LostAnswerError(sent.what, code, code === 'ECONNREFUSED' || code === 'ENOTFOUND');
    }
    this.keepCookies(answer.headers['set-cookie']);
    return answer;
  }

  private keepCookies(setCookies: string[] | undefined): void {
    for (const line of setCookies ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (value === '' || value === '""' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Korrigo's error bodies: `{error}` or DRF's `{detail}`; field errors as `field: message`. */
function serverWords(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const record = body as Record<string, unknown>;
  if (typeof record.error === 'string') return record.error;
  if (typeof record.detail === 'string') return record.detail;
  return Object.entries(record)
    .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : String(value)}`)
    .join('; ')
    .slice(0, 300);
}
