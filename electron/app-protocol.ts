// app://korrigo/ serves the built renderer and, under /files/, the batch exports of the data dir (the same
// paths as the loopback server), with the same CSP. A standard, secure scheme gives the UI a real
// origin, which file:// would not.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
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
    let file: string | null = null;
    if (url.host === APP_HOST) {
      file = isBatchFile
        ? await realBatchPdf(dataDir, url.pathname)
        : pathInside(rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    }
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const headers: Record<string, string> = { ...COMMON_HEADERS, 'content-type': contentTypeOf(file) };
      if (!isBatchFile) headers['content-security-policy'] = RENDERER_CSP;
      return new Response(body, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
