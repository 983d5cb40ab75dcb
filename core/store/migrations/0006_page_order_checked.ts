import type { Migration } from '../migration';

// The teacher's preview (issue 17): a copy's page order can be marked checked, a decision like the others, so
// the current copies carry the mark. Additive only: a station at schema 5 reading these rows sees valid ones.
export const pageOrderChecked: Migration = {
  version: 6,
  name: 'page-order-checked',
  sql: /* sql */ `
-- 1 while a teacher's check of the copy's page order holds (the manifest's copies[].pageOrderChecked).
ALTER TABLE copies ADD COLUMN page_order_checked INTEGER NOT NULL DEFAULT 0 CHECK (page_order_checked IN (0, 1));
`,
};
