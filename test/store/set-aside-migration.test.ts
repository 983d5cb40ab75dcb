// Schema 3 over a database a station at schema 2 filled: its planned batch keeps its copies, has nothing set
// aside, its pages read as sheet pages (no kind, as that station wrote them), and takes new decisions.
import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../core/jobs/operator-decisions';
import type { ManifestCopy } from '../../core/manifest';
import { findBatch } from '../../core/store/batch-rows';
import { readCopies } from '../../core/store/copy-rows';
import { MIGRATIONS } from '../../core/store/migrations/index';
import { readRescans } from '../../core/store/rescan-rows';
import { useTempDir } from '../pipeline/temp-dir';
import { FIXED_NOW, useStores } from './store-fixture';

const tempDir = useTempDir();
const openTestStore = useStores(tempDir);

const SCAN = 'c'.repeat(64);
const COPY: ManifestCopy = {
  id: `${SCAN.slice(0, 12)}-p0001-right`,
  status: 'needs_review',
  student: null,
  confidence: 0,
  reasons: ['student not identified'],
  candidates: [],
  pages: [
    { file: 1, source: 1, half: 'right', rotate: 0, blank: false },
    { file: 1, source: 2, half: 'left', rotate: 0, blank: false },
    { file: 1, source: 2, half: 'right', rotate: 0, blank: false },
    { file: 1, source: 1, half: 'left', rotate: 0, blank: false },
  ],
  file: `copies/${SCAN.slice(0, 12)}-p0001-right.pdf`,
};

/** A planned batch of one sheet, as schema 2's statements stored it. */
function fillAtSchema2(): void {
  const old = openTestStore({ migrations: MIGRATIONS.slice(0, 2) });
  old.db.exec(`
    INSERT INTO scans VALUES ('${SCAN}', 100, 2, 'now');
    INSERT INTO rosters VALUES ('${'a'.repeat(64)}', 'eleves.csv', x'00', '[]', 'now');
    INSERT INTO batches (id, stack_sha256, roster_sha256, state, warnings, planned_copies, created_at, updated_at)
      VALUES ('b1', 's1', '${'a'.repeat(64)}', 'planned', '[]', '${JSON.stringify([COPY])}', 'now', 'now');
    INSERT INTO batch_sources VALUES ('b1', 1, '${SCAN}', 'SKM1.pdf');
    INSERT INTO pages VALUES ('b1', 1, 1, 0, 'a3', '{}', NULL), ('b1', 1, 2, 1, 'a3', '{}', NULL);
    INSERT INTO copies VALUES ('b1', '${COPY.id}', 0, 'needs_review', NULL, 0, '["student not identified"]', '[]');
  `);
  COPY.pages.forEach((page, ordinal) =>
    old.db
      .prepare('INSERT INTO copy_pages VALUES (?, ?, ?, ?, ?, ?, 0, 0)')
      .run('b1', COPY.id, ordinal, page.file, page.source, page.half),
  );
  old.close();
}

describe('schema 3 over data of schema 2', () => {
  it('reads the old batch as it was, with nothing set aside, and records decisions on it', () => {
    fillAtSchema2();
    const store = openTestStore({ now: FIXED_NOW });
    expect(readCopies(store.db, 'b1')).toEqual([COPY]);
    expect(findBatch(store.db, 'b1')).toMatchObject({ plannedCopies: [COPY], plannedRescans: [] });
    expect(readRescans(store.db, 'b1')).toEqual([]);

    const outcome = recordDecision(store, 'b1', 'alice', {
      kind: 'rotate-page',
      page: COPY.pages[1]!,
      rotate: 90,
    });
    expect(outcome.rescans).toEqual([]);
    expect(readCopies(store.db, 'b1')[0]!.pages[1]).toEqual({ ...COPY.pages[1], rotate: 90 });
  });
});
