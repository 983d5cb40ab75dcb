// The store behind identification's checkpoint: a side read is written at once, in its own implicit
// transaction (one statement outside any other transaction), so a kill right after `put` returns still
// finds the reading on the next run. It is committed without waiting for the disk (synchronous=NORMAL for
// that one statement): a flush per side cost 3–20 ms of the main thread each, while the workers waited for
// their next side. In WAL mode that loses nothing when the process dies; only a power cut or a system crash
// may lose the readings written since the last flush, and a reading is rebuilt from its scan. Decisions keep
// synchronous=FULL, and their flush carries every reading written before them.
import type Database from 'better-sqlite3';
import type { SideReading, SideReadingCache } from '../identify/types';
import type { Store } from './open-store';
import { currentOwner } from './process-owner';

/** Runs `write` committed without a flush to disk, unless an outer transaction decides that. */
function withoutFlush(db: Database.Database, write: () => void): void {
  if (db.inTransaction) return write();
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    write();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}

export function sideReadingCache(store: Store, batchId: string): SideReadingCache {
  const select = store.db.prepare('SELECT reading FROM side_readings WHERE batch_id = ? AND side_key = ?');
  // A side read again (it should not be) replaces the old reading and names its new reader.
  const upsert = store.db.prepare(
    `INSERT INTO side_readings (batch_id, side_key, reading, read_by, read_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (batch_id, side_key) DO UPDATE
     SET reading = excluded.reading, read_by = excluded.read_by, read_at = excluded.read_at`,
  );
  return {
    get(key) {
      const row = select.get(batchId, key) as { reading: string } | undefined;
      return row && (JSON.parse(row.reading) as SideReading);
    },
    put(key, reading) {
      const row = [batchId, key, JSON.stringify(reading), currentOwner(), store.now().toISOString()];
      withoutFlush(store.db, () => upsert.run(...row));
    },
  };
}
