import { randomUUID } from 'node:crypto';
import { processScans } from '../jobs/process-scans';
import type { ProgressEvent } from '../pipeline/process-options';
import { batchDetail, historyOf, listBatches, rosterOf } from './batch-views';
import type { BatchesHandlers } from '../api/contract';
import type { HandlerTable } from './handler-table';
import type { HandlerDeps } from './handler-deps';
import { batchIdArgs, exportBatchArgs, getBatchArgs, noArgs, processBatchArgs } from './schemas';
import { prefetchBatch } from './prefetch-thumbnails';
import { batchSources, findBatch } from '../store/batch-rows';
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
        let warmed = false;
        let prefetched = false;
        // This batch's reading takes the cores: what was being made ahead for another waits.
        if (deps.prefetchThumbnails) deps.thumbnails.dropAhead();
        const onProgress = (event: ProgressEvent) => {
          if (named !== null && deps.prefetchThumbnails && !warmed) {
            warmed = true;
            const first = batchSources(store.db, named)[0];
            if (first) deps.thumbnails.warm(first.sha256);
          }
          // The copies are planned once their PDFs are being written.
          if (event.stage === 'split' && named !== null && deps.prefetchThumbnails && !prefetched) {
            prefetched = true;
            prefetchBatch(deps.thumbnails, readCopies(store.db, named), batchSources(store.db, named));
          }
          progress.onProgress(event);
        };
        const { batchId, manifest } = await processScans(
          store,
          { scans, roster, identify, onProgress },
          (id, options) => {
            named = id;
            progress.name(id);
            // The reader leaves each side's thumbnails as the desk first shows them (a shell's station).
            const thumbnails = deps.prefetchThumbnails ? { dataDir: deps.dataDir } : undefined;
            return exports.update(id, { ...options, outDir, thumbnails });
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
      args: getBatchArgs,
      run: async ({ batchId, waitForFiles }) => {
        if (waitForFiles === false && findBatch(store.db, batchId)?.state === 'planned')
          return batchDetail(store, batchId, await exports.current(batchId));
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
