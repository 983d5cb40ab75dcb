// Identification's checkpoint in the store: schema 2 over a database of schema 1 with data in it, and a
// side reading committed the moment it is put.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SideReading } from '../../core/identify/types';
import { MIGRATIONS } from '../../core/store/migrations/index';
import { sideReadingCache } from '../../core/store/side-readings';
import { currentOwner } from '../../core/store/process-owner';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores } from './store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const ROSTER = 'a'.repeat(64);
const SCAN = 'b'.repeat(64);

/** What a station of schema 1 holds after an import: a roster, a scan, a batch, a decision. */
function fillSchema1(db: Database.Database): void {
  db.exec(`
    INSERT INTO rosters (sha256, file_name, content, warnings, stored_at)
      VALUES ('${ROSTER}', 'eleves.csv', x'00', '[]', 'then');
    INSERT INTO scans (sha256, size, pages, stored_at) VALUES ('${SCAN}', 10, 2, 'then');
    INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, created_at, updated_at)
      VALUES ('batch1', 's', '${ROSTER}', 'imported', '[]', 'then', 'then');
    INSERT INTO batch_sources (batch_id, file, scan_sha256, file_name) VALUES ('batch1', 1, '${SCAN}', 'SKM1.pdf');
    INSERT INTO decisions (batch_id, at, operator, kind, payload)
      VALUES ('batch1', 'then', 'alice', 'validate-copy', '{"copyId":"x"}');
  `);
}

const READING: SideReading = {
  role: 'recto',
  upsideDown: false,
  header: {
    lastName: { alphabet: 'AB', cells: [{ empty: 0.125, probs: [0.1, 0.9] }] },
    firstName: { alphabet: 'AB', cells: [] },
    birthDate: { alphabet: '01', cells: [{ empty: 1, probs: [0.5, 0.5] }] },
    empty: false,
  },
  pageBoxes: [null, null],
  blank: [false, true],
  // A value that does not survive a careless round trip (not a short decimal).
  notes: [`${1 / 3}`],
};

describe('side readings (schema 2)', () => {
  it('upgrades a schema 1 database with data in it, keeping the data, the keys and the log', () => {
    const old = openTestStore({ migrations: MIGRATIONS.slice(0, 1) });
    fillSchema1(old.db);
    old.close();

    const store = openTestStore({ now: FIXED_NOW, migrations: MIGRATIONS.slice(0, 2) });
    expect(store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'init' },
      { version: 2, name: 'side-readings' },
    ]);
    expect(store.db.prepare('SELECT id, state FROM batches').all()).toEqual([
      { id: 'batch1', state: 'imported' },
    ]);
    expect(store.db.prepare('SELECT operator, kind FROM decisions').all()).toEqual([
      { operator: 'alice', kind: 'validate-copy' },
    ]);
    // The new table is usable for the old batch, and refuses a batch that does not exist.
    const cache = sideReadingCache(store, 'batch1');
    cache.put(`${SCAN}:1`, READING);
    expect(cache.get(`${SCAN}:1`)).toEqual(READING);
    expect(() => sideReadingCache(store, 'nobatch').put(`${SCAN}:1`, READING)).toThrow(/FOREIGN KEY/);
    // The log is still append-only after the upgrade.
    expect(() => store.db.exec('DELETE FROM decisions')).toThrow(/append-only/);
  });

  it('commits each reading at once, visible to another connection while the first is still open', () => {
    const store = openTestStore({ now: FIXED_NOW });
    fillSchema1(store.db);
    const cache = sideReadingCache(store, 'batch1');
    expect(cache.get(`${SCAN}:1`)).toBeUndefined();
    cache.put(`${SCAN}:1`, READING);

    // A second process would see exactly this: the row is committed, not waiting in a transaction.
    const other = new Database(store.path, { readonly: true });
    const rows = other
      .prepare('SELECT batch_id, side_key, reading, read_by, read_at FROM side_readings')
      .all();
    other.close();
    expect(rows).toEqual([
      {
        batch_id: 'batch1',
        side_key: `${SCAN}:1`,
        reading: JSON.stringify(READING),
        read_by: currentOwner(),
        read_at: '2026-03-02T08:30:00.000Z',
      },
    ]);
    expect(store.db.inTransaction).toBe(false);
    // Committed without its own flush, and the connection is back to flushing every commit (decisions).
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps one row per side: a side put again replaces its reading, batches do not share readings', () => {
    const store = openTestStore();
    fillSchema1(store.db);
    const cache = sideReadingCache(store, 'batch1');
    cache.put(`${SCAN}:2`, READING);
    cache.put(`${SCAN}:2`, { ...READING, role: 'verso', header: null });
    expect(cache.get(`${SCAN}:2`)?.role).toBe('verso');
    expect(store.db.prepare('SELECT count(*) AS n FROM side_readings').get()).toEqual({ n: 1 });
    store.db
      .exec(`INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, created_at, updated_at)
      VALUES ('batch2', 's2', '${ROSTER}', 'imported', '[]', 'now', 'now')`);
    expect(sideReadingCache(store, 'batch2').get(`${SCAN}:2`)).toBeUndefined();
  });
});
