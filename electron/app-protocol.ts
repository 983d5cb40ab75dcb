// app://korrigo/ serves the built renderer and, under /files/, the batch exports of the data dir (the same
// paths as the loopback server), with the same CSP. A standard, secure scheme gives the UI a real
// origin, which file:// would not.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { parseThumbnailUrl } from '../core/api/thumbnail-url';
import { thumbnailPath } from '../core/thumbnails/thumbnail-path';
import { COMMON_HEADERS, RENDERER_CSP } from '../core/server/csp';
import { pathInside, realBatchPdf } from '../core/server/safe-path';
import { contentTypeOf } from '../core/server/static-files';
import { APP_HOST, APP_SCHEME } from './trusted-url';

/** Before app ready, as Electron requires. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(rendererDir: string, dataDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const isBatchFile = url.pathname.startsWith('/files/');
    const file = url.host === APP_HOST ? await appFile(rendererDir, dataDir, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = { ...COMMON_HEADERS, 'content-type': contentTypeOf(file) };
      if (!isBatchFile) headers['content-security-policy'] = RENDERER_CSP;
      // A thumbnail's name says what made it; a missing one is made by the core (pages.thumbnail).
      if (parseThumbnailUrl(url.pathname)) headers['cache-control'] = 'private, max-age=31536000, immutable';
      return new Response(body, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

async function appFile(rendererDir: string, dataDir: string, pathname: string): Promise<string | null> {
  const thumbnail = parseThumbnailUrl(pathname);
  if (thumbnail) return thumbnailPath(dataDir, thumbnail);
  if (pathname.startsWith('/files/')) return realBatchPdf(dataDir, pathname);
  return pathInside(rendererDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
}
