// The station's database: one better-sqlite3 connection per process, WAL (readers never block the writer,
// and a crash mid-transaction leaves the last committed state), foreign keys enforced, synchronous=FULL so a
// committed decision survives a power cut. Scans live in a `scans` folder beside the database file.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KorrigoError } from '../errors';
import { migrate } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations/index';
import {
  databaseBusyError,
  databaseForeignError,
  databaseMissingError,
  isDatabaseBusy,
} from './store-errors';

export interface Store {
  readonly db: Database.Database;
  /** Absolute path of the database file, for messages. */
  readonly path: string;
  /** Content-addressed copies of the scan PDFs: `<sha256>.pdf`, read-only. */
  readonly scansDir: string;
  now(): Date;
  close(): void;
}

export interface OpenStoreOptions {
  /** Create the database when missing (default true); reading commands refuse a missing one instead. */
  create?: boolean;
  /** The schema chain; tests pass their own to exercise upgrades. */
  migrations?: readonly Migration[];
  now?: () => Date;
}

const BUSY_TIMEOUT_MS = 5000;

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const path = resolve(file);
  const create = options.create ?? true;
  if (!create && !existsSync(path)) throw databaseMissingError(path);
  const db = connect(path, create);
  const now = options.now ?? (() => new Date());
  try {
    refuseForeignDatabase(db, path);
    migrate(db, path, options.migrations ?? MIGRATIONS, now);
  } catch (error) {
    db.close();
    // Every open takes the write lock for a moment, to check the migrations.
    throw isDatabaseBusy(error) ? databaseBusyError(path, error) : error;
  }
  return { db, path, scansDir: join(dirname(path), 'scans'), now, close: () => db.close() };
}

function connect(path: string, create: boolean): Database.Database {
  try {
    if (create) mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, { fileMustExist: !create });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  } catch (error) {
    if (isDatabaseBusy(error)) throw databaseBusyError(path, error);
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw databaseForeignError(path, 'the file is not an SQLite database, or it is damaged');
    }
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new KorrigoError('file-unreadable', `${path}: cannot open the station database: ${reason}`, {
      cause: error,
    });
  }
}

/** Another program's SQLite file must not receive the station's tables. */
function refuseForeignDatabase(db: Database.Database, path: string): void {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  )
    .map((row) => row.name)
    .filter((name) => !name.startsWith('sqlite_'));
  if (names.length > 0 && !names.includes('schema_migrations')) {
    throw databaseForeignError(path, `it holds other tables (${names.slice(0, 3).join(', ')}...)`);
  }
}
