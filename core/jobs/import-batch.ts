// Import: the roster and the scans are checked, stored by content, and recorded as a batch. The batch is
// named by its scans' hashes in stack order, so importing the same files again finds the same batch.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LoadedSource } from '../pdf/load-source';
import { loadSources } from '../pipeline/load-sources';
import { loadRoster, parseRoster } from '../roster/load-roster';
import { sha256 } from '../sha256';
import { findBatchByStack, insertBatch, setBatchRoster } from '../store/batch-rows';
import type { BatchRow } from '../store/batch-rows';
import type { Store } from '../store/open-store';
import { recordRoster } from '../store/roster-rows';
import { removeOrphanTemps, storeScanFile } from '../store/scan-files';
import { recordScan } from '../store/scan-rows';

export interface ImportRequest {
  /** Scanner PDFs in stack order. */
  scans: readonly string[];
  /** Pronote roster CSV. */
  roster: string;
}

export interface ImportedBatch {
  batch: BatchRow;
  /** False when these scans were already a batch of the store. */
  created: boolean;
  /** The scans as loaded from the operator's files, ready for the next stages. */
  sources: LoadedSource[];
}

/** The batch id: short enough to type, from a hash no other stack will share. */
const batchIdOf = (stackSha256: string): string => stackSha256.slice(0, 12);

export async function importBatch(
  store: Store,
  request: ImportRequest,
  onLoaded?: (done: number, total: number, path: string) => void,
): Promise<ImportedBatch> {
  // The roster first: it is quick to read, and a wrong one should not wait for the scans to load.
  await loadRoster(request.roster);
  const rosterBytes = new Uint8Array(await readFile(request.roster));
  const roster = parseRoster(rosterBytes, basename(request.roster));
  const sources = await loadSources(request.scans, onLoaded);

  await removeOrphanTemps(store.scansDir);
  for (const source of sources) await storeScanFile(store.scansDir, source.sha256, source.bytes);

  const stackSha256 = sha256(sources.map((source) => source.sha256).join('\n'));
  const rosterSha256 = sha256(rosterBytes);
  const at = store.now().toISOString();
  const record = store.db.transaction(() => {
    for (const source of sources) {
      recordScan(store.db, { sha256: source.sha256, size: source.bytes.length, pages: source.pageCount, at });
    }
    recordRoster(store.db, { sha256: rosterSha256, content: rosterBytes, parsed: roster, at });
    const known = findBatchByStack(store.db, stackSha256);
    if (known) {
      // A corrected roster replaces the old one; decisions keep the students they named.
      if (known.rosterSha256 !== rosterSha256) setBatchRoster(store.db, known.id, rosterSha256, at);
      return { batch: findBatchByStack(store.db, stackSha256)!, created: false };
    }
    insertBatch(store.db, {
      id: batchIdOf(stackSha256),
      stackSha256,
      rosterSha256,
      at,
      sources: sources.map((source, index) => ({
        file: index + 1,
        sha256: source.sha256,
        fileName: basename(source.path),
      })),
    });
    return { batch: findBatchByStack(store.db, stackSha256)!, created: true };
  });
  return { ...record.immediate(), sources };
}
