// Makes one thumbnail file at a time from the stored scans, on the thread that runs it (the cache's own
// worker thread). The last scan opened stays open, and the last sides rendered are remembered: thumbnails of
// one screen come from the same few scans, and a sheet's four pages from two sides.
import { readFile } from 'node:fs/promises';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { KorrigoError } from '../errors';
import { decodeOrRender, rgbaOf, wholePageImage } from '../pdf/page-image';
import { readPageGeometry } from '../pdf/page-geometry';
import { parsePdfQuietly } from '../pdf/parse-pdf';
import { openForRender } from '../pdf/render-page';
import type { RenderDocument, RenderedPage } from '../pdf/render-page';
import { scanPath } from '../store/scan-files';
import { lastSides, renderThumbnail } from './render-thumbnail';
import { writeThumbnail } from './write-thumbnail';

export interface ThumbnailMaker {
  /** Renders `key` from its scan and writes it to `path`. */
  make(key: ThumbnailKey, path: string): Promise<void>;
  /** Opens the scan ahead (see Thumbnails.warm). */
  prepare(sha256: string): Promise<void>;
  close(): Promise<void>;
}

export function createMaker(scansDir: string): ThumbnailMaker {
  let open: OpenScan | null = null;
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

  return {
    async make(key, path) {
      const scan = await scanOf(key.sha256);
      if (key.page > (await scan.pageCount())) {
        throw new KorrigoError('file-not-found', `Scan ${key.sha256.slice(0, 12)} has no page ${key.page}`);
      }
      const size = key.size ?? 'small';
      const side = await sides.side(key.sha256, key.page, size, (dpi) => scan.render(key.page, dpi));
      await writeThumbnail(path, await renderThumbnail(side, key.half, key.rotate, size));
    },
    async prepare(sha256) {
      await (await scanOf(sha256)).prepare();
    },
    async close() {
      await open?.close();
      open = null;
    },
  };
}

interface OpenScan {
  sha256: string;
  pageCount(): Promise<number>;
  /** The displayed page `page` (1-based) at `dpi`. */
  render(page: number, dpi: number): Promise<RenderedPage>;
  /** Parses the scan now, and opens pdfjs when its first page is not one image. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A scan opened for thumbnails. A page made only of placed images (one scan image, or a compact copier
 * page's background and ink masks) is decoded straight from them by sharp, several times faster than pdfjs
 * drawing it; pdfjs is opened only for the other pages.
 */
function openScan(sha256: string, bytes: Uint8Array): OpenScan {
  let parsed: ReturnType<typeof parsePdfQuietly> | null = null;
  let rendering: Promise<RenderDocument> | null = null;
  const parse = () => (parsed ??= parsePdfQuietly(bytes));
  const pdfjs = () => (rendering ??= openForRender(bytes.slice(), { name: `scan ${sha256.slice(0, 12)}` }));
  const image = async (page: number) => {
    const node = (await parse()).getPage(page - 1).node;
    return wholePageImage(node, readPageGeometry(node));
  };
  return {
    sha256,
    pageCount: async () => (await parse()).getPageCount(),
    async render(page, dpi) {
      return rgbaOf(
        await decodeOrRender(await image(page), dpi, async () => (await pdfjs()).render(page - 1, dpi)),
      );
    },
    async prepare() {
      if (!(await image(1))) await pdfjs();
    },
    async close() {
      if (rendering) await (await rendering).close();
    },
  };
}
