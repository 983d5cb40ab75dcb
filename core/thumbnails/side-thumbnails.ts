// The thumbnails a desk shows first, made by a reading worker from the side it has just read: the side is in
// memory at reading resolution and its reading says which way up it was fed, so each page is only shrunk
// from it (the scan is not rendered a second time) and written where the station's cache looks, under the
// same key: each page's small thumbnail, and its page-box band at the large size's scale (the desk draws
// the page boxes on it). Only the pages as the split shows them are made: a page the operator turns, a large
// thumbnail or a file lost since are made on demand by the cache, as before.
import { stat } from 'node:fs/promises';
import sharp, { type OutputInfo } from 'sharp';
import type { Half } from '../manifest';
import type { PageLayout } from '../pdf/page-geometry';
import type { RenderedPage } from '../pdf/render-page';
import { shrinkImage } from '../identify/shrink-image';
import { bandRegion, THUMBNAIL_SIZES } from './render-thumbnail';
import { thumbnailPath } from './thumbnail-path';
import { writeThumbnail } from './write-thumbnail';

/** Where a side's thumbnails go: the station's data directory, and the side by scan content and page. */
export interface SideThumbnailsTarget {
  dataDir: string;
  sha256: string;
  /** 1-based page of the scan file. */
  page: number;
}

const { small, band } = THUMBNAIL_SIZES;
/** shrinkImage's largest factor. */
const MAX_SHRINK = 16;

/**
 * The turns the split may give this side's pages: 180° for a side fed upside down. A side whose way up the
 * reading could not tell gets both (pairing may still decide from its other side); an A4 page is kept
 * upright unless it is an annex fed upside down.
 */
function turnsOf(layout: PageLayout, upsideDown: boolean | null): (0 | 180)[] {
  if (layout === 'a4') return upsideDown ? [0, 180] : [0];
  if (upsideDown === null) return [0, 180];
  return [upsideDown ? 180 : 0];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isFile(),
    () => false,
  );
}

/** Makes the side's default small and band thumbnails that are not on disk yet. */
export async function makeSideThumbnails(
  side: RenderedPage,
  layout: PageLayout,
  upsideDown: boolean | null,
  target: SideThumbnailsTarget,
): Promise<void> {
  const halves: Half[] = layout === 'a3' ? ['left', 'right'] : ['full'];
  const turns = turnsOf(layout, upsideDown);
  const wanted = halves.flatMap((half) =>
    turns.flatMap((rotate) =>
      (['small', 'band'] as const).map((size) => ({
        half,
        rotate,
        size,
        path: thumbnailPath(target.dataDir, { sha256: target.sha256, page: target.page, half, rotate, size }),
      })),
    ),
  );
  const missing = (
    await Promise.all(wanted.map(async (one) => ((await exists(one.path)) ? [] : [one])))
  ).flat();
  // The strips' first: the bands only serve a copy to review.
  await makeSmall(
    side,
    missing.filter((one) => one.size === 'small'),
  );
  for (const { half, rotate, path } of missing.filter((one) => one.size === 'band')) {
    await writeThumbnail(path, await bandOf(side, half, rotate));
  }
}

async function makeSmall(
  side: RenderedPage,
  missing: readonly { half: Half; rotate: 0 | 180; path: string }[],
): Promise<void> {
  if (missing.length === 0) return;
  // The side shrunk once, whole, to a little over the height shown, by a block mean in one pass over its
  // pixels: four times cheaper than having sharp take the full-size pixels; sharp then works on a small image.
  const factor = Math.max(1, Math.min(MAX_SHRINK, Math.floor(side.height / small.height)));
  const shrunk = shrinkImage(side, factor);
  const raw = Buffer.from(shrunk.data.buffer, shrunk.data.byteOffset, shrunk.data.byteLength);
  const halfWidth = Math.floor(shrunk.width / 2);
  for (const { half, rotate, path } of missing) {
    const left = half === 'right' ? shrunk.width - halfWidth : 0;
    const width = half === 'full' ? shrunk.width : halfWidth;
    // Cut and shrunk to the height shown first: the turn (0 or 180°) keeps it.
    const cut = await sharp(raw, { raw: { width: shrunk.width, height: shrunk.height, channels: 4 } })
      .extract({ left, top: 0, width, height: shrunk.height })
      .removeAlpha()
      .resize({ height: small.height })
      .raw()
      .toBuffer({ resolveWithObject: true });
    await writeThumbnail(path, await turnedWebp(cut.data, cut.info, rotate, small.quality));
  }
}

/** A half's page-box band, cut from the side at reading resolution (a few hundred pixels high). */
async function bandOf(side: RenderedPage, half: Half, rotate: 0 | 180): Promise<Buffer> {
  const raw = Buffer.from(side.data.buffer, side.data.byteOffset, side.data.byteLength);
  const halfWidth = Math.floor(side.width / 2);
  const page = {
    left: half === 'right' ? side.width - halfWidth : 0,
    top: 0,
    width: half === 'full' ? side.width : halfWidth,
    height: side.height,
  };
  const cut = await sharp(raw, { raw: { width: side.width, height: side.height, channels: 4 } })
    .extract(bandRegion(page, rotate))
    .removeAlpha()
    .resize({ height: band.height })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return turnedWebp(cut.data, cut.info, rotate, band.quality);
}

/**
 * Raw pixels turned (0 or 180°: the size stays) and encoded. Not `raw: info` as sharp gave it: it says
 * premultiplied (the alpha removed was), and sharp would then divide the colours by an alpha that is no
 * longer there: pages came out too bright and yellow. Encoded with little effort (1 of 0–6): this is the
 * reading's CPU (the bands took a third less, the same picture).
 */
function turnedWebp(
  data: Buffer,
  { width, height, channels }: OutputInfo,
  rotate: 0 | 180,
  quality: number,
): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels } })
    .rotate(rotate)
    .webp({ quality, effort: 1 })
    .toBuffer();
}
