// Export jobs: one running job per batch and output folder. A job left `running` by a process that is gone
// (killed, crashed, power cut) is taken over by the next run; one whose process is alive is not.
import type Database from 'better-sqlite3';

export type JobStage = 'plan' | 'copies' | 'manifest' | 'done';

export interface JobRow {
  id: number;
  batchId: string;
  outDir: string;
  state: 'running' | 'done' | 'failed';
  stage: JobStage;
  owner: string;
  error: string | null;
  startedAt: string;
  updatedAt: string;
}

const SELECT = `SELECT id, batch_id AS batchId, out_dir AS outDir, state, stage, owner, error,
  started_at AS startedAt, updated_at AS updatedAt FROM jobs`;

export function runningJob(db: Database.Database, batchId: string, outDir: string): JobRow | undefined {
  return db
    .prepare(`${SELECT} WHERE batch_id = ? AND out_dir = ? AND state = 'running' ORDER BY id DESC`)
    .get(batchId, outDir) as JobRow | undefined;
}

export function startJob(
  db: Database.Database,
  job: { batchId: string; outDir: string; owner: string; at: string },
): number {
  const result = db
    .prepare(
      `INSERT INTO jobs (batch_id, out_dir, state, stage, owner, error, started_at, updated_at)
       VALUES (?, ?, 'running', 'plan', ?, NULL, ?, ?)`,
    )
    .run(job.batchId, job.outDir, job.owner, job.at, job.at);
  return Number(result.lastInsertRowid);
}

export function takeOverJob(db: Database.Database, id: number, owner: string, at: string): void {
  db.prepare('UPDATE jobs SET owner = ?, updated_at = ? WHERE id = ?').run(owner, at, id);
}

export function setJobStage(db: Database.Database, id: number, stage: JobStage, at: string): void {
  const state = stage === 'done' ? 'done' : 'running';
  db.prepare('UPDATE jobs SET stage = ?, state = ?, updated_at = ? WHERE id = ?').run(stage, state, at, id);
}

export function failJob(db: Database.Database, id: number, error: string, at: string): void {
  db.prepare(`UPDATE jobs SET state = 'failed', error = ?, updated_at = ? WHERE id = ?`).run(error, at, id);
}
