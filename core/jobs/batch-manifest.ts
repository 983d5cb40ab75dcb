// The manifest of a stored batch: the same contract as `process` writes, built from the store.
import { KorrigoError } from '../errors';
import type { Manifest } from '../manifest';
import { withReviewCodes } from '../review/coded-manifest';
import { absentStudents } from '../pipeline/absent';
import { checkInvariants } from '../pipeline/invariants';
import { batchSources, findBatch } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';
import type { Store } from '../store/open-store';
import { loadStack } from '../store/plan-rows';
import { rosterInfo, rosterStudents } from '../store/roster-rows';
import { readRescans } from '../store/rescan-rows';

export function batchManifest(store: Store, batchId: string): Manifest {
  const batch = findBatch(store.db, batchId)!;
  const roster = rosterInfo(store.db, batch.rosterSha256);
  const sources = batchSources(store.db, batchId).map((row) => ({
    file: row.fileName,
    sha256: row.sha256,
    pages: row.pages,
  }));
  const copies = readCopies(store.db, batchId);
  const rescans = readRescans(store.db, batchId);
  const invariants = checkInvariants(sources, loadStack(store.db, batchId), copies, rescans);
  // Order may differ from the stack where the operator moved pages; a page lost or doubled never may.
  if (!invariants.everyPageOnce) {
    throw new KorrigoError(
      'internal',
      `batch ${batchId}: page bookkeeping failed, the manifest was not written: ${invariants.violations.slice(0, 3).join('; ')}`,
    );
  }
  return withReviewCodes({
    version: 1,
    sources,
    roster: { file: roster.fileName, students: roster.students },
    copies,
    setAside: rescans,
    absent: absentStudents(rosterStudents(store.db, batch.rosterSha256), copies),
    warnings: [...roster.warnings, ...batch.warnings],
    invariants,
  });
}
