// The batch's copies as the sync sees them: which may go (ready, with a student), what each is made of (to
// notice a copy changed after it was sent), and its PDF, built from the stored scans only when it is sent.
import type { ManifestCopy } from '../manifest';
import type { LoadedSource } from '../pdf/load-source';
import { buildCopyPdf } from '../pdf/split';
import { copyPageSources } from '../pipeline/copy-pdf';
import { indexStack } from '../pipeline/stack';
import { batchSources } from '../store/batch-rows';
import { readCopies } from '../store/copy-rows';
import type { Store } from '../store/open-store';
import { loadStack } from '../store/plan-rows';
import { copySpecSha256 } from '../jobs/copy-spec';
import { loadStoredSources } from '../jobs/stored-sources';

export interface StationCopy {
  copy: ManifestCopy;
  specSha256: string;
  /** Ready (by the reader or validated by the operator) with a student: it may be sent. */
  sendable: boolean;
}

export function stationCopies(store: Store, batchId: string): StationCopy[] {
  const sources = batchSources(store.db, batchId);
  return readCopies(store.db, batchId).map((copy) => ({
    copy,
    specSha256: copySpecSha256(copy, sources),
    sendable: copy.status === 'ready' && copy.student !== null,
  }));
}

/** The name the server records (as the copy's student_identifier): opaque, no student name leaves in it. */
export function uploadFileName(copyId: string, specSha256: string): string {
  return `${copyId}-${specSha256.slice(0, 8)}.pdf`;
}

/** Builds copy PDFs from the stored scans, loading them once, on the first copy asked for. */
export class CopyPdfs {
  private sources: Promise<LoadedSource[]> | undefined;

  constructor(
    private readonly store: Store,
    private readonly batchId: string,
  ) {}

  async pdf(copy: ManifestCopy): Promise<Uint8Array> {
    this.sources ??= loadStoredSources(this.store, this.batchId);
    const sources = await this.sources;
    const stack = indexStack(loadStack(this.store.db, this.batchId));
    return buildCopyPdf(copyPageSources(copy, sources, stack));
  }
}
