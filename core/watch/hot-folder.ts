// The hot folder: the scanner drops PDFs into a folder and the station imports each one, once, as a batch
// with the folder's roster, then plans it (its copies are ready for review and export). The operator's
// files are only ever read: never moved, renamed or deleted.
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isKorrigoError } from '../errors';
import { importBatch } from '../jobs/import-batch';
import { planBatch } from '../jobs/plan-batch';
import { loadRoster } from '../roster/load-roster';
import { readCopies } from '../store/copy-rows';
import type { Store } from '../store/open-store';
import { findWatchedFile, recordWatchedFile } from '../store/watched-files';
import { listPdfs } from './folder-listing';
import type { ListedFile } from './folder-listing';
import { stabilityTracker } from './stability';

export type HotFolderEvent =
  | { kind: 'imported'; file: string; batchId: string; copies: number; needsReview: number }
  /** The same content as a file imported before (under this name or another): its batch is not doubled. */
  | { kind: 'already-imported'; file: string; batchId: string }
  /** Not imported; tried again only once the file changes. */
  | { kind: 'refused'; file: string; error: string }
  | { kind: 'folder-unavailable'; reason: string }
  | { kind: 'folder-available' }
  /** Nothing is imported while the folder's roster cannot be read; files wait. */
  | { kind: 'roster-unavailable'; error: string };

export interface HotFolderOptions {
  store: Store;
  folder: string;
  /** The roster every batch of this folder is imported with. */
  roster: string;
  onEvent: (event: HotFolderEvent) => void;
  /** How many looks in a row must find a file unchanged before it is read (default 2). */
  stableLooks?: number;
}

export interface HotFolder {
  /** One look at the folder: imports what is complete. */
  poll(): Promise<void>;
  /** Looks every `intervalMs` until `signal` aborts. */
  run(intervalMs: number, signal: AbortSignal): Promise<void>;
}

export function createHotFolder(options: HotFolderOptions): HotFolder {
  const folder = resolve(options.folder);
  const { store, onEvent } = options;
  const tracker = stabilityTracker(options.stableLooks ?? 2);
  let unavailable = false;
  let rosterProblem: string | undefined;

  const isDone = (file: ListedFile) => {
    const known = findWatchedFile(store.db, folder, file.name);
    return known !== undefined && known.size === file.size && known.mtimeMs === file.mtimeMs;
  };

  async function rosterReadable(): Promise<boolean> {
    try {
      await loadRoster(options.roster);
      rosterProblem = undefined;
      return true;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== rosterProblem) onEvent({ kind: 'roster-unavailable', error: message });
      rosterProblem = message;
      return false;
    }
  }

  async function pickUp(file: ListedFile): Promise<void> {
    const remember = (outcome: { sha256: string | null; batchId: string | null; error: string | null }) =>
      recordWatchedFile(store.db, {
        folder,
        name: file.name,
        size: file.size,
        mtimeMs: file.mtimeMs,
        at: store.now().toISOString(),
        ...outcome,
      });
    try {
      const { batch, created, sources } = await importBatch(store, {
        scans: [join(folder, file.name)],
        roster: options.roster,
      });
      await planBatch(store, batch.id, sources);
      remember({ sha256: sources[0]!.sha256, batchId: batch.id, error: null });
      if (!created) {
        onEvent({ kind: 'already-imported', file: file.name, batchId: batch.id });
        return;
      }
      const copies = readCopies(store.db, batch.id);
      onEvent({
        kind: 'imported',
        file: file.name,
        batchId: batch.id,
        copies: copies.length,
        needsReview: copies.filter((copy) => copy.status === 'needs_review').length,
      });
    } catch (error) {
      if (!isKorrigoError(error)) throw error;
      // Moved away between the look and the read: nothing to remember.
      if (error.code === 'file-not-found') {
        tracker.forget(file.name);
        return;
      }
      remember({ sha256: null, batchId: null, error: error.message });
      onEvent({ kind: 'refused', file: file.name, error: error.message });
    }
  }

  async function poll(): Promise<void> {
    const listing = await listPdfs(folder);
    if (!listing.ok) {
      if (!unavailable) onEvent({ kind: 'folder-unavailable', reason: listing.reason });
      unavailable = true;
      return;
    }
    if (unavailable) onEvent({ kind: 'folder-available' });
    unavailable = false;
    const ready = tracker.observe(listing.files.filter((file) => !isDone(file)));
    if (ready.length === 0 || !(await rosterReadable())) return;
    for (const file of ready.sort((a, b) => a.name.localeCompare(b.name))) await pickUp(file);
  }

  return {
    poll,
    async run(intervalMs, signal) {
      while (!signal.aborted) {
        await poll();
        await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
      }
    },
  };
}
