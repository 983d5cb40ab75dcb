import type { Store } from '../store/open-store';
import type { Thumbnails } from '../thumbnails/thumbnail-cache';
import { batchHandlers } from './batch-handlers';
import type { BatchExports } from './batch-exports';
import type { BatchChanged, BatchProgress, KorrigoApi } from './contract';
import { copyHandlers } from './copy-handlers';
import { pageHandlers } from './page-handlers';
import type { HandlerTable } from './handler-table';
import { stationHandlers } from './station-handlers';

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
  log: (error: unknown) => void;
}

export type KorrigoHandlers = HandlerTable<KorrigoApi>;

/** Every API method, one domain file each; the spread cannot silently drop a method (the type says so). */
export function createHandlers(deps: HandlerDeps): KorrigoHandlers {
  return { ...stationHandlers(deps), ...batchHandlers(deps), ...copyHandlers(deps), ...pageHandlers(deps) };
}
