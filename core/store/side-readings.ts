// The store behind identification's checkpoint: a side read is written at once, in its own implicit
// transaction (one statement outside any other transaction, committed with synchronous=FULL), so a kill
// right after `put` returns still finds the reading on the next run.
import type { SideReading, SideReadingCache } from '../identify/types';
import type { Store } from './open-store';
import { currentOwner } from './process-owner';

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
      upsert.run(batchId, key, JSON.stringify(reading), currentOwner(), store.now().toISOString());
    },
  };
}
