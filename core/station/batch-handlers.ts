import { randomUUID } from 'node:crypto';
import { importBatch } from '../jobs/import-batch';
import { batchDetail, historyOf, listBatches, rosterOf } from './batch-views';
import type { BatchesHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { batchIdArgs, noArgs, processBatchArgs } from './schemas';
import { prefetchFirstScreen } from './prefetch-thumbnails';
import { batchSources } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';

export function batchHandlers(deps: HandlerDeps): HandlerTable<BatchesHandlers> {
  const { store, exports } = deps;
  return {
    'batches.process': {
      args: processBatchArgs,
      // Import then export, the two steps of `korrigo-station process --db`; the export goes to the
      // station's own folder for the batch, which is only known once the scans are read.
      run: async ({ scans, roster }) => {
        const runId = randomUUID();
        const imported = await importBatch(store, { scans, roster }, (done, total, path) =>
          deps.emitProgress({ stage: 'load', done, total, message: path, runId, batchId: null }),
        );
        const batchId = imported.batch.id;
        let prefetched = false;
        const manifest = await exports.update(batchId, undefined, {
          sources: imported.sources,
          onProgress: (event) => {
            // The copies are planned once their PDFs are being written.
            if (event.stage === 'split' && deps.prefetchThumbnails && !prefetched) {
              prefetched = true;
              const sources = batchSources(store.db, batchId);
              prefetchFirstScreen(deps.thumbnails, readCopies(store.db, batchId), sources);
            }
            deps.emitProgress({ ...event, runId, batchId });
          },
        });
        return batchDetail(store, batchId, manifest);
      },
    },
    'batches.list': {
      args: noArgs,
      run: async () => listBatches(store, deps.log),
    },
    'batches.get': {
      args: batchIdArgs,
      run: async ({ batchId }) => {
        const runId = randomUUID();
        // A batch never processed (a run that stopped) is processed now, with its progress pushed.
        const manifest = await exports.update(batchId, undefined, {
          onProgress: (event) => deps.emitProgress({ ...event, runId, batchId }),
        });
        return batchDetail(store, batchId, manifest);
      },
    },
    'batches.history': {
      args: batchIdArgs,
      run: async ({ batchId }) => historyOf(store, batchId),
    },
    'batches.roster': {
      args: batchIdArgs,
      run: async ({ batchId }) => rosterOf(store, batchId),
    },
  };
}
