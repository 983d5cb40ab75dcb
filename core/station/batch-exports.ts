// Copy PDFs are derived artefacts: each batch is exported to <dataDir>/exports/<batchId>/ and the UI's
// files are served from there. Before a batch is shown, the export is compared with the store and rebuilt
// when the store says something the export does not (a decision changed a copy, the folder was deleted,
// the CLI changed the batch); exportBatch rewrites only the copies whose content changed.
// A decision does not wait for the copy PDFs: it is recorded, answered and pushed at once, and the
// rebuild is queued after it (`later`). Whoever reads the files (batches.get, an export to a folder) comes
// after it in the same queue.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { batchManifest } from '../jobs/batch-manifest';
import type { exportBatch, ExportOptions } from '../jobs/export-batch';
import { loadStoredSources } from '../jobs/stored-sources';
import type { LoadedSource } from '../pdf/load-source';
import type { Manifest } from '../manifest';
import { MANIFEST_FILE } from '../pipeline/output-dir';
import { findBatch } from '../store/batch-rows';
import type { Store } from '../store/open-store';
import { batchNotFoundError } from '../store/store-errors';
import { batchExportDir } from '../data-dir';

export type ExportJob = typeof exportBatch;

/** How long a decision's copy-PDF rebuild waits (decisions in a burst share it). */
const REBUILD_PAUSE_MS = 150;

export interface UpdateOptions extends ExportOptions {
  /** Settles when the batch's turn may start (after the turns queued before it). */
  after?: Promise<void>;
  /** A decision, run in the batch's turn before the export. */
  change?: () => void;
  /** Export there (the CLI's --out) instead of the station's own folder for the batch. */
  outDir?: string;
}

export interface BatchExports {
  /**
   * Runs `change`, then brings the batch's export up to date and returns its manifest. Calls on one batch
   * run one after the other, so an export never sees the copies change under it.
   */
  update(batchId: string, options?: UpdateOptions): Promise<Manifest>;
  /**
   * Queues the rebuild of the batch's export (once, however many decisions ask before it starts); its
   * failure is logged, and the next update tries again.
   */
  later(batchId: string): void;
  /**
   * The manifest as the store says it now, without waiting for the export (what only the scans tell
   * comes from the last export seen).
   */
  current(batchId: string): Promise<Manifest>;
  /** Settles once every queued export has run (the station closes after it). */
  idle(): Promise<void>;
}

export function batchExports(
  store: Store,
  dataDir: string,
  exportJob: ExportJob,
  log: (error: unknown) => void = () => undefined,
): BatchExports {
  const queues = new Map<string, Promise<unknown>>();
  /** Batches whose rebuild is queued and not started yet. */
  const waiting = new Set<string>();
  /** The sources of each batch's last export (their quality comes from the scans, not the store). */
  const sources = new Map<string, Manifest['sources']>();

  /**
   * The last batch's scans, parsed: every decision on the batch being settled rewrites a copy or two,
   * and parsing its scans again each time would cost more than writing them.
   */
  let loaded: { batchId: string; sources: LoadedSource[] } | null = null;
  const withSources = async (batchId: string, options: ExportOptions): Promise<ExportOptions> => {
    // An unknown batch is named as such, before its (absent) scans are looked for.
    if (!findBatch(store.db, batchId)) throw batchNotFoundError(store.path, batchId);
    if (options.sources) loaded = { batchId, sources: options.sources };
    else if (loaded?.batchId !== batchId) {
      const sources = await loadStoredSources(store, batchId, (done, total, message) =>
        options.onProgress?.({ stage: 'load', done, total, message }),
      );
      loaded = { batchId, sources };
    }
    return { ...options, sources: loaded!.sources };
  };

  const refresh = async (batchId: string, options: ExportOptions): Promise<Manifest> => {
    const batch = findBatch(store.db, batchId);
    if (!batch) throw batchNotFoundError(store.path, batchId);
    const outDir = batchExportDir(dataDir, batchId);
    if (batch.state === 'planned') {
      const written = await exportedManifest(outDir, batchManifest(store, batchId));
      if (written) return written;
    }
    return exportJob(store, batchId, outDir, await withSources(batchId, options));
  };
  const remember = (batchId: string, manifest: Manifest) => {
    sources.set(batchId, manifest.sources);
    return manifest;
  };

  const update: BatchExports['update'] = (batchId, { after, change, outDir, ...options } = {}) => {
    const run = (queues.get(batchId) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => after)
      .then(() => {
        change?.();
        // A folder of the caller's is exported to every time: the job itself skips the copies it holds.
        return outDir === undefined
          ? refresh(batchId, options).then((manifest) => remember(batchId, manifest))
          : withSources(batchId, options).then((all) => exportJob(store, batchId, outDir, all));
      });
    queues.set(batchId, run);
    const forget = () => {
      if (queues.get(batchId) === run) queues.delete(batchId);
    };
    run.then(forget, forget);
    return run;
  };

  return {
    update,
    later(batchId) {
      if (waiting.has(batchId)) return;
      waiting.add(batchId);
      // Started a moment later, not in the decision's own turn of the event loop: the answer and the push
      // go out first, and the windows drawing the decision do not share the CPU with the rewrite.
      const pause = new Promise<void>((resolve) => setTimeout(resolve, REBUILD_PAUSE_MS));
      update(batchId, { after: pause, change: () => waiting.delete(batchId) }).catch((error: unknown) => {
        // A station closed under it: the export is rebuilt the next time the batch is read.
        if (store.db.open) log(error);
      });
    },
    async current(batchId) {
      const known =
        sources.get(batchId) ?? (await writtenManifest(batchExportDir(dataDir, batchId)))?.sources;
      // Read after any wait, so the caller answers with the copies as they are.
      const stored = batchManifest(store, batchId);
      return known ? { ...stored, sources: known } : stored;
    },
    async idle() {
      while (queues.size > 0) await Promise.allSettled([...queues.values()]);
    },
  };
}

/**
 * The folder's manifest when it says everything the store says now (the export adds what only the scans
 * tell, such as their quality) and every copy it lists is there; undefined when it must be rebuilt.
 */
async function exportedManifest(outDir: string, current: Manifest): Promise<Manifest | undefined> {
  try {
    const written = await writtenManifest(outDir);
    if (!written) return undefined;
    const wanted = JSON.parse(JSON.stringify(current)) as Manifest;
    // The copies come from the store alone: they must match exactly, a field a decision removed included.
    if (!isDeepStrictEqual(written.copies, wanted.copies) || !covers(written, wanted)) return undefined;
    await Promise.all(current.copies.map((copy) => access(join(outDir, copy.file))));
    return written;
  } catch {
    return undefined;
  }
}

async function writtenManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Every value of `wanted` is in `actual` (arrays element by element, with the same length). */
function covers(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) &&
      actual.length === wanted.length &&
      wanted.every((item, index) => covers(actual[index], item))
    );
  }
  if (typeof wanted === 'object' && wanted !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const fields = actual as Record<string, unknown>;
    return Object.entries(wanted).every(([key, value]) => covers(fields[key], value));
  }
  return actual === wanted;
}
