// The sync outbox (schema 4): where each copy stands with the Korrigo server, the requests that count
// against the server's limits, and the locks that keep one sync per batch and per exam.
import type Database from 'better-sqlite3';
import type { SyncReasonCode, SyncState } from '../api/sync-types';

export type { SyncReasonCode, SyncState };

/** Why a copy stands where it does: a code the UI translates, and English details. */
export interface SyncReason {
  code: SyncReasonCode;
  text: string;
}

export interface OutboxRow {
  batchId: string;
  copyId: string;
  server: string;
  examId: string;
  state: SyncState;
  specSha256: string;
  studentEmail: string;
  studentId: number | null;
  fileName: string;
  remoteCopyId: string | null;
  /** Copy ids the exam had just before the upload went. */
  beforeCopies: string[] | null;
  beforeCount: number | null;
  sentAt: string | null;
  attempts: number;
  reason: string | null;
  reasonCode: SyncReasonCode | null;
  changedAt: string | null;
  updatedAt: string;
  doneAt: string | null;
}

const COLUMNS = `batch_id AS batchId, copy_id AS copyId, server, exam_id AS examId, state,
  spec_sha256 AS specSha256, student_email AS studentEmail, student_id AS studentId, file_name AS fileName,
  remote_copy_id AS remoteCopyId, before_copies AS beforeCopies, before_count AS beforeCount,
  sent_at AS sentAt, attempts, reason, reason_code AS reasonCode, changed_at AS changedAt, updated_at AS updatedAt, done_at AS doneAt`;

type RawRow = Omit<OutboxRow, 'beforeCopies'> & { beforeCopies: string | null };

const fromRaw = (row: RawRow): OutboxRow => ({
  ...row,
  beforeCopies: row.beforeCopies === null ? null : (JSON.parse(row.beforeCopies) as string[]),
});

export function readOutbox(db: Database.Database, batchId: string): OutboxRow[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM sync_outbox WHERE batch_id = ? ORDER BY copy_id`)
      .all(batchId) as RawRow[]
  ).map(fromRaw);
}

export function findOutboxRow(db: Database.Database, batchId: string, copyId: string): OutboxRow | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM sync_outbox WHERE batch_id = ? AND copy_id = ?`)
    .get(batchId, copyId) as RawRow | undefined;
  return row && fromRaw(row);
}

/** A copy entering the outbox, or a queued one whose content or target changed before anything was sent. */
export function queueCopy(
  db: Database.Database,
  row: Pick<
    OutboxRow,
    'batchId' | 'copyId' | 'server' | 'examId' | 'specSha256' | 'studentEmail' | 'fileName'
  >,
  at: string,
): void {
  db.prepare(
    `INSERT INTO sync_outbox (batch_id, copy_id, server, exam_id, state, spec_sha256, student_email, file_name, updated_at)
     VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)
     ON CONFLICT (batch_id, copy_id) DO UPDATE SET server = excluded.server, exam_id = excluded.exam_id,
       state = 'queued', spec_sha256 = excluded.spec_sha256, student_email = excluded.student_email,
       student_id = NULL, file_name = excluded.file_name, reason = NULL, reason_code = NULL, updated_at = excluded.updated_at`,
  ).run(row.batchId, row.copyId, row.server, row.examId, row.specSha256, row.studentEmail, row.fileName, at);
}

type PlainPatch = Partial<
  Pick<
    OutboxRow,
    | 'state'
    | 'studentId'
    | 'remoteCopyId'
    | 'beforeCopies'
    | 'beforeCount'
    | 'sentAt'
    | 'attempts'
    | 'changedAt'
    | 'doneAt'
    | 'specSha256'
    | 'studentEmail'
  >
>;

/** A step's changes; `reason` sets the text and its code together (null clears both). */
export type OutboxPatch = PlainPatch & { reason?: SyncReason | null };

const PATCH_COLUMNS: Record<keyof PlainPatch, string> = {
  state: 'state',
  studentId: 'student_id',
  remoteCopyId: 'remote_copy_id',
  beforeCopies: 'before_copies',
  beforeCount: 'before_count',
  sentAt: 'sent_at',
  attempts: 'attempts',
  changedAt: 'changed_at',
  doneAt: 'done_at',
  specSha256: 'spec_sha256',
  studentEmail: 'student_email',
};

/** One committed step of a copy (its own transaction: it must survive a kill right after). */
export function updateOutbox(
  db: Database.Database,
  key: { batchId: string; copyId: string },
  patch: OutboxPatch,
  at: string,
): void {
  const { reason, ...plain } = patch;
  const entries = Object.entries(plain) as [keyof PlainPatch, unknown][];
  const sets = entries.map(([name]) => `${PATCH_COLUMNS[name]} = ?`);
  const values = entries.map(([name, value]) =>
    name === 'beforeCopies' && value !== null ? JSON.stringify(value) : value,
  );
  if (reason !== undefined) {
    sets.push('reason = ?', 'reason_code = ?');
    values.push(reason?.text ?? null, reason?.code ?? null);
  }
  db.prepare(
    `UPDATE sync_outbox SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE batch_id = ? AND copy_id = ?`,
  ).run(...values, at, key.batchId, key.copyId);
}

/** The station forgets what it knew of this copy and the server: the next sync plans it afresh. */
export function deleteOutboxRow(db: Database.Database, key: { batchId: string; copyId: string }): void {
  db.prepare('DELETE FROM sync_outbox WHERE batch_id = ? AND copy_id = ?').run(key.batchId, key.copyId);
}

export type LimitedRequest = 'login' | 'upload';

export function recordRequest(
  db: Database.Database,
  request: { server: string; username: string; kind: LimitedRequest; at: string },
): void {
  db.prepare('INSERT INTO sync_requests (server, username, kind, at) VALUES (?, ?, ?, ?)').run(
    request.server,
    request.username,
    request.kind,
    request.at,
  );
}

/** When each such request went since `since`, oldest first. Logins count per server, uploads per user. */
export function requestTimes(
  db: Database.Database,
  query: { server: string; username?: string; kind: LimitedRequest; since: string },
): string[] {
  const rows = db
    .prepare(
      `SELECT at FROM sync_requests WHERE server = ? AND kind = ? AND at > ? AND (? IS NULL OR username = ?)
       ORDER BY at`,
    )
    .all(query.server, query.kind, query.since, query.username ?? null, query.username ?? null) as {
    at: string;
  }[];
  return rows.map((row) => row.at);
}

export function lockHolder(db: Database.Database, key: string): { owner: string; since: string } | undefined {
  return db.prepare('SELECT owner, since FROM sync_locks WHERE key = ?').get(key) as
    { owner: string; since: string } | undefined;
}

export function setLock(db: Database.Database, key: string, owner: string, since: string): void {
  db.prepare(
    'INSERT INTO sync_locks (key, owner, since) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, since = excluded.since',
  ).run(key, owner, since);
}

export function releaseLock(db: Database.Database, key: string, owner: string): void {
  db.prepare('DELETE FROM sync_locks WHERE key = ? AND owner = ?').run(key, owner);
}
