// A generated batch written to a temporary folder and processed end to end, the way every integration
// test starts; the folders go when the test file ends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Manifest } from '../../core/manifest';
import { processBatch } from '../../core/jobs/process-scans';
import { generateBatch } from '../generator/generate';
import type { GenerateOptions, GeneratedBatch } from '../generator/types';
import { writeBatch } from '../generator/write-batch';

export interface ProcessedBatch {
  batch: GeneratedBatch;
  manifest: Manifest;
  outDir: string;
}

/** Call at the top of a test file: returns the function that generates and processes a batch. */
export function useGeneratedBatches(prefix: string): (options: GenerateOptions) => Promise<ProcessedBatch> {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  return async (options) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    const batch = await generateBatch(options);
    const { scans, roster } = await writeBatch(batch, dir);
    const outDir = join(dir, 'out');
    return { batch, manifest: await processBatch({ scans, roster, outDir }), outDir };
  };
}
