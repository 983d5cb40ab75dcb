// The core side of every transport: validate the method name and arguments, run the handler, turn any
// failure into a WireError, and fan push events out to whoever listens. The station owns the store of its
// data dir (the CLI's default database there, so `korrigo-station batches` lists the same batches).
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { exportBatch } from '../jobs/export-batch';
import { prepareDataDir } from '../data-dir';
import { DB_FILE_NAME } from '../store/location';
import { openStore } from '../store/open-store';
import { StationSync } from '../sync/station-sync';
import type { SyncOptions } from '../sync/run-sync';
import { createThumbnails } from '../thumbnails/thumbnail-cache';
import { createStationHotFolder } from '../watch/station-hot-folder';
import type { HotFolderTiming } from '../watch/station-hot-folder';
import { processBatchArgs } from './schemas';
import { batchExports } from './batch-exports';
import type { ExportJob } from './batch-exports';
import type { AnyPush } from '../api/contract';
import type { Handler } from './handler-table';
import { createHandlers } from './handlers';
import { isMethodName } from '../api/method-names';
import { choosesWatchedFolder, filesNamedBy, folderWrittenBy } from '../api/named-files';
import type { WireReply } from '../api/wire';
import { toWireError, wireFailure } from '../api/wire';

export interface StationOptions {
  /** Holds station.sqlite, scans/, exports/ and inbox/; created when missing. */
  dataDir: string;
  /** The store, when not the data dir's station.sqlite (the CLI's --db). */
  dbPath?: string;
  /** false: refuse a missing database instead of creating it (the CLI's reading commands). Default true. */
  create?: boolean;
  /** Where internal errors go (their details never reach the wire). Default: stderr. */
  log?: (error: unknown) => void;
  /** Who decisions are recorded as. Default: the OS user running the station. */
  operator?: string;
  /** The export job (core/jobs); tests replace it to make it fail. */
  exportJob?: ExportJob;
  /**
   * Make the first screen's thumbnails while a new batch's copy PDFs are written, so a desk opened on it
   * finds them made. The shells turn it on; off by default (a test process has no screen).
   */
  prefetchThumbnails?: boolean;
  /** The sync's timing and limits (tests scale them down). */
  syncOptions?: SyncOptions;
  /**
   * Watch the hot folder set from the app (station.setHotFolder), from now on and at every start. The
   * shells turn it on; off by default (the CLI's `watch` runs its own, a test process watches nothing).
   */
  watchHotFolder?: boolean;
  /** How often the hot folder is looked at (tests scale it down). Default: as `watch` does. */
  hotFolderTiming?: HotFolderTiming;
}

/** What a transport lets its caller do beyond the API itself. */
export interface CallerRights {
  /**
   * Whether the caller may have these files of the station's disk read (default: any file). A caller
   * given this is limited to its own files: it may not name an output folder either.
   */
  mayRead?: (paths: readonly string[]) => Promise<boolean>;
}

export interface Station {
  readonly dataDir: string;
  /** Never throws: every outcome is a reply. */
  dispatch(name: string, args: unknown, rights?: CallerRights): Promise<WireReply<unknown>>;
  subscribe(listener: (push: AnyPush) => void): () => void;
  /** Closes the store: the last call. Korrigo sessions are logged out in the background. */
  close(): void;
  /** Logs the kept Korrigo sessions out, then closes the store. */
  shutdown(): Promise<void>;
}

/** Opens (or creates) the store: throws a KorrigoError for a database it must not use (newer, foreign). */
export function createStation(options: StationOptions): Station {
  const log = options.log ?? ((error: unknown) => console.error('[korrigo-station]', error));
  const listeners = new Set<(push: AnyPush) => void>();
  const publish = (push: AnyPush) => {
    for (const listener of listeners) {
      try {
        listener(push);
      } catch (error) {
        log(error);
      }
    }
  };
  prepareDataDir(options.dataDir);
  const store = openStore(options.dbPath ?? join(options.dataDir, DB_FILE_NAME), {
    create: options.create ?? true,
  });
  const thumbnails = createThumbnails(options.dataDir, store.scansDir);
  const sync = new StationSync(
    store,
    (payload) => publish({ event: 'sync.progress', payload }),
    options.syncOptions,
  );
  const exports = batchExports(store, options.dataDir, options.exportJob ?? exportBatch, log);
  // The hot folder processes through the station's own `batches.process`, as `watch` does through its API.
  const process = (request: { scans: string[]; roster: string }) =>
    handlers['batches.process'].run(processBatchArgs.parse(request));
  const hotFolder = createStationHotFolder({
    dataDir: options.dataDir,
    store,
    process,
    watch: options.watchHotFolder ?? false,
    timing: options.hotFolderTiming,
    onEvent: (event) => {
      if (event.kind === 'refused' || event.kind.endsWith('unavailable'))
        log(`hot folder: ${JSON.stringify(event)}`);
    },
    onChange: (payload) => publish({ event: 'hotFolder.changed', payload }),
    log,
  });
  const handlers = createHandlers({
    dataDir: options.dataDir,
    store,
    exports,
    operator: options.operator ?? osUser(),
    emitProgress: (payload) => publish({ event: 'batch.progress', payload }),
    emitChanged: (payload) => publish({ event: 'batch.changed', payload }),
    thumbnails,
    prefetchThumbnails: options.prefetchThumbnails ?? false,
    sync,
    hotFolder,
    log,
  });
  const close = () => {
    void thumbnails.close();
    store.close();
  };

  return {
    dataDir: options.dataDir,
    async dispatch(name, args, rights = {}) {
      if (!isMethodName(name)) return wireFailure('unknown-method', `The station has no method "${name}"`);
      const handler: Handler<unknown, unknown> = handlers[name];
      const parsed = handler.args.safeParse(args);
      if (!parsed.success)
        return wireFailure('bad-arguments', `Bad arguments for ${name}: ${describeIssues(parsed.error)}`);
      const named = filesNamedBy(name, parsed.data);
      // The same refusal whether the files exist or not: it must not tell.
      if (named.length > 0 && rights.mayRead && !(await rights.mayRead(named)))
        return wireFailure('forbidden', 'This caller may only name files it handed to the station');
      if (rights.mayRead && folderWrittenBy(parsed.data) !== undefined)
        return wireFailure('forbidden', 'This caller may not choose where the station writes');
      if (rights.mayRead && choosesWatchedFolder(name))
        return wireFailure('forbidden', 'This caller may not choose the folder the station watches');
      try {
        return { ok: true, result: await handler.run(parsed.data) };
      } catch (error) {
        return { ok: false, error: toWireError(error, log) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      void hotFolder.stop();
      void sync.close().catch(log);
      close();
    },
    shutdown: async () => {
      await hotFolder.stop();
      // The copy PDFs of the last decisions are written before the store closes.
      await Promise.all([sync.close().catch(log), exports.idle()]);
      close();
    },
  };
}

/** A container may run the station as a uid with no account: decisions are still recorded. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'station';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')} ${issue.message}` : issue.message,
    )
    .join('; ');
}
