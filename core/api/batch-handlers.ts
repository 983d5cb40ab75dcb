import type { ProcessBatch } from '../pipeline/process-options';
import { createBatchDir, discardBatch, listBatches, readBatch } from './batch-store';
import type { BatchesHandlers, BatchProgress } from './contract';
import type { HandlerTable } from './handler-table';
import { batchIdArgs, noArgs, processBatchArgs } from './schemas';

export interface BatchHandlerDeps {
  dataDir: string;
  processBatch: ProcessBatch;
  emitProgress: (progress: BatchProgress) => void;
  log: (error: unknown) => void;
}

export function batchHandlers(deps: BatchHandlerDeps): HandlerTable<BatchesHandlers> {
  const { dataDir } = deps;
  return {
    'batches.process': {
      args: processBatchArgs,
      run: async ({ scans, roster }) => {
        const { batchId, dir } = await createBatchDir(dataDir);
        try {
          await deps.processBatch({
            scans,
            roster,
            outDir: dir,
            onProgress: (event) => deps.emitProgress({ ...event, batchId }),
          });
        } catch (error) {
          // A failed run leaves no half-written batch behind; the sources are untouched either way.
          await discardBatch(dataDir, batchId);
          throw error;
        }
        return readBatch(dataDir, batchId);
      },
    },
    'batches.list': {
      args: noArgs,
      run: () => listBatches(dataDir, deps.log),
    },
    'batches.get': {
      args: batchIdArgs,
      run: ({ batchId }) => readBatch(dataDir, batchId),
    },
  };
}
