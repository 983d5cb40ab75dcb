import type { Migration } from '../migration';

// Scan-room faults (issue 11): copies may end with A4 annex pages, and rescanned sheets are kept out of
// every copy. Both are planned by the pipeline and changed by decisions (the operator may keep a rescan
// instead of the sheet it repeats), so both have a planned form (on `batches`) and a current form (rows
// rewritten with the copies). Additive only: a station at schema 2 reading these rows still sees valid ones.
export const annexesSetAside: Migration = {
  version: 3,
  name: 'annexes-set-aside',
  sql: /* sql */ `
-- The manifest's pages[].kind; null where it was not given, which means a sheet page, as in the manifest.
ALTER TABLE copy_pages ADD COLUMN kind TEXT CHECK (kind IN ('sheet', 'annex'));

-- JSON ManifestSetAside[]: the rescans as the pipeline set them aside, before any decision. Batches planned
-- before this schema had none.
ALTER TABLE batches ADD COLUMN planned_set_aside TEXT NOT NULL DEFAULT '[]';

-- The set-aside as it is now: the planned one with the decisions applied, rewritten with the copies.
CREATE TABLE set_asides (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  ordinal INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('duplicate')),
  -- The copy holding the sheet these pages repeat: the entry goes when that copy's row does.
  of_copy TEXT NOT NULL,
  PRIMARY KEY (batch_id, ordinal),
  FOREIGN KEY (batch_id, of_copy) REFERENCES copies (batch_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE set_aside_pages (
  batch_id TEXT NOT NULL,
  set_aside INTEGER NOT NULL,
  -- Reading order: the k-th page repeats the k-th page of the sheet it repeats.
  ordinal INTEGER NOT NULL,
  file INTEGER NOT NULL,
  source INTEGER NOT NULL,
  half TEXT NOT NULL CHECK (half IN ('left', 'right', 'full')),
  PRIMARY KEY (batch_id, set_aside, ordinal),
  UNIQUE (batch_id, file, source, half),
  FOREIGN KEY (batch_id, set_aside) REFERENCES set_asides (batch_id, ordinal) ON DELETE CASCADE,
  FOREIGN KEY (batch_id, file, source) REFERENCES pages (batch_id, file, source)
) STRICT;

-- A half both in a copy and set aside would be exported while reported as left out: refused here as a half
-- in two copies is. Rows are only ever inserted (state is rewritten whole), so inserts are what to guard.
CREATE TRIGGER set_aside_pages_not_in_copy BEFORE INSERT ON set_aside_pages
WHEN EXISTS (SELECT 1 FROM copy_pages c WHERE c.batch_id = NEW.batch_id AND c.file = NEW.file
             AND c.source = NEW.source AND c.half = NEW.half)
BEGIN SELECT RAISE(ABORT, 'a half set aside is also in a copy'); END;
CREATE TRIGGER copy_pages_not_set_aside BEFORE INSERT ON copy_pages
WHEN EXISTS (SELECT 1 FROM set_aside_pages s WHERE s.batch_id = NEW.batch_id AND s.file = NEW.file
             AND s.source = NEW.source AND s.half = NEW.half)
BEGIN SELECT RAISE(ABORT, 'a half in a copy is also set aside'); END;
`,
};
