import type { Migration } from '../migration';

// The sync to Korrigo (issue 18). `copy_sync` (schema 1) knew only pending/sending/synced/failed, which cannot
// say where a copy stood when a sync was killed between an upload and its identification; SQLite cannot widen
// a CHECK in place, so the outbox is a new table and `copy_sync` stays as it was (additive only).
export const syncOutbox: Migration = {
  version: 4,
  name: 'sync-outbox',
  sql: /* sql */ `
-- One row per copy the station has meant to send. Written before and after every request to the server, so
-- a sync killed at any point knows what may have reached the server. No foreign key to copies: a copy split
-- or merged after it was sent is gone from copies, and what was sent must stay known.
CREATE TABLE sync_outbox (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  copy_id TEXT NOT NULL,
  -- The server's origin (https://host[:port]) and the exam there.
  server TEXT NOT NULL,
  exam_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'uploading', 'uploaded', 'identifying', 'identified', 'done', 'failed')),
  -- What the copy was when queued or sent (its pages, see copySpecSha256) and for whom: a copy that no longer
  -- matches after it was sent is flagged, never re-sent on its own.
  spec_sha256 TEXT NOT NULL,
  student_email TEXT NOT NULL,
  -- The server's student id once mapped.
  student_id INTEGER,
  -- The file name sent (opaque: no student name goes to the server in a file name).
  file_name TEXT NOT NULL,
  -- The server's copy (UUID) once known from the upload's answer or settled from the copy list.
  remote_copy_id TEXT,
  -- While uploading: the exam's copy ids and individual_pdfs_count just before the request (JSON), and when
  -- it went, so a lost answer can be settled from what the server shows afterwards.
  before_copies TEXT,
  before_count INTEGER,
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- Why the copy is failed, or the last error it met (English, no secret).
  reason TEXT,
  -- Set when the copy changed at the station after it was sent: it needs replacing on the server by hand.
  changed_at TEXT,
  updated_at TEXT NOT NULL,
  done_at TEXT,
  PRIMARY KEY (batch_id, copy_id)
) STRICT;

-- Every login and upload request the station sent, for the server's limits (5 logins in 15 minutes per
-- address, 50 uploads an hour per user): the budget is spent knowingly, across runs.
CREATE TABLE sync_requests (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  server TEXT NOT NULL,
  username TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('login', 'upload')),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sync_requests_window ON sync_requests (server, kind, at);

-- One sync per batch, and per exam, at a time: "host/pid/run" of the holder; a holder whose process is gone
-- is replaced.
CREATE TABLE sync_locks (
  key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  since TEXT NOT NULL
) STRICT;
`,
};
