// Per-copy checkpoints of an export: recorded right after the copy's PDF is renamed into place.
import type Database from 'better-sqlite3';

export interface CopyOutput {
  specSha256: string;
  fileSha256: string;
}

export function findCopyOutput(
  db: Database.Database,
  key: { outDir: string; batchId: string; copyId: string },
): CopyOutput | undefined {
  return db
    .prepare(
      `SELECT spec_sha256 AS specSha256, file_sha256 AS fileSha256 FROM copy_outputs
       WHERE out_dir = ? AND batch_id = ? AND copy_id = ?`,
    )
    .get(key.outDir, key.batchId, key.copyId) as CopyOutput | undefined;
}

export function recordCopyOutput(
  db: Database.Database,
  output: { outDir: string; batchId: string; copyId: string; at: string } & CopyOutput,
): void {
  db.prepare(
    `INSERT INTO copy_outputs (out_dir, batch_id, copy_id, spec_sha256, file_sha256, written_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (out_dir, batch_id, copy_id)
     DO UPDATE SET spec_sha256 = excluded.spec_sha256, file_sha256 = excluded.file_sha256, written_at = excluded.written_at`,
  ).run(output.outDir, output.batchId, output.copyId, output.specSha256, output.fileSha256, output.at);
}
