// `korrigo-station serve`: the station's UI and API on http://127.0.0.1, for a browser on this computer
// (the same screens as the desktop app, without Electron).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStation } from '../core/station/station';
import { STATION_VERSION } from '../core/api/version';
import { KorrigoError } from '../core/errors';
import { resolveDataDir } from '../core/data-dir';
import { startHttpServer } from '../core/server/http-server';
import type { RunningServer } from '../core/server/http-server';
import { removeServeFile, writeServeFile } from '../core/server/serve-file';
import { commonOptionsHelp, defineCommand } from './command';
import type { Command } from './command';

const RENDERER_DIR = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export const SERVE_USAGE = `Usage: korrigo-station serve [--port N] [--data-dir DIR]

Serves the station's UI and API on http://127.0.0.1:N (default: a free port) and prints the link to
open. Batches are kept in DIR (default: $KORRIGO_DATA_DIR, else the desktop app's data folder).

Options:
  --port <N>        the port to listen on (default: a free one)
  --data-dir <DIR>  the station's data folder
${commonOptionsHelp(20)}
`;

export interface ServeIo {
  stdout: NodeJS.WritableStream;
  /** Resolves when the server should stop. Default: the first SIGINT or SIGTERM. */
  stopped: Promise<unknown>;
}

function untilSignal(): Promise<unknown> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** `korrigo-station serve`; `io` replaces its output and its stop signal (the tests run it in process). */
export function serveCommand(io: Partial<ServeIo> = {}): Command {
  return defineCommand({
    name: 'serve',
    summary: 'serve the station UI and API to a browser on this computer',
    usage: SERVE_USAGE,
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    async run({ values, positionals, usageError }) {
      if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`);
      const port = Number(values.port ?? '0');
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new KorrigoError(
          'bad-arguments',
          `serve: --port must be a number from 0 to 65535, not "${values.port}"`,
        );
      }
      await serve({ port, dataDir: values['data-dir'] ?? resolveDataDir() }, io);
    },
  });
}

/** Runs until `io.stopped` resolves. */
async function serve(options: { port: number; dataDir: string }, io: Partial<ServeIo>): Promise<void> {
  const out = io.stdout ?? process.stdout;
  const hasUi = existsSync(RENDERER_DIR);
  const station = createStation({ dataDir: options.dataDir, prefetchThumbnails: true, watchHotFolder: true });
  // One write at a time, in order: the file always ends up holding the live key.
  let saving = Promise.resolve();
  const remember = () =>
    (saving = saving.then(() =>
      writeServeFile(options.dataDir, { origin: server.origin, key: server.token }),
    ));
  const server: RunningServer = await startHttpServer({
    station,
    port: options.port,
    ...(hasUi ? { staticDir: RENDERER_DIR } : {}),
    onLoginUrl: (url) => {
      out.write(`New login link (the previous one is spent or revoked):\n  ${url}\n`);
      return remember();
    },
  }).catch((error: unknown) => {
    station.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new KorrigoError('bad-arguments', `serve: port ${options.port} is already in use`, {
      hint: 'Choose another --port, or leave it out to get a free one',
    });
  });
  await remember();
  const lines = [`Korrigo Scan Station ${STATION_VERSION}: batches in ${options.dataDir}`];
  if (!hasUi) lines.push('The UI is not built (npm run build): only the API answers.');
  lines.push(
    'Open this link in a browser on this computer (it opens one session, once):',
    `  ${server.loginUrl}`,
    'korrigo-station rotate-key ends every session. Ctrl+C stops the station.',
  );
  out.write(`${lines.join('\n')}\n`);
  await (io.stopped ?? untilSignal());
  await server.close();
  await saving;
  await removeServeFile(options.dataDir);
  await station.shutdown();
}
