// What `korrigo-station batches` lists: each batch with the counts an operator checks before leaving.
import type Database from 'better-sqlite3';
import type { BatchState } from './batch-rows';

export interface StoredBatchSummary {
  id: string;
  state: BatchState;
  createdAt: string;
  /** Scanner file names, in stack order. */
  sources: string[];
  roster: string;
  copies: number;
  ready: number;
  needsReview: number;
  /** Copies the Korrigo server has, identified, as they are now at the station (schema 4's outbox). */
  synced: number;
}

interface RawSummary {
  id: string;
  state: BatchState;
  createdAt: string;
  sources: string;
  roster: string;
  copies: number;
  ready: number;
  needsReview: number;
  synced: number;
}

export function batchSummaries(db: Database.Database): StoredBatchSummary[] {
  const rows = db
    .prepare(
      `SELECT b.id, b.state, b.created_at AS createdAt, r.file_name AS roster,
         (SELECT json_group_array(file_name) FROM (SELECT file_name FROM batch_sources WHERE batch_id = b.id ORDER BY file)) AS sources,
         (SELECT count(*) FROM copies c WHERE c.batch_id = b.id) AS copies,
         (SELECT count(*) FROM copies c WHERE c.batch_id = b.id AND c.status = 'ready') AS ready,
         (SELECT count(*) FROM copies c WHERE c.batch_id = b.id AND c.status = 'needs_review') AS needsReview,
         (SELECT count(*) FROM copies c JOIN sync_outbox s ON s.batch_id = c.batch_id AND s.copy_id = c.id
            WHERE c.batch_id = b.id AND s.state = 'done' AND s.changed_at IS NULL) AS synced
       FROM batches b JOIN rosters r ON r.sha256 = b.roster_sha256
       ORDER BY b.created_at DESC, b.id`,
    )
    .all() as RawSummary[];
  return rows.map((row) => ({ ...row, sources: JSON.parse(row.sources) as string[] }));
}
