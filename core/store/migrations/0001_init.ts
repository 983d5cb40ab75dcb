import type { Migration } from '../migration';

// The first schema. Scans and rosters are stored by content hash, so importing the same files twice finds
// the same rows; everything below `batches` is derived from them plus the operator's decisions.
export const init: Migration = {
  version: 1,
  name: 'init',
  sql: /* sql */ `
CREATE TABLE scans (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;

CREATE TABLE rosters (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  file_name TEXT NOT NULL,
  content BLOB NOT NULL,
  warnings TEXT NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;

CREATE TABLE roster_students (
  roster_sha256 TEXT NOT NULL REFERENCES rosters (sha256),
  line INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- Normalised name tokens (accents stripped, upper case) joined by spaces: SQLite has no ICU here.
  match_name TEXT NOT NULL,
  email TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  class_name TEXT NOT NULL,
  extra TEXT NOT NULL,
  PRIMARY KEY (roster_sha256, line)
) STRICT;
CREATE INDEX roster_students_email ON roster_students (roster_sha256, email);

CREATE TABLE batches (
  -- The first 12 hex digits of stack_sha256.
  id TEXT PRIMARY KEY,
  -- Hash of the scans' hashes in stack order: the same files in the same order are the same batch.
  stack_sha256 TEXT NOT NULL UNIQUE,
  roster_sha256 TEXT NOT NULL REFERENCES rosters (sha256),
  state TEXT NOT NULL CHECK (state IN ('imported', 'planned')),
  -- JSON: the roster's and the stack's warnings, set when planned.
  warnings TEXT NOT NULL,
  -- JSON ManifestCopy[]: the copies as the pipeline planned them, before any decision. Null until planned.
  planned_copies TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE batch_sources (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  -- 1-based, as "file" in the manifest.
  file INTEGER NOT NULL CHECK (file >= 1),
  scan_sha256 TEXT NOT NULL REFERENCES scans (sha256),
  -- Base name as the operator gave it.
  file_name TEXT NOT NULL,
  PRIMARY KEY (batch_id, file)
) STRICT;

CREATE TABLE pages (
  batch_id TEXT NOT NULL,
  file INTEGER NOT NULL,
  source INTEGER NOT NULL,
  -- 0-based position in the whole stack.
  position INTEGER NOT NULL,
  layout TEXT NOT NULL CHECK (layout IN ('a3', 'a4')),
  -- JSON PageGeometry: how a viewer displays the page, which decides its halves.
  geometry TEXT NOT NULL,
  unusual TEXT,
  PRIMARY KEY (batch_id, file, source),
  UNIQUE (batch_id, position),
  FOREIGN KEY (batch_id, file) REFERENCES batch_sources (batch_id, file)
) STRICT;

CREATE TABLE sheets (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  -- 1-based, in stack order.
  number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sheet', 'incomplete-sheet', 'loose-page')),
  -- The recto (or the loose page), and the verso of a complete sheet.
  first_position INTEGER NOT NULL,
  second_position INTEGER,
  PRIMARY KEY (batch_id, number),
  FOREIGN KEY (batch_id, first_position) REFERENCES pages (batch_id, position),
  FOREIGN KEY (batch_id, second_position) REFERENCES pages (batch_id, position)
) STRICT;

-- The copies as they are now: the planned copies with every active decision applied. Rewritten with each
-- decision, always equal to replaying the log over planned_copies.
CREATE TABLE copies (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ready', 'needs_review')),
  student TEXT,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL,
  candidates TEXT NOT NULL,
  PRIMARY KEY (batch_id, id),
  UNIQUE (batch_id, ordinal)
) STRICT;

CREATE TABLE copy_pages (
  batch_id TEXT NOT NULL,
  copy_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  file INTEGER NOT NULL,
  source INTEGER NOT NULL,
  half TEXT NOT NULL CHECK (half IN ('left', 'right', 'full')),
  rotate INTEGER NOT NULL CHECK (rotate IN (0, 90, 180, 270)),
  blank INTEGER NOT NULL CHECK (blank IN (0, 1)),
  PRIMARY KEY (batch_id, copy_id, ordinal),
  -- A half in two copies would mix two students' work: the database refuses it.
  UNIQUE (batch_id, file, source, half),
  FOREIGN KEY (batch_id, copy_id) REFERENCES copies (batch_id, id) ON DELETE CASCADE,
  FOREIGN KEY (batch_id, file, source) REFERENCES pages (batch_id, file, source)
) STRICT;

-- The operator's decisions, undos and redos, in the order they were made. Never changed: the copies'
-- state is replayed from it.
CREATE TABLE decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id TEXT NOT NULL REFERENCES batches (id),
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_batch ON decisions (batch_id, seq);
CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;
CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'the decision log is append-only'); END;

-- Where each copy stands with the Korrigo server. No foreign key to copies: a split or an undo may remove
-- a copy that was already sent, and what was sent must stay known.
CREATE TABLE copy_sync (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  copy_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'synced', 'failed')),
  -- The PDF sent (or being sent): a copy changed since then must be sent again.
  content_sha256 TEXT,
  remote_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  updated_at TEXT NOT NULL,
  synced_at TEXT,
  PRIMARY KEY (batch_id, copy_id)
) STRICT;

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES batches (id),
  -- Absolute output folder of an export job.
  out_dir TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  stage TEXT NOT NULL,
  -- host/pid of the process running it: a job whose process is gone is taken over.
  owner TEXT NOT NULL,
  error TEXT,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX jobs_batch ON jobs (batch_id, out_dir, state);

-- Copy PDFs written to an output folder: a resumed export skips those still on disk as written.
CREATE TABLE copy_outputs (
  out_dir TEXT NOT NULL,
  batch_id TEXT NOT NULL REFERENCES batches (id),
  copy_id TEXT NOT NULL,
  -- Hash of what the copy is made of (scans, pages, halves, rotations): a changed copy is written again.
  spec_sha256 TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  written_at TEXT NOT NULL,
  PRIMARY KEY (out_dir, batch_id, copy_id)
) STRICT;

-- Files met in watched folders, so each is imported once, however often the station restarts.
CREATE TABLE watched_files (
  folder TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  sha256 TEXT,
  batch_id TEXT REFERENCES batches (id),
  -- Why the file was refused (damaged, encrypted...): it is tried again only once it changes.
  error TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (folder, name)
) STRICT;
`,
};
