// Export: the batch's copies as PDFs plus manifest.json in an output folder, the contract `process` has.
// Checkpoints: the plan (one transaction), then each copy (recorded once its file is renamed into place),
// then the manifest. Killed at any moment, the same export again skips what is done and finishes the rest.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Manifest, ManifestCopy } from '../manifest';
import { sha256 } from '../sha256';
import type { LoadedSource } from '../pdf/load-source';
import { withQuality } from '../pdf/quality/source-quality';
import { buildCopyPdf } from '../pdf/split';
import { copyPageSources } from '../pipeline/copy-pdf';
import { prepareOutDir, removeStaleCopies, writeFileAtomic, writeManifest } from '../pipeline/output-dir';
import type { ProgressEvent } from '../pipeline/process-options';
import { indexStack } from '../pipeline/stack';
import { findBatch } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';
import { failJob, setJobStage } from '../store/job-rows';
import type { JobStage } from '../store/job-rows';
import type { Store } from '../store/open-store';
import { findCopyOutput, recordCopyOutput } from '../store/output-rows';
import { loadStack } from '../store/plan-rows';
import { batchNotFoundError } from '../store/store-errors';
import { batchManifest } from './batch-manifest';
import { claimJob } from './claim-job';
import { copySpecSha256 } from './copy-spec';
import { planBatch } from './plan-batch';
import { loadStoredSources } from './stored-sources';

export interface ExportOptions {
  onProgress?: (event: ProgressEvent) => void;
  /** The scans already loaded (by an import just before): saves reading them from the store again. */
  sources?: LoadedSource[];
  /** Files the stale-copy cleanup must never remove (the operator's scans, if kept in the folder). */
  keep?: readonly string[];
  /** See ProcessOptions.identify; applies when the batch is planned (first export). */
  identify?: boolean;
  /** See PlanStackOptions.thumbnails; applies when the batch is planned (first export). */
  thumbnails?: { dataDir: string };
}

export async function exportBatch(
  store: Store,
  batchId: string,
  outDir: string,
  options: ExportOptions = {},
): Promise<Manifest> {
  if (!findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId);
  const progress = (event: ProgressEvent) => options.onProgress?.(event);
  const folder = resolve(outDir);
  const jobId = claimJob(store, batchId, folder);
  const stage = (name: JobStage) => setJobStage(store.db, jobId, name, store.now().toISOString());
  try {
    const sources =
      options.sources ??
      (await loadStoredSources(store, batchId, (done, total, fileName) =>
        progress({ stage: 'load', done, total, message: fileName }),
      ));
    await planBatch(store, batchId, sources, {
      identify: options.identify,
      thumbnails: options.thumbnails,
      onPage: (done, total) => progress({ stage: 'classify', done, total }),
      onSheet: (done, total) => progress({ stage: 'identify', done, total }),
    });
    // The plan may refuse the batch: only then is the output folder made.
    await prepareOutDir(
      outDir,
      sources.map((source) => source.sha256),
    );
    stage('copies');
    // Decisions do not wait for exports: one recorded meanwhile changes the copies, which are written
    // again until the files are the copies stored, so the manifest (read in the same turn) describes them.
    let written: ManifestCopy[];
    do written = await writeCopies(store, { batchId, outDir, folder, sources }, progress);
    while (!isDeepStrictEqual(written, readCopies(store.db, batchId)));
    stage('manifest');
    const stored = batchManifest(store, batchId);
    const manifest = { ...stored, sources: withQuality(stored.sources, sources) };
    progress({ stage: 'write', done: 0, total: 1, message: 'manifest.json' });
    await writeManifest(outDir, manifest);
    await removeStaleCopies(outDir, manifest, options.keep ?? []);
    progress({ stage: 'write', done: 1, total: 1, message: 'manifest.json' });
    stage('done');
    return manifest;
  } catch (error) {
    failJob(store.db, jobId, (error as Error).message, store.now().toISOString());
    throw error;
  }
}

async function writeCopies(
  store: Store,
  target: { batchId: string; outDir: string; folder: string; sources: readonly LoadedSource[] },
  progress: (event: ProgressEvent) => void,
): Promise<ManifestCopy[]> {
  const { batchId, outDir, folder, sources } = target;
  const copies = readCopies(store.db, batchId);
  const stack = indexStack(loadStack(store.db, batchId));
  for (const [index, copy] of copies.entries()) {
    const specSha256 = copySpecSha256(copy, sources);
    const path = join(outDir, copy.file);
    const done = findCopyOutput(store.db, { outDir: folder, batchId, copyId: copy.id });
    if (!done || done.specSha256 !== specSha256 || (await fileSha256(path)) !== done.fileSha256) {
      const pdf = await buildCopyPdf(copyPageSources(copy, sources, stack));
      await writeFileAtomic(path, pdf);
      recordCopyOutput(store.db, {
        outDir: folder,
        batchId,
        copyId: copy.id,
        specSha256,
        fileSha256: sha256(pdf),
        at: store.now().toISOString(),
      });
    }
    progress({ stage: 'split', done: index + 1, total: copies.length, message: copy.file });
  }
  return copies;
}

async function fileSha256(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path));
  } catch {
    return undefined;
  }
}
