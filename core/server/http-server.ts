// The loopback transport: the station's API, pushes, uploads, batch files and the built renderer on
// http://127.0.0.1:<port>. See access.ts for who may use it.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Station } from '../api/station';
import type { WireCode, WireReply } from '../api/wire';
import { toWireError, wireFailure } from '../api/wire';
import { FILE_NAME_HEADER } from '../api/http-bridge';
import { parseThumbnailUrl } from '../api/thumbnail-url';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { thumbnailPath } from '../thumbnails/thumbnail-path';
import { createToken, hostAllowed, originAllowed, sameSecret, sessionCookie, tokenPresented } from './access';
import { COMMON_HEADERS, RENDERER_CSP } from './csp';
import { openEventStream } from './event-stream';
import { pathInside, resolveBatchFile } from './safe-path';
import { sendFile } from './static-files';
import { receiveUpload, uploadFileName } from './upload';

const MAX_CALL_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  station: Station;
  /** The built renderer (dist/renderer); without it the server answers the API only. */
  staticDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default: a fresh random token. */
  token?: string;
  log?: (error: unknown) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  /** Opening this in a browser sets the session cookie, then shows the UI. */
  loginUrl: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { station } = options;
  const token = options.token ?? createToken();
  const log = options.log ?? ((error: unknown) => console.error('[korrigo-station]', error));
  const openStreams = new Set<() => void>();
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/login') {
      if (!sameSecret(url.searchParams.get('token') ?? '', token))
        return refuse(res, 'The login link is not valid');
      res.writeHead(303, { ...COMMON_HEADERS, 'set-cookie': sessionCookie(port, token), location: '/' });
      return res.end();
    }
    const isPrivate = /^\/(api|events|upload|files)(\/|$)/.test(path);
    if (!isPrivate) return serveRenderer(req, res, path);
    if (!tokenPresented(req, token, port)) return refuse(res, 'Missing or wrong station token');
    if (req.method === 'POST' && !originAllowed(req)) return refuse(res, 'Cross-origin requests are refused');

    if (req.method === 'POST' && path.startsWith('/api/'))
      return callMethod(req, res, decodeSegment(path.slice(5)));
    if (req.method === 'GET' && path === '/events') {
      const end = openEventStream(req, res, station);
      openStreams.add(end);
      req.on('close', () => openStreams.delete(end));
      return;
    }
    if (req.method === 'POST' && path === '/upload') return upload(req, res);
    const thumbnail = req.method === 'GET' ? parseThumbnailUrl(path) : null;
    if (thumbnail) return sendThumbnail(res, thumbnail);
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const file = resolveBatchFile(station.dataDir, path);
      if (file && (await sendFile(res, file, { ...COMMON_HEADERS, 'cache-control': 'no-store' }))) return;
    }
    return sendReply(
      res,
      wireFailure('file-not-found', `No such station resource: ${req.method} ${path}`),
      404,
    );
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
    sendReply(res, await station.dispatch(name, args));
  };

  // Named by what makes it, so it may be cached for good; made again here when the cache lost it.
  const sendThumbnail = async (res: ServerResponse, key: ThumbnailKey) => {
    const made = await station.dispatch('pages.thumbnail', key);
    if (!made.ok) return sendReply(res, made, 404);
    const headers = { ...COMMON_HEADERS, 'cache-control': 'private, max-age=31536000, immutable' };
    if (await sendFile(res, thumbnailPath(station.dataDir, key), headers)) return;
    sendReply(res, wireFailure('file-not-found', 'The thumbnail could not be made'), 404);
  };

  const upload = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const name = uploadFileName(headerValue(req, FILE_NAME_HEADER));
      const path = await receiveUpload(req, join(station.dataDir, 'inbox'), name);
      sendReply(res, { ok: true, result: { path } });
    } catch (error) {
      sendReply(res, { ok: false, error: toWireError(error, log) });
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
    token,
    loginUrl: `${origin}/login?token=${token}`,
    close: async () => {
      for (const end of openStreams) end();
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
