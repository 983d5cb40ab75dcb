// The first screen's thumbnails, made while the batch's copy PDFs are written: the reading is over by
// then (the thumbnails never compete with the reader), and the desk opened on the new batch finds them
// made. Same queue as the screen's own requests, which join these instead of making them twice.
import type { Thumbnails } from '../thumbnails/thumbnail-cache';
import type { ManifestCopy } from '../manifest';

/** The strips one screen shows first. */
const FIRST_SCREEN_COPIES = 4;

export function prefetchFirstScreen(
  thumbnails: Thumbnails,
  copies: readonly ManifestCopy[],
  sources: readonly { sha256: string }[],
): void {
  for (const copy of copies.slice(0, FIRST_SCREEN_COPIES)) {
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
