import type { Migration } from '../migration';

// The sync panel says why a copy is not on the server in the operator's language: the reason's text stays
// English (logs, the CLI), and a stable code beside it is what the UI translates. Additive: an older row
// keeps a null code and is shown by its text.
export const syncReasonCode: Migration = {
  version: 5,
  name: 'sync-reason-code',
  sql: /* sql */ `
ALTER TABLE sync_outbox ADD COLUMN reason_code TEXT;
`,
};
