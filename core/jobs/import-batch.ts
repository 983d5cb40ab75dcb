// Import: the roster and the scans are checked, stored by content, and recorded as a batch. The batch is
// named by its scans' hashes in stack order, so importing the same files again finds the same batch.
import { basename } from 'node:path';
import type { LoadedSource } from '../pdf/load-source';
import { loadSources } from '../pipeline/load-sources';
import { parseRoster, readRosterFile } from '../roster/load-roster';
import { KorrigoError } from '../errors';
import { sha256 } from '../sha256';
import { findBatchByStack, insertBatch } from '../store/batch-rows';
import type { BatchRow } from '../store/batch-rows';
import type { Store } from '../store/open-store';
import { recordRoster, rosterInfo } from '../store/roster-rows';
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
  const rosterBytes = await readRosterFile(request.roster);
  const roster = parseRoster(rosterBytes, basename(request.roster));
  const sources = await loadSources(request.scans, onLoaded);

  const stackSha256 = sha256(sources.map((source) => source.sha256).join('\n'));
  const rosterSha256 = sha256(rosterBytes);
  // Before anything is stored: a refused import leaves the store as it was.
  refuseOtherRoster(store, findBatchByStack(store.db, stackSha256), rosterSha256, roster.file);

  await removeOrphanTemps(store.scansDir);
  for (const source of sources) await storeScanFile(store.scansDir, source.sha256, source.bytes);

  const at = store.now().toISOString();
  const record = store.db.transaction(() => {
    for (const source of sources) {
      recordScan(store.db, { sha256: source.sha256, size: source.bytes.length, pages: source.pageCount, at });
    }
    recordRoster(store.db, { sha256: rosterSha256, content: rosterBytes, parsed: roster, at });
    const known = findBatchByStack(store.db, stackSha256);
    if (known) {
      refuseOtherRoster(store, known, rosterSha256, roster.file);
      return { batch: known, created: false };
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

/**
 * The same scans with another roster: the batch was identified against its own roster, and its copies and
 * the operator's decisions name its students. Re-pointing it silently would list them absent while their
 * copies stay ready; the operator is told instead, and makes the other roster's run a batch of its own.
 */
function refuseOtherRoster(
  store: Store,
  known: BatchRow | undefined,
  rosterSha256: string,
  file: string,
): void {
  if (!known || known.rosterSha256 === rosterSha256) return;
  const theirs = rosterInfo(store.db, known.rosterSha256);
  throw new KorrigoError(
    'bad-arguments',
    `these scans are already batch ${known.id}, identified against the roster ${theirs.fileName} ` +
      `(${theirs.students} students); ${file} is another roster, and the batch is not switched to it silently`,
    {
      hint:
        `give ${theirs.fileName} again to continue that batch, or process the scans with another --db ` +
        'to make a new batch identified against the new roster',
    },
  );
}
