import { join } from 'node:path';
import { resolveDataDir } from '../data-dir';

export const DB_FILE_NAME = 'station.sqlite';

/**
 * The CLI's database: `--db <file>` when given, else $KORRIGO_DB, else `station.sqlite` in the station's
 * data dir (the folder the desktop app uses, so both see the same batches).
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.KORRIGO_DB || join(resolveDataDir(env), DB_FILE_NAME));
}
