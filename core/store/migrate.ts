// Versioned schema: each migration runs in its own immediate transaction (so two stations opening the same
// file cannot both apply it), and a database that knows versions this code does not is refused untouched.
import type Database from 'better-sqlite3';
import { KorrigoError } from '../errors';
import type { Migration } from './migration';
import { databaseTooNewError, databaseForeignError } from './store-errors';

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

export interface MigrationResult {
  /** Versions this call applied, in order. */
  applied: number[];
  version: number;
}

export function migrate(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[],
  now: () => Date = () => new Date(),
): MigrationResult {
  checkChain(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  const applyNext = db.transaction((migration: Migration) => {
    const recorded = recordedVersions(db);
    checkRecorded(path, recorded, migrations, latest);
    if (recorded.has(migration.version)) return;
    try {
      db.exec(migration.sql);
    } catch (error) {
      throw new KorrigoError(
        'internal',
        `${path}: migration ${migration.version} (${migration.name}) failed, the database is left at its previous version: ${(error as Error).message}`,
        { cause: error },
      );
    }
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      now().toISOString(),
    );
    applied.push(migration.version);
  });

  // A store already up to date is only read: a reader never waits for another process's write lock.
  if (!hasBookkeeping(db)) db.exec(BOOKKEEPING);
  const recorded = recordedVersions(db);
  checkRecorded(path, recorded, migrations, latest);
  for (const migration of migrations) if (!recorded.has(migration.version)) applyNext.immediate(migration);
  return { applied, version: latest };
}

function hasBookkeeping(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !==
    undefined
  );
}

function recordedVersions(db: Database.Database): Map<number, string> {
  const rows = db.prepare('SELECT version, name FROM schema_migrations').all() as {
    version: number;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.version, row.name]));
}

function checkRecorded(
  path: string,
  recorded: ReadonlyMap<number, string>,
  migrations: readonly Migration[],
  latest: number,
): void {
  const newest = Math.max(0, ...recorded.keys());
  if (newest > latest) throw databaseTooNewError(path, newest, latest);
  for (const [version, name] of recorded) {
    const known = migrations.find((migration) => migration.version === version);
    if (known?.name !== name) {
      throw databaseForeignError(
        path,
        `its schema version ${version} is "${name}", where this station has "${known?.name ?? 'nothing'}"`,
      );
    }
  }
}

/** A programming error, caught by the tests: versions must be 1, 2, 3... */
function checkChain(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
