// `process`: import the scans into a store (once), then export the batch into the output folder. Run
// again after a crash with the same store, it finds the same batch and the same job and finishes it.
// Without a store of the operator's, the same path runs on one made for the run and thrown away: the CLI,
// the app, the hot folder and the tests all go through import -> plan -> export.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../manifest';
import type { ProcessOptions } from '../pipeline/process-options';
import { DB_FILE_NAME } from '../store/location';
import { openStore } from '../store/open-store';
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

/** `process` without --db: the stored path on a store that lives as long as the run. */
export async function processBatch(options: ProcessOptions): Promise<Manifest> {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-process-'));
  try {
    const store = openStore(join(dir, DB_FILE_NAME));
    try {
      return (await processScans(store, options)).manifest;
    } finally {
      store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
