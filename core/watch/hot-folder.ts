// The hot folder: the scanner drops PDFs into a folder and the station processes them with the folder's
// roster, through the same `batches.process` as the CLI and the app. Files that arrive together form one
// batch, in name order (a stack the scanner split over SKM1.pdf, SKM2.pdf... is one stack): a batch is made
// once no file has appeared or changed for the settle time. Each file is processed once, even after a
// restart. The operator's files are only ever read: never moved, renamed or deleted.
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchDetail } from '../api/contract';
import { isKorrigoError } from '../errors';
import type { ErrorCode } from '../errors';
import { loadRoster } from '../roster/load-roster';
import type { Store } from '../store/open-store';
import { findWatchedFile, isWatchedBatch, recordWatchedFile } from '../store/watched-files';
import { listPdfs } from './folder-listing';
import type { FolderProblem, ListedFile } from './folder-listing';
import { stabilityTracker } from './stability';

export type HotFolderEvent =
  | { kind: 'imported'; files: string[]; batchId: string; copies: number; needsReview: number }
  /** The same content as files processed before (under these names or others): its batch is not doubled. */
  | { kind: 'already-imported'; files: string[]; batchId: string }
  /** Not processed; tried again only once a file changes. */
  | { kind: 'refused'; files: string[]; code: ErrorCode; error: string }
  | { kind: 'folder-unavailable'; cause: FolderProblem; reason: string }
  | { kind: 'folder-available' }
  /** Nothing is processed while the folder's roster cannot be read; files wait. */
  | { kind: 'roster-unavailable'; code: ErrorCode; error: string }
  | { kind: 'roster-available' };

/** The API's `batches.process` (the CLI gives its in-process API's). */
export type ProcessScans = (request: { scans: string[]; roster: string }) => Promise<BatchDetail>;

export interface HotFolderOptions {
  /** Where the hot folder notes what it did with each file. */
  store: Store;
  process: ProcessScans;
  folder: string;
  /** The roster every batch of this folder is made with. */
  roster: string;
  onEvent: (event: HotFolderEvent) => void;
  /** How many looks in a row must find a file unchanged before it is read (default 2). */
  stableLooks?: number;
  /** How long the folder must stay unchanged before the complete files waiting form a batch (default 0). */
  settleMs?: number;
  now?: () => number;
}

export interface HotFolder {
  /** One look at the folder: processes what has settled. */
  poll(): Promise<void>;
  /** Looks every `intervalMs` until `signal` aborts. */
  run(intervalMs: number, signal: AbortSignal): Promise<void>;
}

export function createHotFolder(options: HotFolderOptions): HotFolder {
  const folder = resolve(options.folder);
  const { store, onEvent } = options;
  const now = options.now ?? Date.now;
  const tracker = stabilityTracker(options.stableLooks ?? 2);
  let unavailable = false;
  let rosterProblem: string | undefined;
  /** What the folder held at the last look (new files only), and since when. */
  let lastListing = '';
  let unchangedSince = now();

  const isDone = (file: ListedFile) => {
    const known = findWatchedFile(store.db, folder, file.name);
    return known !== undefined && known.size === file.size && known.mtimeMs === file.mtimeMs;
  };

  async function rosterReadable(): Promise<boolean> {
    try {
      await loadRoster(options.roster);
      if (rosterProblem !== undefined) onEvent({ kind: 'roster-available' });
      rosterProblem = undefined;
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const code = isKorrigoError(error) ? error.code : 'roster-invalid';
      if (message !== rosterProblem) onEvent({ kind: 'roster-unavailable', code, error: message });
      rosterProblem = message;
      return false;
    }
  }

  async function processTogether(files: ListedFile[]): Promise<void> {
    const names = files.map((file) => file.name);
    const remember = (outcome: { batchId: string | null; error: string | null }, sha256s: string[] = []) =>
      files.forEach((file, index) =>
        recordWatchedFile(store.db, {
          folder,
          name: file.name,
          size: file.size,
          mtimeMs: file.mtimeMs,
          at: store.now().toISOString(),
          sha256: sha256s[index] ?? null,
          ...outcome,
        }),
      );
    try {
      const { batchId, manifest } = await options.process({
        scans: names.map((name) => join(folder, name)),
        roster: options.roster,
      });
      const known = isWatchedBatch(store.db, batchId);
      remember(
        { batchId, error: null },
        manifest.sources.map((source) => source.sha256),
      );
      if (known) {
        onEvent({ kind: 'already-imported', files: names, batchId });
        return;
      }
      onEvent({
        kind: 'imported',
        files: names,
        batchId,
        copies: manifest.copies.length,
        needsReview: manifest.copies.filter((copy) => copy.status === 'needs_review').length,
      });
    } catch (error) {
      if (!isKorrigoError(error)) throw error;
      // Moved away between the look and the read: nothing to remember, the rest waits for the next look.
      if (error.code === 'file-not-found') {
        for (const name of names) tracker.forget(name);
        return;
      }
      remember({ batchId: null, error: error.message });
      onEvent({ kind: 'refused', files: names, code: error.code, error: error.message });
    }
  }

  async function poll(): Promise<void> {
    const listing = await listPdfs(folder);
    if (!listing.ok) {
      if (!unavailable) onEvent({ kind: 'folder-unavailable', cause: listing.cause, reason: listing.reason });
      unavailable = true;
      return;
    }
    if (unavailable) onEvent({ kind: 'folder-available' });
    unavailable = false;
    const fresh = listing.files.filter((file) => !isDone(file));
    const shape = JSON.stringify(fresh.map(({ name, size, mtimeMs }) => [name, size, mtimeMs]).sort());
    if (shape !== lastListing) [lastListing, unchangedSince] = [shape, now()];
    const complete = tracker.observe(fresh);
    // A file still being written belongs with the others: wait for it, then for the settle time. An empty
    // file is not waited for (a scan that never started would hold the folder up for good).
    const arriving = fresh.filter((file) => file.size > 0 && !complete.includes(file));
    if (complete.length === 0 || arriving.length > 0) return;
    if (now() - unchangedSince < (options.settleMs ?? 0)) return;
    if (!(await rosterReadable())) return;
    await processTogether(complete.sort((a, b) => a.name.localeCompare(b.name)));
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
