// A processed batch's thumbnails, made ahead so the desk opened on it finds them made: the scan is opened
// while the batch is read (parsing it and starting its renderer cost more than a thumbnail), and once the
// copies are planned, while their PDFs are written, every page is made in the order the desk shows them
// (the reading is over: the thumbnails never compete with the reader). A screen's own requests go first.
import type { Thumbnails } from '../thumbnails/thumbnail-cache';
import type { ManifestCopy } from '../manifest';

export function prefetchBatch(
  thumbnails: Thumbnails,
  copies: readonly ManifestCopy[],
  sources: readonly { sha256: string }[],
): void {
  for (const copy of copies) {
    for (const page of copy.pages) {
      const key = {
        sha256: sources[page.file - 1]!.sha256,
        page: page.source,
        half: page.half,
        rotate: page.rotate,
      };
      thumbnails.prefetch(key);
    }
  }
}
