// The station's API as the shells see it: method name -> (args) => Promise<result>, the push events, and
// the bridge every transport implements. Types only, and nothing here may import Node: the renderer
// compiles this file without Node types.
import type { Manifest } from '../manifest';
import type { ProgressEvent } from '../pipeline/process-options';
import type { WirePush, WireReply } from './wire';

// The renderer may import core/api only: what it needs of the manifest and the pipeline comes through here.
export type { CopyStatus, Half, Manifest, ManifestCopy, ManifestPage, ManifestSource } from '../manifest';
export type { ProcessStage } from '../pipeline/process-options';

/** Arguments of a method that takes none: callers pass `{}`. */
export type NoArgs = Record<string, never>;

export interface StationInfo {
  version: string;
  /** Where this station keeps its batches and uploads. */
  dataDir: string;
}

export interface BatchSummary {
  batchId: string;
  /** ISO timestamp of the manifest, i.e. when processing finished. */
  processedAt: string;
  /** Scanner file names, in stack order. */
  sources: string[];
  copies: number;
  needsReview: number;
  invariantsHold: boolean;
}

export interface BatchDetail {
  batchId: string;
  processedAt: string;
  manifest: Manifest;
}

export interface ProcessBatchArgs {
  /** Scanner PDFs on the station's disk, in stack order. */
  scans: string[];
  /** Pronote roster CSV on the station's disk. */
  roster: string;
}

export interface StationHandlers {
  'station.info': (args: NoArgs) => Promise<StationInfo>;
}

export interface BatchesHandlers {
  /** Processes scans into a new batch of the data dir, pushing `batch.progress` while it runs. */
  'batches.process': (args: ProcessBatchArgs) => Promise<BatchDetail>;
  /** Batches processed in this data dir, newest first. */
  'batches.list': (args: NoArgs) => Promise<BatchSummary[]>;
  'batches.get': (args: { batchId: string }) => Promise<BatchDetail>;
}

export type KorrigoApi = StationHandlers & BatchesHandlers;
export type MethodName = keyof KorrigoApi;
export type ArgsOf<K extends MethodName> = Parameters<KorrigoApi[K]>[0];
export type ResultOf<K extends MethodName> = Awaited<ReturnType<KorrigoApi[K]>>;

export type BatchProgress = ProgressEvent & { batchId: string };

export interface KorrigoEvents {
  'batch.progress': BatchProgress;
}
export type EventName = keyof KorrigoEvents;

/**
 * What every transport offers (in-process, HTTP, Electron IPC). `invoke` never throws: failures come
 * back as `{ ok: false, error }`, plain data that survives structured clone and JSON alike.
 */
export interface KorrigoBridge {
  readonly version: string;
  invoke<K extends MethodName>(name: K, args: ArgsOf<K>): Promise<WireReply<ResultOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: KorrigoEvents[E]) => void): () => void;
}

export interface PickFilesOptions {
  title: string;
  /** File extensions without the dot, e.g. ['pdf']. */
  extensions: string[];
  multiple: boolean;
}

/** The Electron preload's bridge: the OS file dialog gives real paths, so no upload is needed. */
export interface KorrigoDesktopBridge extends KorrigoBridge {
  /** Absolute paths in the order the dialog returned them; empty when cancelled. */
  pickFiles(options: PickFilesOptions): Promise<string[]>;
}

/** A push as it travels (SSE message, IPC message). */
export type AnyPush = { [E in EventName]: WirePush<E> }[EventName];
