// The pipeline's one path, import -> plan -> export: the scans are stored once (the same scans again find
// the same batch and its job, so a run that stopped is finished), then the batch's copies are written.
// The CLI, the app and the hot folder reach it through the API's `batches.process`; without a store of the
// operator's, it runs on one made for the run and thrown away (processBatch: the integration tests).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../manifest';
import type { ProcessOptions } from '../pipeline/process-options';
import { DB_FILE_NAME } from '../store/location';
import { openStore } from '../store/open-store';
import type { Store } from '../store/open-store';
import { exportBatch } from './export-batch';
import type { ExportOptions } from './export-batch';
import { importBatch } from './import-batch';

/** How the imported batch is exported: by default into `outDir`; the station queues it with decisions. */
export type ExportStep = (batchId: string, options: ExportOptions) => Promise<Manifest>;

export type ProcessScansOptions = Omit<ProcessOptions, 'outDir'>;

export async function processScans(
  store: Store,
  options: ProcessScansOptions,
  exportStep: ExportStep,
): Promise<{ batchId: string; manifest: Manifest }> {
  const imported = await importBatch(store, options, (done, total, path) =>
    options.onProgress?.({ stage: 'load', done, total, message: path }),
  );
  const manifest = await exportStep(imported.batch.id, {
    sources: imported.sources,
    keep: options.scans,
    identify: options.identify,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { batchId: imported.batch.id, manifest };
}

/** The path into a folder of the caller's (`process --out`): the copies and manifest.json go to `outDir`. */
export function processInto(
  store: Store,
  options: ProcessOptions,
): Promise<{ batchId: string; manifest: Manifest }> {
  return processScans(store, options, (batchId, exportOptions) =>
    exportBatch(store, batchId, options.outDir, exportOptions),
  );
}

/** `process` on a store that lives as long as the run. */
export async function processBatch(options: ProcessOptions): Promise<Manifest> {
  const dir = await mkdtemp(join(tmpdir(), 'korrigo-process-'));
  try {
    const store = openStore(join(dir, DB_FILE_NAME));
    try {
      return (await processInto(store, options)).manifest;
    } finally {
      store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
