// `process` with the store: import the scans (once), then export the batch into the output folder. Run
// again after a crash, it finds the same batch and the same job and finishes it.
import type { Manifest } from '../manifest';
import type { ProcessOptions } from '../pipeline/process-options';
import type { Store } from '../store/open-store';
import { exportBatch } from './export-batch';
import { importBatch } from './import-batch';

/** The same options as `process` without the store. */
export type ProcessScansOptions = ProcessOptions;

export async function processScans(
  store: Store,
  options: ProcessScansOptions,
): Promise<{ batchId: string; manifest: Manifest }> {
  const imported = await importBatch(store, options, (done, total, path) =>
    options.onProgress?.({ stage: 'load', done, total, message: path }),
  );
  const manifest = await exportBatch(store, imported.batch.id, options.outDir, {
    sources: imported.sources,
    keep: options.scans,
    identify: options.identify,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { batchId: imported.batch.id, manifest };
}
