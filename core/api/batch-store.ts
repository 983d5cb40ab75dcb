// Batches live as folders of the data dir: <dataDir>/batches/<batchId>/{manifest.json, copies/*.pdf}.
// A folder without a manifest is a batch still running (or one that crashed the process): not listed.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KorrigoError } from '../errors';
import type { Manifest } from '../manifest';
import type { BatchDetail, BatchSummary } from './contract';
import { BATCH_ID_PATTERN } from './files';

export function batchDir(dataDir: string, batchId: string): string {
  return join(dataDir, 'batches', batchId);
}

/** A new, empty batch folder. Ids sort by creation time (UTC) and never collide. */
export async function createBatchDir(
  dataDir: string,
  now = new Date(),
): Promise<{ batchId: string; dir: string }> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const batchId = `${stamp}-${randomBytes(3).toString('hex')}`;
  const dir = batchDir(dataDir, batchId);
  await mkdir(join(dataDir, 'batches'), { recursive: true });
  await mkdir(dir);
  return { batchId, dir };
}

export async function discardBatch(dataDir: string, batchId: string): Promise<void> {
  await rm(batchDir(dataDir, batchId), { recursive: true, force: true });
}

export async function readBatch(dataDir: string, batchId: string): Promise<BatchDetail> {
  const file = join(batchDir(dataDir, batchId), 'manifest.json');
  let text: string;
  let processedAt: string;
  try {
    text = await readFile(file, 'utf8');
    processedAt = (await stat(file)).mtime.toISOString();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KorrigoError('file-not-found', `No batch ${batchId} in this station: ${file} does not exist`);
    }
    throw new KorrigoError('file-unreadable', `Cannot read ${file}`, { cause: error });
  }
  try {
    return { batchId, processedAt, manifest: JSON.parse(text) as Manifest };
  } catch (error) {
    throw new KorrigoError('file-unreadable', `${file} is not valid JSON`, { cause: error });
  }
}

export function summarize({ batchId, processedAt, manifest }: BatchDetail): BatchSummary {
  return {
    batchId,
    processedAt,
    sources: manifest.sources.map((source) => source.file),
    copies: manifest.copies.length,
    needsReview: manifest.copies.filter((copy) => copy.status === 'needs_review').length,
    invariantsHold: manifest.invariants.violations.length === 0,
  };
}

/** Finished batches, newest first. One unreadable batch is logged and skipped, not fatal to the list. */
export async function listBatches(dataDir: string, log: (error: unknown) => void): Promise<BatchSummary[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, 'batches'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const summaries: BatchSummary[] = [];
  for (const batchId of names.filter((name) => BATCH_ID_PATTERN.test(name))) {
    try {
      summaries.push(summarize(await readBatch(dataDir, batchId)));
    } catch (error) {
      if (!(error instanceof KorrigoError && error.code === 'file-not-found')) log(error);
    }
  }
  return summaries.sort(
    (a, b) => b.processedAt.localeCompare(a.processedAt) || b.batchId.localeCompare(a.batchId),
  );
}
