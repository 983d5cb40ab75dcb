import type { ProcessBatch } from '../pipeline/process-options';
import { batchHandlers } from './batch-handlers';
import type { BatchProgress, KorrigoApi } from './contract';
import type { HandlerTable } from './handler-table';
import { stationHandlers } from './station-handlers';

export interface HandlerDeps {
  /** Where batches (and uploads) are kept. */
  dataDir: string;
  /** The pipeline; injected so the API layer can be tested and run without it. */
  processBatch: ProcessBatch;
  emitProgress: (progress: BatchProgress) => void;
  log: (error: unknown) => void;
}

export type KorrigoHandlers = HandlerTable<KorrigoApi>;

/** Every API method, one domain file each; the spread cannot silently drop a method (the type says so). */
export function createHandlers(deps: HandlerDeps): KorrigoHandlers {
  return { ...stationHandlers(deps), ...batchHandlers(deps) };
}
