import type { Migration } from '../migration';

// A side's fingerprint keeps each page's inked cells as one string (core/identify/fingerprint/inked-cells.ts),
// no longer as an array of numbers. Readings of the older form are dropped, not converted (SQL cannot write
// the new form): they are a cache, and a job that resumes reads those sides again. The new version also
// keeps a station of schema 6, which would misread the strings, from opening the store.
export const fingerprintText: Migration = {
  version: 7,
  name: 'fingerprint-text',
  sql: /* sql */ `
DELETE FROM side_readings WHERE json_type(reading, '$.fingerprint.pages[0]') = 'array';
`,
};
