// The store's promise about decisions, checked by the tests that make them.
import { expect } from 'vitest';
import { applyDecisions } from '../../core/decisions/apply-decisions';
import { batchSources, findBatch } from '../../core/store/batch-rows';
import { readCopies } from '../../core/store/copy-rows';
import { readLog } from '../../core/store/decision-log';
import type { Store } from '../../core/store/open-store';
import { readRescans } from '../../core/store/rescan-rows';

/** The stored copies and set-aside are the planned ones with the stored log replayed over them. */
export function expectReplayable(store: Store, batchId: string): void {
  const batch = findBatch(store.db, batchId)!;
  const replayed = applyDecisions(
    { copies: batch.plannedCopies!, rescans: batch.plannedRescans },
    readLog(store.db, batchId),
    batchSources(store.db, batchId),
  );
  expect({ copies: readCopies(store.db, batchId), rescans: readRescans(store.db, batchId) }).toEqual(
    replayed,
  );
}
