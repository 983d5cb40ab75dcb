// The append-only log of operator decisions (the database refuses updates and deletes on it).
import type Database from 'better-sqlite3';
import { logActionSchema } from '../decisions/decision-schema';
import type { LogAction, LogEntry } from '../decisions/decision';

export function appendLogEntry(
  db: Database.Database,
  batchId: string,
  entry: { at: string; operator: string; action: LogAction },
): LogEntry {
  const { kind, ...payload } = entry.action;
  const result = db
    .prepare('INSERT INTO decisions (batch_id, at, operator, kind, payload) VALUES (?, ?, ?, ?, ?)')
    .run(batchId, entry.at, entry.operator, kind, JSON.stringify(payload));
  return { seq: Number(result.lastInsertRowid), ...entry };
}

interface RawEntry {
  seq: number;
  at: string;
  operator: string;
  kind: string;
  payload: string;
}

export function readLog(db: Database.Database, batchId: string): LogEntry[] {
  const rows = db
    .prepare('SELECT seq, at, operator, kind, payload FROM decisions WHERE batch_id = ? ORDER BY seq')
    .all(batchId) as RawEntry[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    operator: row.operator,
    action: logActionSchema.parse({ ...(JSON.parse(row.payload) as object), kind: row.kind }),
  }));
}
