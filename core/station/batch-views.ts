// The store's batches as the API shows them (plain data: it crosses JSON and structured clone alike).
import { batchManifest } from '../jobs/batch-manifest';
import { batchHistory } from '../jobs/operator-decisions';
import type { Manifest, ManifestStudent } from '../manifest';
import { rosterStudents, storedRoster } from '../store/roster-rows';
import { findBatch } from '../store/batch-rows';
import { batchSummaries } from '../store/batch-summaries';
import type { Store } from '../store/open-store';
import { batchNotFoundError } from '../store/store-errors';
import { KorrigoError } from '../errors';
import { copyReading } from '../review/copy-reading';
import { batchSources } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';
import { sideReadingCache } from '../store/side-readings';
import type { BatchDetail, BatchHistory, BatchSummary, CopyReading } from '../api/contract';

/** Newest first. A batch whose copies cannot be checked is logged and shown as failing its checks. */
export function listBatches(store: Store, log: (error: unknown) => void): BatchSummary[] {
  return batchSummaries(store.db).map((batch) => ({
    batchId: batch.id,
    createdAt: batch.createdAt,
    state: batch.state,
    sources: batch.sources,
    roster: batch.roster,
    copies: batch.copies,
    ready: batch.ready,
    needsReview: batch.needsReview,
    synced: batch.synced,
    invariantsHold: batch.state === 'planned' ? invariantsHold(store, batch.id, log) : null,
  }));
}

function invariantsHold(store: Store, batchId: string, log: (error: unknown) => void): boolean {
  try {
    return batchManifest(store, batchId).invariants.violations.length === 0;
  } catch (error) {
    log(error);
    return false;
  }
}

export function batchDetail(store: Store, batchId: string, manifest: Manifest): BatchDetail {
  const batch = findBatch(store.db, batchId);
  if (!batch) throw batchNotFoundError(store.path, batchId);
  const history = batchHistory(store, batchId);
  return {
    batchId,
    createdAt: batch.createdAt,
    manifest,
    canUndo: history.undoable !== undefined,
    canRedo: history.redoable !== undefined,
    seq: history.log.at(-1)?.seq ?? 0,
  };
}

/** undefined does not survive JSON: "nothing to undo" is null on every transport. */
export function historyOf(store: Store, batchId: string): BatchHistory {
  if (!findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId);
  const { log, undoable, redoable } = batchHistory(store, batchId);
  return { log, undoable: undoable ?? null, redoable: redoable ?? null };
}

export function rosterOf(store: Store, batchId: string): ManifestStudent[] {
  const batch = findBatch(store.db, batchId);
  if (!batch) throw batchNotFoundError(store.path, batchId);
  return rosterStudents(store.db, batch.rosterSha256);
}

/** The copy as decided, with what the batch's reading kept of its sides. */
export function readingOf(store: Store, batchId: string, copyId: string): CopyReading {
  const batch = findBatch(store.db, batchId);
  if (!batch) throw batchNotFoundError(store.path, batchId);
  const copy = readCopies(store.db, batchId).find((one) => one.id === copyId);
  if (!copy) throw new KorrigoError('copy-not-found', `batch ${batchId}: there is no copy ${copyId}`);
  const readings = sideReadingCache(store, batchId);
  const students = storedRoster(store.db, batch.rosterSha256);
  return copyReading(copy, batchSources(store.db, batchId), (key) => readings.get(key), students);
}
