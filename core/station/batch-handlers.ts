import { randomUUID } from 'node:crypto';
import { processScans } from '../jobs/process-scans';
import type { ProgressEvent } from '../pipeline/process-options';
import { batchDetail, historyOf, listBatches, rosterOf } from './batch-views';
import type { BatchesHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { batchIdArgs, exportBatchArgs, noArgs, processBatchArgs } from './schemas';
import { prefetchFirstScreen } from './prefetch-thumbnails';
import { batchSources } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';

export function batchHandlers(deps: HandlerDeps): HandlerTable<BatchesHandlers> {
  const { store, exports } = deps;
  /** Progress of one call, pushed: the batch is named once its scans are read. */
  const progressOf = (batchId: string | null) => {
    const runId = randomUUID();
    let named = batchId;
    return {
      name: (id: string) => void (named = id),
      onProgress: (event: ProgressEvent) => deps.emitProgress({ ...event, runId, batchId: named }),
    };
  };
  return {
    'batches.process': {
      args: processBatchArgs,
      run: async ({ scans, roster, outDir, identify }) => {
        const progress = progressOf(null);
        let named: string | null = null;
        let prefetched = false;
        const onProgress = (event: ProgressEvent) => {
          // The copies are planned once their PDFs are being written.
          if (event.stage === 'split' && named !== null && deps.prefetchThumbnails && !prefetched) {
            prefetched = true;
            prefetchFirstScreen(deps.thumbnails, readCopies(store.db, named), batchSources(store.db, named));
          }
          progress.onProgress(event);
        };
        const { batchId, manifest } = await processScans(
          store,
          { scans, roster, identify, onProgress },
          (id, options) => {
            named = id;
            progress.name(id);
            return exports.update(id, { ...options, outDir });
          },
        );
        return batchDetail(store, batchId, manifest);
      },
    },
    'batches.export': {
      args: exportBatchArgs,
      run: async ({ batchId, outDir }) => {
        const { onProgress } = progressOf(batchId);
        return batchDetail(store, batchId, await exports.update(batchId, { outDir, onProgress }));
      },
    },
    'batches.list': {
      args: noArgs,
      run: async () => listBatches(store, deps.log),
    },
    'batches.get': {
      args: batchIdArgs,
      run: async ({ batchId }) => {
        // A batch never processed (a run that stopped) is processed now, with its progress pushed.
        const { onProgress } = progressOf(batchId);
        return batchDetail(store, batchId, await exports.update(batchId, { onProgress }));
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
