// The loopback transport: the station's API, pushes, uploads, batch files and the built renderer on
// http://127.0.0.1:<port>. See access.ts for who may use it.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../station/station';
import type { WireCode, WireReply } from '../api/wire';
import { toWireError, wireFailure } from '../api/wire';
import { FILE_NAME_HEADER } from '../api/http-bridge';
import { parseThumbnailUrl } from '../api/thumbnail-url';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { thumbnailPath } from '../thumbnails/thumbnail-path';
import { filesNamedBy } from '../api/named-files';
import { KorrigoError } from '../errors';
import { StationKeys, bearerOf, hostAllowed, originAllowed } from './access';
import { COMMON_HEADERS, RENDERER_CSP } from './csp';
import { openEventStream } from './event-stream';
import { allInInbox, inboxBytes, inboxDir, removeOldUploads, spendUploads } from './inbox';
import { pathInside, realBatchPdf } from './safe-path';
import { sendFile } from './static-files';
import { MAX_INBOX_BYTES, MAX_UPLOAD_BYTES, receiveUpload, uploadFileName } from './upload';

const MAX_CALL_BYTES = 1024 * 1024;
/** A browser sends a batch's files one after the other: more at once is not the station's UI. */
const MAX_PARALLEL_UPLOADS = 4;

export interface HttpServerOptions {
  station: Station;
  /** The built renderer (dist/renderer); without it the server answers the API only. */
  staticDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The station key (Bearer for the CLI and scripts). Default: a fresh random one. */
  token?: string;
  /** Told each new login link: after one is spent (for the next browser) and after the key rotates. */
  onLoginUrl?: (loginUrl: string) => void | Promise<void>;
  /** Bytes the inbox may hold (uploads not yet processed). Default MAX_INBOX_BYTES. */
  maxInboxBytes?: number;
  log?: (error: unknown) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** The current station key. */
  readonly token: string;
  /** Opening this in a browser starts a session there, once: the link is spent by its first use. */
  readonly loginUrl: string;
  /** Ends every session and replaces the key and the login link. */
  rotateKey(): Promise<void>;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { station } = options;
  const keys = new StationKeys(options.token);
  const inbox = inboxDir(station.dataDir);
  await removeOldUploads(inbox);
  const log = options.log ?? ((error: unknown) => console.error('[korrigo-station]', error));
  /** Each open event stream's end, and the credential it was opened with. */
  const openStreams = new Map<() => void, string>();
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    const isPrivate = /^\/(api|events|upload|files|session)(\/|$)/.test(path);
    if (!isPrivate) return serveRenderer(req, res, path);
    if (req.method === 'POST' && !originAllowed(req)) return refuse(res, 'Cross-origin requests are refused');
    if (req.method === 'POST' && path === '/session') {
      const session = keys.login(bearerOf(req) ?? '');
      if (session === null) return refuse(res, 'This login link is spent or not valid');
      await announceLoginUrl();
      return sendReply(res, { ok: true, result: { session } });
    }
    const caller = keys.caller(req);
    if (caller === null) return refuse(res, 'Missing or wrong station key or session');
    if (req.method === 'POST' && path === '/session/end') {
      keys.endSession(caller.credential);
      for (const [end, credential] of openStreams) if (credential === caller.credential) end();
      return sendReply(res, { ok: true, result: {} });
    }
    if (req.method === 'POST' && path === '/session/rotate') {
      await rotateKey();
      // Only the key's holder (the command line) is handed the new link; a browser reads it on the console.
      return sendReply(res, { ok: true, result: caller.kind === 'key' ? { loginUrl: loginUrl() } : {} });
    }

    if (req.method === 'POST' && path.startsWith('/api/'))
      return callMethod(req, res, decodeSegment(path.slice(5)));
    if (req.method === 'GET' && path === '/events') {
      const end = openEventStream(req, res, station);
      openStreams.set(end, caller.credential);
      req.on('close', () => openStreams.delete(end));
      return;
    }
    if (req.method === 'POST' && path === '/upload') return upload(req, res);
    const thumbnail = req.method === 'GET' ? parseThumbnailUrl(path) : null;
    if (thumbnail) return sendThumbnail(res, thumbnail);
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const file = await realBatchPdf(station.dataDir, path);
      if (file && (await sendFile(res, file, { ...COMMON_HEADERS, 'cache-control': 'no-store' }))) return;
    }
    return sendReply(
      res,
      wireFailure('file-not-found', `No such station resource: ${req.method} ${path}`),
      404,
    );
  };

  // The code rides in the fragment: browsers never send it to any server, nor in a Referer.
  const loginUrl = () => `http://127.0.0.1:${port}/#login=${keys.loginCode}`;
  const announceLoginUrl = async () => options.onLoginUrl?.(loginUrl());
  const rotateKey = async () => {
    keys.rotate();
    for (const end of openStreams.keys()) end();
    await announceLoginUrl();
  };

  const callMethod = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return sendReply(res, wireFailure('bad-arguments', 'API calls must be sent as application/json'));
    }
    const body = await readBody(req, MAX_CALL_BYTES);
    if (body === null)
      return sendReply(res, wireFailure('bad-arguments', `The request body exceeds ${MAX_CALL_BYTES} bytes`));
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendReply(res, wireFailure('bad-arguments', `The body of ${name} is not valid JSON`));
    }
    // A browser names only what it uploaded (POST /upload): no other file of this computer is read.
    const reply = await station.dispatch(name, args, { mayRead: (paths) => allInInbox(paths, inbox) });
    await spendUploads(filesNamedBy(name, args), inbox);
    sendReply(res, reply);
  };

  // Named by what makes it, so it may be cached for good; made again here when the cache lost it.
  const sendThumbnail = async (res: ServerResponse, key: ThumbnailKey) => {
    // A page that left the screen abandons its thumbnail's request (the browser aborts it): not made then.
    // Only while this request waits: once answered, a withdrawal would take another request's wait.
    let waiting = true;
    res.on('close', () => {
      if (waiting && !res.writableFinished) void station.dispatch('pages.withdrawThumbnail', key);
    });
    const made = await station.dispatch('pages.thumbnail', key);
    waiting = false;
    if (!made.ok) return sendReply(res, made, 404);
    const headers = { ...COMMON_HEADERS, 'cache-control': 'private, max-age=31536000, immutable' };
    if (await sendFile(res, thumbnailPath(station.dataDir, key), headers)) return;
    sendReply(res, wireFailure('file-not-found', 'The thumbnail could not be made'), 404);
  };

  let uploading = 0;
  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    if (uploading >= MAX_PARALLEL_UPLOADS) {
      const busy = new KorrigoError(
        'busy',
        `The station receives ${uploading} uploads already; send one at a time`,
      );
      return sendReply(res, { ok: false, error: toWireError(busy, log) }, 429);
    }
    uploading++;
    try {
      const name = uploadFileName(headerValue(req, FILE_NAME_HEADER));
      await removeOldUploads(inbox);
      const room = (options.maxInboxBytes ?? MAX_INBOX_BYTES) - (await inboxBytes(inbox));
      const path = await receiveUpload(req, inbox, name, Math.min(MAX_UPLOAD_BYTES, room));
      sendReply(res, { ok: true, result: { path } });
    } catch (error) {
      // A browser that gave up (closed tab, cancelled) is not the station's failure: nobody awaits a reply.
      if (req.destroyed) return res.destroy();
      sendReply(res, { ok: false, error: toWireError(error, log) });
    } finally {
      uploading--;
    }
  };

  const serveRenderer = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const file =
      options.staticDir && pathInside(options.staticDir, path === '/' ? 'index.html' : decodeSegment(path));
    const headers: Record<string, string> = {
      ...COMMON_HEADERS,
      'content-security-policy': RENDERER_CSP,
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if ((req.method === 'GET' || req.method === 'HEAD') && file && (await sendFile(res, file, headers)))
      return;
    res.writeHead(404, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      options.staticDir
        ? 'Not found'
        : 'This station serves no UI: the renderer is not built (npm run build).',
    );
  };

  const server = createServer((req, res) => {
    if (!hostAllowed(req, port)) return refuse(res, `Host "${req.headers.host ?? ''}" is not this station`);
    const url = new URL(req.url ?? '/', 'http://station.invalid');
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendReply(res, { ok: false, error: toWireError(error, log) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    get token() {
      return keys.key;
    },
    get loginUrl() {
      return loginUrl();
    },
    rotateKey,
    close: async () => {
      for (const end of openStreams.keys()) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const STATUS: Partial<Record<WireCode, number>> = { forbidden: 403, 'unknown-method': 404, internal: 500 };

function sendReply(res: ServerResponse, reply: WireReply<unknown>, status?: number): void {
  const code = reply.ok ? 200 : (status ?? STATUS[reply.error.code] ?? 400);
  res.writeHead(code, {
    ...COMMON_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(reply));
}

function refuse(res: ServerResponse, message: string): void {
  sendReply(res, wireFailure('forbidden', message));
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The whole body, or null when it is larger than `limit`. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
