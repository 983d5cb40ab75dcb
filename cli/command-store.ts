// The database the store's commands (batches, export, watch, decide...) work on, and their --db help.
import { resolveDbPath } from '../core/store/location';
import { openStore } from '../core/store/open-store';
import type { Store } from '../core/store/open-store';
import { databaseBusyError, isDatabaseBusy } from '../core/store/store-errors';

export const DB_OPTION_HELP = `  --db <file>      the station database (default: $KORRIGO_DB, else station.sqlite in the station's
                   data folder, the desktop app's; $KORRIGO_DATA_DIR moves that folder)`;

/**
 * Runs `work` on the command's database and closes it, whatever happens. For what the API does not cover
 * (the hot folder's notes, the sync); reading commands (create false) never create a database.
 */
export async function withCommandStore<T>(
  db: string | undefined,
  create: boolean,
  work: (store: Store) => T | Promise<T>,
): Promise<T> {
  const store = openStore(resolveDbPath(db), { create });
  try {
    return await work(store);
  } catch (error) {
    // Opening no longer waits for the write lock (a reader never needs it): a writer meets it here.
    throw isDatabaseBusy(error) ? databaseBusyError(store.path, error) : error;
  } finally {
    store.close();
  }
}
