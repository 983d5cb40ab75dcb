// What the hot folder already did with each file, by folder and name: a file seen again with the same size
// and modification time is not read again, even after a restart.
import type Database from 'better-sqlite3';

export interface WatchedFile {
  size: number;
  mtimeMs: number;
  sha256: string | null;
  batchId: string | null;
  error: string | null;
}

export function findWatchedFile(
  db: Database.Database,
  folder: string,
  name: string,
): WatchedFile | undefined {
  return db
    .prepare(
      `SELECT size, mtime_ms AS mtimeMs, sha256, batch_id AS batchId, error
       FROM watched_files WHERE folder = ? AND name = ?`,
    )
    .get(folder, name) as WatchedFile | undefined;
}

export function recordWatchedFile(
  db: Database.Database,
  entry: { folder: string; name: string; at: string } & WatchedFile,
): void {
  db.prepare(
    `INSERT INTO watched_files (folder, name, size, mtime_ms, sha256, batch_id, error, seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (folder, name) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms,
       sha256 = excluded.sha256, batch_id = excluded.batch_id, error = excluded.error, seen_at = excluded.seen_at`,
  ).run(
    entry.folder,
    entry.name,
    entry.size,
    entry.mtimeMs,
    entry.sha256,
    entry.batchId,
    entry.error,
    entry.at,
  );
}

/** Whether a file of a watched folder (any, under any name) already made this batch. */
export function isWatchedBatch(db: Database.Database, batchId: string): boolean {
  return db.prepare('SELECT 1 FROM watched_files WHERE batch_id = ? LIMIT 1').get(batchId) !== undefined;
}
