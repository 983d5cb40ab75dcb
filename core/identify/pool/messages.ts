// What the reading stage gives its worker threads: their start data, then one task per side. Their replies
// follow the pool's protocol (worker-pool.ts). Everything crosses by structured clone. Workers outlive a
// batch (the pool keeps them warm), so a task names its scan file by content and carries its bytes.
import type { PageLayout } from '../../pdf/page-geometry';
import type { PageImage } from '../../pdf/page-image';

/** Given to each worker once, when it starts. */
export interface ReadWorkerData {
  modelPath: string;
}

/** A scan file as the workers get it: bytes over a SharedArrayBuffer, one copy for all workers and tasks. */
export interface ReadDocument {
  /** The file's SHA-256: the same content is opened once, whatever its name or batch. */
  key: string;
  name: string;
  bytes: Uint8Array;
}

/** One side to read: `pageIndex` is 0-based in `document`. */
export interface ReadTask {
  document: ReadDocument;
  pageIndex: number;
  layout: PageLayout;
  dpi: number;
  /** Set when the page is made only of placed images: the side is decoded from them instead of rendered. */
  image?: PageImage;
  /** Set to have the side's default thumbnails made from it, into this station's data directory. */
  thumbnails?: { dataDir: string };
}
