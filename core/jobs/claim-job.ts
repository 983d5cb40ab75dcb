// One export of a batch into one folder at a time. The job row is the marker a restart looks for: a job
// still `running` whose process is gone is taken over and resumed from its checkpoints.
import { runningJob, startJob, takeOverJob } from '../store/job-rows';
import type { Store } from '../store/open-store';
import { currentOwner, ownerIsAlive } from '../store/process-owner';
import { batchBusyError } from '../store/store-errors';

/** A live job updates its row at least once per copy: one silent this long is taken as dead. */
const SILENT_JOB_MS = 10 * 60 * 1000;

export function claimJob(store: Store, batchId: string, outDir: string): number {
  const owner = currentOwner();
  const claim = store.db.transaction(() => {
    const at = store.now();
    const running = runningJob(store.db, batchId, outDir);
    if (!running) return startJob(store.db, { batchId, outDir, owner, at: at.toISOString() });
    const silentFor = at.getTime() - Date.parse(running.updatedAt);
    if (running.owner !== owner && ownerIsAlive(running.owner) && silentFor < SILENT_JOB_MS) {
      throw batchBusyError(batchId, outDir, running.owner, running.startedAt);
    }
    takeOverJob(store.db, running.id, owner, at.toISOString());
    return running.id;
  });
  return claim.immediate();
}
