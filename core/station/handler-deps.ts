// What every handler file is given: its own file, so the handler files and the table that joins them
// do not import each other.
import type { BatchChanged, BatchProgress } from '../api/contract';
import type { Store } from '../store/open-store';
import type { StationSync } from '../sync/station-sync';
import type { Thumbnails } from '../thumbnails/thumbnail-cache';
import type { StationHotFolder } from '../watch/station-hot-folder';
import type { BatchExports } from './batch-exports';

export interface HandlerDeps {
  /** Where the store, its scans, the exports and uploads are kept. */
  dataDir: string;
  store: Store;
  exports: BatchExports;
  /** Who decisions are recorded as. */
  operator: string;
  emitProgress: (progress: BatchProgress) => void;
  emitChanged: (change: BatchChanged) => void;
  thumbnails: Thumbnails;
  /** Whether a processed batch's first screen of thumbnails is made ahead (StationOptions). */
  prefetchThumbnails: boolean;
  /** The sync to Korrigo, with the sessions it keeps between syncs. */
  sync: StationSync;
  /** The folder the station watches, as set from the app. */
  hotFolder: StationHotFolder;
  log: (error: unknown) => void;
}
