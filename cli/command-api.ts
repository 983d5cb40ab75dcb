// The API as the CLI calls it: the same handler table as Electron IPC and HTTP, in this process, over the
// command's database. One method has one behaviour and one output shape, whichever front end calls it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ArgsOf, KorrigoBridge, MethodName, ResultOf } from '../core/api/contract';
import { KorrigoError } from '../core/errors';
import type { ErrorCode } from '../core/errors';
import { createInProcessBridge } from '../core/station/inproc';
import { createStation } from '../core/station/station';
import { DB_FILE_NAME, resolveDbPath } from '../core/store/location';
import { databaseBusyError, isDatabaseBusy } from '../core/store/store-errors';

export interface CommandApi {
  call<K extends MethodName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
  /** The station's push events (a run's progress). */
  on: KorrigoBridge['on'];
  /** The database the station works on. */
  dbPath: string;
}

export interface CommandApiOptions {
  /** Who decisions are recorded as (--by); default: the OS user. */
  operator?: string;
  /** Reading commands never create a database where a typo pointed. */
  create?: boolean;
}

/** Runs `work` against the station of the command's database (--db, $KORRIGO_DB, the data dir's) and closes it. */
export async function withCommandApi<T>(
  db: string | undefined,
  work: (api: CommandApi) => Promise<T>,
  options: CommandApiOptions = {},
): Promise<T> {
  const dbPath = resolveDbPath(db);
  return withStation(dirname(dbPath), dbPath, options, work);
}

/** The same on a station made for this command and thrown away after it (`process` without --db). */
export async function withThrowawayApi<T>(work: (api: CommandApi) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'korrigo-process-'));
  try {
    return await withStation(dataDir, join(dataDir, DB_FILE_NAME), { create: true }, work);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function withStation<T>(
  dataDir: string,
  dbPath: string,
  options: CommandApiOptions,
  work: (api: CommandApi) => Promise<T>,
): Promise<T> {
  // An internal error reaches the wire as a generic message; the CLI reports the error itself (its stack
  // with --verbose, a busy database as exit 4).
  let internal: unknown;
  const station = createStation({
    dataDir,
    dbPath,
    create: options.create ?? false,
    ...(options.operator === undefined ? {} : { operator: options.operator }),
    log: (error) => {
      internal = error;
    },
  });
  const bridge = createInProcessBridge(station);
  try {
    const call = async <K extends MethodName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
      const reply = await bridge.invoke(name, args);
      if (reply.ok) return reply.result;
      if (reply.error.code === 'internal' && internal !== undefined) {
        // A writer that waited past the busy timeout: the operator is told which database, and exit 4.
        throw isDatabaseBusy(internal) ? databaseBusyError(dbPath, internal) : internal;
      }
      const { code, message, hint } = reply.error;
      throw new KorrigoError(code as ErrorCode, message, hint === undefined ? {} : { hint });
    };
    return await work({ call, on: bridge.on, dbPath });
  } finally {
    station.close();
  }
}
