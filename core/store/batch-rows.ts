import type Database from 'better-sqlite3';
import type { ManifestCopy, ManifestRescan } from '../manifest';

export type BatchState = 'imported' | 'planned';

export interface BatchRow {
  id: string;
  stackSha256: string;
  rosterSha256: string;
  state: BatchState;
  /** The stack's warnings, known once planned (the roster's are kept with the roster). */
  warnings: string[];
  /** The copies as planned, before any decision; null until planned. */
  plannedCopies: ManifestCopy[] | null;
  /** The rescans as planned, before any decision; empty until planned. */
  plannedRescans: ManifestRescan[];
  createdAt: string;
  updatedAt: string;
}

export interface BatchSourceRow {
  /** 1-based, as in the manifest. */
  file: number;
  sha256: string;
  fileName: string;
  pages: number;
}

interface RawBatch {
  id: string;
  stack_sha256: string;
  roster_sha256: string;
  state: BatchState;
  warnings: string;
  planned_copies: string | null;
  planned_set_aside: string;
  created_at: string;
  updated_at: string;
}

const toBatch = (row: RawBatch): BatchRow => ({
  id: row.id,
  stackSha256: row.stack_sha256,
  rosterSha256: row.roster_sha256,
  state: row.state,
  warnings: JSON.parse(row.warnings) as string[],
  plannedCopies: row.planned_copies === null ? null : (JSON.parse(row.planned_copies) as ManifestCopy[]),
  plannedRescans: JSON.parse(row.planned_set_aside) as ManifestRescan[],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function findBatch(db: Database.Database, id: string): BatchRow | undefined {
  const row = db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as RawBatch | undefined;
  return row && toBatch(row);
}

export function findBatchByStack(db: Database.Database, stackSha256: string): BatchRow | undefined {
  const row = db.prepare('SELECT * FROM batches WHERE stack_sha256 = ?').get(stackSha256) as
    RawBatch | undefined;
  return row && toBatch(row);
}

export function insertBatch(
  db: Database.Database,
  batch: {
    id: string;
    stackSha256: string;
    rosterSha256: string;
    at: string;
    sources: Omit<BatchSourceRow, 'pages'>[];
  },
): void {
  db.prepare(
    `INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, planned_copies, created_at, updated_at)
     VALUES (?, ?, ?, 'imported', '[]', NULL, ?, ?)`,
  ).run(batch.id, batch.stackSha256, batch.rosterSha256, batch.at, batch.at);
  const insertSource = db.prepare(
    'INSERT INTO batch_sources (batch_id, file, scan_sha256, file_name) VALUES (?, ?, ?, ?)',
  );
  for (const source of batch.sources) insertSource.run(batch.id, source.file, source.sha256, source.fileName);
}

export function batchSources(db: Database.Database, id: string): BatchSourceRow[] {
  return db
    .prepare(
      `SELECT b.file, b.scan_sha256 AS sha256, b.file_name AS fileName, s.pages
       FROM batch_sources b JOIN scans s ON s.sha256 = b.scan_sha256
       WHERE b.batch_id = ? ORDER BY b.file`,
    )
    .all(id) as BatchSourceRow[];
}
