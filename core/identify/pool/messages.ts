// What the reading stage gives its worker threads: their start data, then one task per side. Their replies
// follow the pool's protocol (worker-pool.ts). Everything crosses by structured clone.
import type { PageLayout } from '../../pdf/page-geometry';
import type { PageImage } from '../../pdf/page-image';

/** Given to each worker once, when it starts. */
export interface ReadWorkerData {
  modelPath: string;
  dpi: number;
  /** Only the scan files holding sides to read; bytes over a SharedArrayBuffer, one copy for all workers. */
  documents: { file: number; name: string; bytes: Uint8Array }[];
}

/** One side to read: `file` is the 1-based index of the scan, `pageIndex` 0-based. */
export interface ReadTask {
  file: number;
  pageIndex: number;
  layout: PageLayout;
  /** Set when the page is one image covering it: the side is decoded from it instead of rendered. */
  image?: PageImage;
}
