// Schema 7 over side readings a station at schema 6 checkpointed: a reading whose fingerprint keeps its cells
// as numbers is dropped (that side is read again when the job resumes), every other reading is kept as it
// was, and readings written from then on carry their cells as text.
import { describe, expect, it } from 'vitest';
import { encodeInkedCells } from '../../core/identify/fingerprint/inked-cells';
import type { SideReading } from '../../core/identify/types';
import { MIGRATIONS } from '../../core/store/migrations/index';
import { sideReadingCache } from '../../core/store/side-readings';
import { useTempDir } from '../pipeline/temp-dir';
import { useStores } from './store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const ROSTER = 'a'.repeat(64);
const reading = (pages: unknown[] | null): SideReading =>
  ({
    role: 'verso',
    upsideDown: false,
    header: null,
    pageBoxes: [null, null],
    blank: [false, false],
    notes: [],
    ...(pages ? { fingerprint: { cellMm: 1, columns: 4, rows: 3, pages, skewDegrees: 0 } } : {}),
  }) as SideReading;

describe('schema 7 over side readings of schema 6', () => {
  it('drops the readings whose fingerprint holds numbers and keeps the others', () => {
    const old = openTestStore({ migrations: MIGRATIONS.slice(0, 6) });
    old.db.exec(`
      INSERT INTO rosters VALUES ('${ROSTER}', 'eleves.csv', x'00', '[]', 'now');
      INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, created_at, updated_at)
        VALUES ('b1', 's1', '${ROSTER}', 'imported', '[]', 'now', 'now');
    `);
    const insert = old.db.prepare("INSERT INTO side_readings VALUES ('b1', ?, ?, 'host/1', 'now')");
    insert.run('scan:1', JSON.stringify(reading([[0, 40, 5, 100], []])));
    insert.run('scan:2', JSON.stringify(reading(null)));
    old.close();

    const store = openTestStore();
    const cache = sideReadingCache(store, 'b1');
    expect(cache.get('scan:1')).toBeUndefined();
    expect(cache.get('scan:2')).toEqual(reading(null));
    const text = reading([encodeInkedCells([0, 40, 5, 100]), '']);
    cache.put('scan:1', text);
    expect(cache.get('scan:1')).toEqual(text);
    store.close();
  });
});
