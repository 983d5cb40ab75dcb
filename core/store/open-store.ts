// The station's database: one better-sqlite3 connection per process, WAL (readers never block the writer,
// and a crash mid-transaction leaves the last committed state), foreign keys enforced, synchronous=FULL so a
// committed decision survives a power cut. Scans live in a `scans` folder beside the database file.
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KorrigoError } from '../errors';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../data-dir';
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
  const existed = existsSync(path);
  if (!create && !existed) throw databaseMissingError(path);
  if (existed) refuseUnusableFile(path, create);
  const db = connect(path, create);
  const now = options.now ?? (() => new Date());
  try {
    if (!existed && process.platform !== 'win32') chmodSync(path, OWNER_ONLY_FILE);
    migrate(db, path, options.migrations ?? MIGRATIONS, now);
  } catch (error) {
    db.close();
    // A store to migrate takes the write lock for a moment.
    if (isDatabaseBusy(error)) throw databaseBusyError(path, error);
    throw diskError(path, (error as { cause?: unknown }).cause ?? error) ?? error;
  }
  return { db, path, scansDir: join(dirname(path), 'scans'), now, close: () => db.close() };
}

function connect(path: string, create: boolean): Database.Database {
  try {
    if (create) mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_DIR });
    const db = new Database(path, { fileMustExist: !create });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // Before anything that writes (journal_mode does): a file the station refuses is left as it was.
      refuseForeignDatabase(db, path);
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
    if (error instanceof KorrigoError) throw error;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw databaseForeignError(path, 'the file is not an SQLite database, or it is damaged');
    }
    const disk = diskError(path, error);
    if (disk) throw disk;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new KorrigoError('file-unreadable', `${path}: cannot open the station database: ${reason}`, {
      cause: error,
    });
  }
}

/** A full or failing disk, said in words (SQLite says "disk I/O error"), or undefined for anything else. */
function diskError(path: string, error: unknown): KorrigoError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const full = code === 'SQLITE_FULL' || code === 'ENOSPC';
  if (!full && !code.startsWith('SQLITE_IOERR')) return undefined;
  const problem = full ? 'the disk is full' : 'the disk refused to write (full, or failing)';
  return new KorrigoError('output-invalid', `${path}: cannot open the station database: ${problem}`, {
    hint: 'free some space on that disk, or give another --db',
    cause: error,
  });
}

/** A folder, or a file this process may not write when it means to write: said in words, before SQLite. */
function refuseUnusableFile(path: string, write: boolean): void {
  const info = statSync(path);
  if (info.isDirectory()) {
    throw new KorrigoError('file-unreadable', `${path} is a folder, not a station database file`, {
      hint: 'give the path of a file, e.g. station.sqlite in that folder',
    });
  }
  if (!info.isFile()) {
    throw new KorrigoError('file-unreadable', `${path} is not a regular file (a device, a pipe or a socket)`);
  }
  if (!write) return;
  for (const target of [path, dirname(path)]) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      const what = target === path ? 'the database file is read-only' : 'its folder is read-only';
      throw new KorrigoError('file-unreadable', `${path}: cannot write to the station database: ${what}`, {
        hint: 'give write permission to this user, or another --db',
      });
    }
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
