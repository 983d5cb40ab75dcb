// The rescans as they are now (kept out of every copy). Rewritten whole with the copies, in the same
// transaction and after them: each entry names a copy row, and the database refuses a half that is both
// in a rescan and in a copy.
import type Database from 'better-sqlite3';
import type { Half, ManifestRescan } from '../manifest';

export function writeRescans(
  db: Database.Database,
  batchId: string,
  rescans: readonly ManifestRescan[],
): void {
  db.prepare('DELETE FROM set_asides WHERE batch_id = ?').run(batchId);
  const insertEntry = db.prepare(
    'INSERT INTO set_asides (batch_id, ordinal, reason, of_copy) VALUES (?, ?, ?, ?)',
  );
  const insertPage = db.prepare(
    `INSERT INTO set_aside_pages (batch_id, set_aside, ordinal, file, source, half) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  rescans.forEach((entry, ordinal) => {
    insertEntry.run(batchId, ordinal, entry.reason, entry.of);
    entry.pages.forEach((page, index) => {
      insertPage.run(batchId, ordinal, index, page.file, page.source, page.half);
    });
  });
}

interface RawPage {
  set_aside: number;
  file: number;
  source: number;
  half: Half;
}

export function readRescans(db: Database.Database, batchId: string): ManifestRescan[] {
  const pages = db
    .prepare(
      'SELECT set_aside, file, source, half FROM set_aside_pages WHERE batch_id = ? ORDER BY set_aside, ordinal',
    )
    .all(batchId) as RawPage[];
  const entries = db
    .prepare('SELECT ordinal, reason, of_copy FROM set_asides WHERE batch_id = ? ORDER BY ordinal')
    .all(batchId) as { ordinal: number; reason: ManifestRescan['reason']; of_copy: string }[];
  return entries.map((entry) => ({
    pages: pages
      .filter((page) => page.set_aside === entry.ordinal)
      .map(({ file, source, half }) => ({ file, source, half })),
    reason: entry.reason,
    of: entry.of_copy,
  }));
}
