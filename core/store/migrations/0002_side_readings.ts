import type { Migration } from '../migration';

// Identification's checkpoint. Reading a sheet costs about a second, so a job killed while reading must
// not read the sides it already read again: each side's reading is committed as soon as it is made.
// Kept per batch, not per job row: a batch is planned once, by whichever job (or the hot folder, which
// plans without a job) gets there, and a job taken over after a kill is the same job anyway.
export const sideReadings: Migration = {
  version: 2,
  name: 'side-readings',
  sql: /* sql */ `
CREATE TABLE side_readings (
  batch_id TEXT NOT NULL REFERENCES batches (id),
  -- "<scan sha256>:<page number>", the key of SideReadingCache (core/identify/types.ts).
  side_key TEXT NOT NULL,
  -- JSON SideReading: what the reader found on that A3 side alone.
  reading TEXT NOT NULL CHECK (json_valid(reading)),
  -- host/pid of the process that read it, and when: a side read twice shows as a later reader.
  read_by TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (batch_id, side_key)
) STRICT;
`,
};
