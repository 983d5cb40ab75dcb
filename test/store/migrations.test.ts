import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isKorrigoError } from '../../core/errors';
import type { Migration } from '../../core/store/migration';
import { MIGRATIONS } from '../../core/store/migrations/index';
import { openStore } from '../../core/store/open-store';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores } from './store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((row) => row.name)
    .filter((name) => !name.startsWith('sqlite_'));

const versions = (db: Database.Database) =>
  db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as object[];

/** A next schema version as a later release would ship it: a new table and a new nullable column. */
const NEXT: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test-next',
  sql: 'CREATE TABLE thumbnails (page TEXT PRIMARY KEY) STRICT; ALTER TABLE batches ADD COLUMN label TEXT;',
};

function expectRefused(open: () => unknown, message: RegExp): void {
  try {
    open();
  } catch (error) {
    expect(isKorrigoError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('the database was opened');
}

function insertRoster(db: Database.Database): void {
  db.prepare(
    `INSERT INTO rosters (sha256, file_name, content, warnings, stored_at) VALUES (?, 'eleves.csv', x'00', '[]', 'now')`,
  ).run('a'.repeat(64));
}

describe('station database migrations', () => {
  it('builds the whole schema on an empty file, in WAL mode with foreign keys on', () => {
    const store = openTestStore({ now: FIXED_NOW });
    expect(versions(store.db)).toEqual([
      { version: 1, name: 'init' },
      { version: 2, name: 'side-readings' },
      { version: 3, name: 'annexes-set-aside' },
      { version: 4, name: 'sync-outbox' },
      { version: 5, name: 'sync-reason-code' },
      { version: 6, name: 'page-order-checked' },
      { version: 7, name: 'fingerprint-text' },
    ]);
    expect(tables(store.db)).toEqual(
      [
        'batch_sources',
        'batches',
        'copies',
        'copy_outputs',
        'copy_pages',
        'copy_sync',
        'decisions',
        'jobs',
        'pages',
        'roster_students',
        'rosters',
        'scans',
        'schema_migrations',
        'set_aside_pages',
        'set_asides',
        'sheets',
        'side_readings',
        'sync_locks',
        'sync_outbox',
        'sync_requests',
        'watched_files',
      ].sort(),
    );
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    // Foreign keys are really enforced: a batch needs its roster.
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, created_at, updated_at)
           VALUES ('b', 's', ?, 'imported', '[]', 'now', 'now')`,
        )
        .run('f'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
  });

  it('opens an up-to-date database without applying anything again', () => {
    openTestStore().close();
    const store = openTestStore();
    expect(versions(store.db)).toHaveLength(MIGRATIONS.length);
  });

  it('upgrades a database of the previous version, keeping its data', () => {
    const old = openTestStore();
    insertRoster(old.db);
    old.close();

    const store = openTestStore({ migrations: [...MIGRATIONS, NEXT] });
    expect(versions(store.db)).toEqual([
      ...MIGRATIONS.map(({ version, name }) => ({ version, name })),
      { version: MIGRATIONS.length + 1, name: 'test-next' },
    ]);
    expect(store.db.prepare('SELECT file_name FROM rosters').all()).toEqual([{ file_name: 'eleves.csv' }]);
    expect(tables(store.db)).toContain('thumbnails');
  });

  it('refuses a database from a newer station, and leaves it untouched', () => {
    openTestStore({ migrations: [...MIGRATIONS, NEXT] }).close();
    expectRefused(
      () => openTestStore(),
      new RegExp(
        `station\\.sqlite: the station database is at schema version ${MIGRATIONS.length + 1}, newer than this station knows \\(${MIGRATIONS.length}\\)`,
      ),
    );
    const db = new Database(join(tempDir(), 'station.sqlite'));
    expect(versions(db)).toHaveLength(MIGRATIONS.length + 1);
    db.close();
  });

  it('refuses a database whose history differs from this station (another branch of the schema)', () => {
    openTestStore({ migrations: [...MIGRATIONS, NEXT] }).close();
    expectRefused(
      () => openTestStore({ migrations: [...MIGRATIONS, { ...NEXT, name: 'other' }] }),
      new RegExp(
        `its schema version ${MIGRATIONS.length + 1} is "test-next", where this station has "other"`,
      ),
    );
  });

  it('rolls a failing migration back whole: the database stays at its previous version', () => {
    const old = openTestStore();
    insertRoster(old.db);
    old.close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expectRefused(
      () => openTestStore({ migrations: [...MIGRATIONS, broken] }),
      new RegExp(`migration ${MIGRATIONS.length + 1} \\(broken\\) failed`),
    );
    const store = openTestStore();
    expect(versions(store.db)).toHaveLength(MIGRATIONS.length);
    expect(tables(store.db)).not.toContain('half_done');
    expect(store.db.prepare('SELECT count(*) AS n FROM rosters').get()).toEqual({ n: 1 });
  });

  it("refuses a file that is not a database, and another program's database", async () => {
    await writeFile(join(tempDir(), 'notes.sqlite'), 'just some text, not SQLite at all'.repeat(10));
    expectRefused(
      () => openTestStore({ file: 'notes.sqlite' }),
      /notes\.sqlite: not a database of this station/,
    );

    const other = new Database(join(tempDir(), 'budget.sqlite'));
    other.exec('CREATE TABLE accounts (id INTEGER)');
    other.close();
    expectRefused(() => openTestStore({ file: 'budget.sqlite' }), /it holds other tables \(accounts/);
  });

  it('refuses a missing database when asked not to create one', () => {
    expectRefused(
      () => openStore(join(tempDir(), 'nothing.sqlite'), { create: false }),
      /nothing\.sqlite: no station database here/,
    );
  });

  it('keeps the decision log append-only in the database itself', () => {
    const store = openTestStore();
    insertRoster(store.db);
    store.db
      .exec(`INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, created_at, updated_at)
      VALUES ('b', 's', '${'a'.repeat(64)}', 'planned', '[]', 'now', 'now')`);
    store.db.exec(`INSERT INTO decisions (batch_id, at, operator, kind, payload)
      VALUES ('b', 'now', 'alice', 'validate-copy', '{"copyId":"x"}')`);
    expect(() => store.db.exec("UPDATE decisions SET operator = 'mallory'")).toThrow(/append-only/);
    expect(() => store.db.exec('DELETE FROM decisions')).toThrow(/append-only/);
  });
});
