// Thumbnails cached on disk under <dataDir>/thumbs/, made on demand one at a time in the order they are
// asked for (the screen asks for what it shows), so they never compete with a batch's reading for more
// than one core; a deleted file is made again. The last scan opened stays open: thumbnails of one screen
// come from the same few scans.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ThumbnailKey } from '../api/thumbnail-url';
import { KorrigoError } from '../errors';
import { openForRender } from '../pdf/render-page';
import type { RenderDocument } from '../pdf/render-page';
import { scanPath } from '../store/scan-files';
import { lastSides, renderThumbnail } from './render-thumbnail';
import { thumbnailPath } from './thumbnail-path';

export interface Thumbnails {
  /** The cached file of `key`, made first when missing. */
  file(key: ThumbnailKey): Promise<string>;
  close(): Promise<void>;
}

export function createThumbnails(dataDir: string, scansDir: string): Thumbnails {
  let queue: Promise<unknown> = Promise.resolve();
  const making = new Map<string, Promise<string>>();
  let open: { sha256: string; doc: RenderDocument } | null = null;
  const sides = lastSides();

  const documentOf = async (sha256: string): Promise<RenderDocument> => {
    if (open?.sha256 === sha256) return open.doc;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(scanPath(scansDir, sha256)));
    } catch (error) {
      throw new KorrigoError('file-not-found', `No stored scan has sha256 ${sha256}`, { cause: error });
    }
    const doc = await openForRender(bytes, { name: `scan ${sha256.slice(0, 12)}` });
    await open?.doc.close();
    open = { sha256, doc };
    return doc;
  };

  const make = async (key: ThumbnailKey, path: string): Promise<string> => {
    const doc = await documentOf(key.sha256);
    if (key.page > doc.pageCount) {
      throw new KorrigoError('file-not-found', `Scan ${key.sha256.slice(0, 12)} has no page ${key.page}`);
    }
    const size = key.size ?? 'small';
    const webp = await renderThumbnail(await sides.side(doc, key.page, size), key.half, key.rotate, size);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, webp);
    await rename(temp, path);
    return path;
  };

  return {
    async file(key) {
      const path = thumbnailPath(dataDir, key);
      if (await exists(path)) return path;
      const known = making.get(path);
      if (known) return known;
      const run = queue.catch(() => undefined).then(() => make(key, path));
      queue = run;
      making.set(path, run);
      const forget = () => making.delete(path);
      run.then(forget, forget);
      return run;
    },
    async close() {
      await queue.catch(() => undefined);
      await open?.doc.close();
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
