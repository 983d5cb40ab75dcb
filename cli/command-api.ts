// The API as the CLI calls it: the same handler table as Electron IPC and HTTP, in this process, over the
// command's database. One method has one behaviour and one output shape, whichever front end calls it.
import { dirname } from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../core/api/contract';
import { KorrigoError } from '../core/errors';
import type { ErrorCode } from '../core/errors';
import { createInProcessBridge } from '../core/station/inproc';
import { createStation } from '../core/station/station';
import { resolveDbPath } from '../core/store/location';

export type CommandApi = <K extends MethodName>(name: K, args: ArgsOf<K>) => Promise<ResultOf<K>>;

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
  // An internal error reaches the wire as a generic message; the CLI reports the error itself (its stack
  // with --verbose, a busy database as exit 4).
  let internal: unknown;
  const station = createStation({
    dataDir: dirname(dbPath),
    dbPath,
    create: options.create ?? false,
    ...(options.operator === undefined ? {} : { operator: options.operator }),
    log: (error) => {
      internal = error;
    },
  });
  const bridge = createInProcessBridge(station);
  try {
    const api = async <K extends MethodName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> => {
      const reply = await bridge.invoke(name, args);
      if (reply.ok) return reply.result;
      if (reply.error.code === 'internal' && internal !== undefined) throw internal;
      const { code, message, hint } = reply.error;
      throw new KorrigoError(code as ErrorCode, message, hint === undefined ? {} : { hint });
    };
    return await work(api);
  } finally {
    station.close();
  }
}
