// Thumbnails cached on disk under <dataDir>/thumbs/, made on demand one at a time in the order they are
// asked for (the screen asks for what it shows), so they never compete with a batch's reading for more
// than one core; a deleted file is made again. The last scan opened stays open: thumbnails of one screen
// come from the same few scans.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { KorrigoError } from '../errors';
import { decodePageImage, wholePageImage } from '../pdf/page-image';
import { readPageGeometry } from '../pdf/page-geometry';
import { parsePdfQuietly } from '../pdf/parse-pdf';
import { openForRender } from '../pdf/render-page';
import type { RenderDocument, RenderedPage } from '../pdf/render-page';
import { scanPath } from '../store/scan-files';
import { lastSides, renderThumbnail } from './render-thumbnail';
import { thumbnailPath } from './thumbnail-path';

export interface Thumbnails {
  /** The cached file of `key`, made first when missing. */
  file(key: ThumbnailKey): Promise<string>;
  /**
   * Makes `key` ahead of a screen asking for it, in the same queue. Dropped, not made, once the station
   * closes; a failure is left for the screen's own request to meet and report.
   */
  prefetch(key: ThumbnailKey): void;
  close(): Promise<void>;
}

export function createThumbnails(dataDir: string, scansDir: string): Thumbnails {
  let queue: Promise<unknown> = Promise.resolve();
  const making = new Map<string, Promise<string>>();
  let open: OpenScan | null = null;
  let closed = false;
  const sides = lastSides();

  const scanOf = async (sha256: string): Promise<OpenScan> => {
    if (open?.sha256 === sha256) return open;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(scanPath(scansDir, sha256)));
    } catch (error) {
      throw new KorrigoError('file-not-found', `No stored scan has sha256 ${sha256}`, { cause: error });
    }
    await open?.close();
    open = openScan(sha256, bytes);
    return open;
  };

  const make = async (key: ThumbnailKey, path: string): Promise<string> => {
    const scan = await scanOf(key.sha256);
    if (key.page > (await scan.pageCount())) {
      throw new KorrigoError('file-not-found', `Scan ${key.sha256.slice(0, 12)} has no page ${key.page}`);
    }
    const size = key.size ?? 'small';
    const side = await sides.side(key.sha256, key.page, size, (dpi) => scan.render(key.page, dpi));
    const webp = await renderThumbnail(side, key.half, key.rotate, size);
    // The station closed meanwhile (its data directory may be going): nothing is written any more.
    if (closed) return path;
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, webp);
    await rename(temp, path);
    return path;
  };

  const file = async (key: ThumbnailKey, ahead = false): Promise<string> => {
    const path = thumbnailPath(dataDir, key);
    if (await exists(path)) return path;
    const known = making.get(path);
    if (known) return known;
    const run = queue.catch(() => undefined).then(() => (ahead && closed ? path : make(key, path)));
    queue = run;
    making.set(path, run);
    const forget = () => making.delete(path);
    run.then(forget, forget);
    return run;
  };

  return {
    file: (key) => file(key),
    prefetch(key) {
      if (!closed) file(key, true).catch(() => undefined);
    },
    async close() {
      closed = true;
      await queue.catch(() => undefined);
      await open?.close();
      open = null;
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

interface OpenScan {
  sha256: string;
  pageCount(): Promise<number>;
  /** The displayed page `page` (1-based) at `dpi`. */
  render(page: number, dpi: number): Promise<RenderedPage>;
  close(): Promise<void>;
}

/**
 * A scan opened for thumbnails. A page that is one image covering it is decoded straight from the image
 * by sharp (several times faster than pdfjs drawing it); pdfjs is opened only for the other pages.
 */
function openScan(sha256: string, bytes: Uint8Array): OpenScan {
  let parsed: ReturnType<typeof parsePdfQuietly> | null = null;
  let rendering: Promise<RenderDocument> | null = null;
  const parse = () => (parsed ??= parsePdfQuietly(bytes));
  const pdfjs = () => (rendering ??= openForRender(bytes.slice(), { name: `scan ${sha256.slice(0, 12)}` }));
  return {
    sha256,
    pageCount: async () => (await parse()).getPageCount(),
    async render(page, dpi) {
      const node = (await parse()).getPage(page - 1).node;
      const image = wholePageImage(node, readPageGeometry(node));
      if (image) return decodePageImage(image, dpi);
      return (await pdfjs()).render(page - 1, dpi);
    },
    async close() {
      if (rendering) await (await rendering).close();
    },
  };
}
