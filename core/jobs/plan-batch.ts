// Planning: classify every page of the stack, group the sheets and plan the copies, exactly as `process`
// does, then store it all in one transaction (the checkpoint of this stage). Reading the sheets is the
// long part: every side read is checkpointed on its own, so a plan interrupted midway reads only the rest.
import type { LoadedSource } from '../pdf/load-source';
import { assertInvariants, checkInvariants } from '../pipeline/invariants';
import { planStack, type PlanStackOptions } from '../pipeline/plan-stack';
import { batchSources, findBatch } from '../store/batch-rows';
import type { Store } from '../store/open-store';
import { savePlan } from '../store/plan-rows';
import { storedRoster } from '../store/roster-rows';
import { sideReadingCache } from '../store/side-readings';

export async function planBatch(
  store: Store,
  batchId: string,
  sources: readonly LoadedSource[],
  options: Pick<PlanStackOptions, 'identify' | 'onPage' | 'onSheet' | 'thumbnails'> = {},
): Promise<void> {
  if (findBatch(store.db, batchId)?.state === 'planned') return;
  const rows = batchSources(store.db, batchId);
  const batch = findBatch(store.db, batchId)!;
  // Pages are named by the operator's file names, whichever copy of the scans was loaded.
  const { stack, units, copies, rescans, warnings } = await planStack(
    sources,
    storedRoster(store.db, batch.rosterSha256),
    {
      ...options,
      fileNames: rows.map((row) => row.fileName),
      sideReadings: sideReadingCache(store, batchId),
    },
  );
  const manifestSources = rows.map((row) => ({ file: row.fileName, sha256: row.sha256, pages: row.pages }));
  assertInvariants(checkInvariants(manifestSources, stack, copies, rescans));
  const at = store.now().toISOString();
  store.db
    .transaction(() => {
      // Another process may have planned it meanwhile: the same plan, stored once.
      if (findBatch(store.db, batchId)?.state === 'planned') return;
      savePlan(store.db, batchId, { stack, units, copies, rescans, warnings }, at);
    })
    .immediate();
}
