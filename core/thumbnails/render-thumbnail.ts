// A page half as a WebP: the side is rendered as the pipeline renders it (as displayed; a page that is one
// scan image decoded straight by sharp, any other by pdfjs), then cut to its half, turned as the station
// turned it, and encoded by sharp. One rendering of a side serves both its halves: decoding the scan's
// image is most of the cost.
import sharp from 'sharp';
import type { Half } from '../manifest';
import type { Rotation } from '../decisions/decision';
import type { RenderedPage } from '../pdf/render-page';
import type { ThumbnailSize } from '../api/contract';
import { PAGE_BOX_BAND } from '../api/thumbnail-url';

/**
 * small: tall enough to tell pages apart and see a header, small enough for 800 on one screen's scroll;
 * rendered at twice the pixels it needs (an A4 height at 41 dpi), so the downscale stays sharp.
 * large: a page read on screen, its handwriting legible (an A4 height at 150 dpi is 1754 px).
 * band: the page-box band of a large page alone (its height is the band's): a page box drawn where it was
 * read for an eighth of the pixels to encode, send and decode.
 */
export const THUMBNAIL_SIZES: Record<ThumbnailSize, { height: number; dpi: number; quality: number }> = {
  small: { height: 240, dpi: 41, quality: 70 },
  large: { height: 1400, dpi: 150, quality: 80 },
  band: { height: Math.round(1400 * (1 - PAGE_BOX_BAND.top)), dpi: 150, quality: 80 },
};

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The part of `region` (of an upright image) that turned by `rotate` clockwise becomes the page-box band,
 * the bottom of the page as shown: the region's bottom upright, its right side at 90°, its top at 180°, its
 * left side at 270°.
 */
export function bandRegion(region: Region, rotate: Rotation): Region {
  const across = (length: number) => Math.max(1, Math.round(length * (1 - PAGE_BOX_BAND.top)));
  const { left, top, width, height } = region;
  if (rotate === 90) return { left: left + width - across(width), top, width: across(width), height };
  if (rotate === 180) return { left, top, width, height: across(height) };
  if (rotate === 270) return { left, top, width: across(width), height };
  return { left, top: top + height - across(height), width, height: across(height) };
}

export interface SideRenderings {
  /**
   * The displayed page `page` (1-based) of the scan `sha256` at `size`, rendered once for all its halves:
   * `render` makes it when it is not remembered.
   */
  side(
    sha256: string,
    page: number,
    size: ThumbnailSize,
    render: (dpi: number) => Promise<RenderedPage>,
  ): Promise<RenderedPage>;
}

/** Sides a sheet's four pages come from: its recto and its verso. */
const REMEMBERED_SIDES = 2;

/**
 * Remembers the last sides rendered: thumbnails are asked for in reading order, and a sheet's P1..P4 take
 * their halves from two sides (P1 and P4 from the recto, P2 and P3 from the verso).
 */
export function lastSides(): SideRenderings {
  let remembered: { key: string; rendered: Promise<RenderedPage> }[] = [];
  return {
    side(sha256, page, size, render) {
      // The band is cut from the large size's rendering: one rendering serves both.
      const key = `${sha256}:${page}:${THUMBNAIL_SIZES[size].dpi}`;
      const known = remembered.find((entry) => entry.key === key);
      if (known) return known.rendered;
      const rendered = render(THUMBNAIL_SIZES[size].dpi);
      remembered = [{ key, rendered }, ...remembered].slice(0, REMEMBERED_SIDES);
      return rendered;
    },
  };
}

export async function renderThumbnail(
  side: RenderedPage,
  half: Half,
  rotate: Rotation,
  size: ThumbnailSize = 'small',
): Promise<Buffer> {
  const raw = Buffer.from(side.data.buffer, side.data.byteOffset, side.data.byteLength);
  const halfWidth = Math.floor(side.width / 2);
  const page: Region =
    half === 'full'
      ? { left: 0, top: 0, width: side.width, height: side.height }
      : { left: half === 'left' ? 0 : side.width - halfWidth, top: 0, width: halfWidth, height: side.height };
  const region = size === 'band' ? bandRegion(page, rotate) : page;
  // Cut and turn first, so the height asked for is the height shown.
  const turned = await sharp(raw, { raw: { width: side.width, height: side.height, channels: 4 } })
    .extract(region)
    .rotate(rotate)
    .png()
    .toBuffer();
  return sharp(turned)
    .resize({ height: THUMBNAIL_SIZES[size].height })
    .webp({ quality: THUMBNAIL_SIZES[size].quality })
    .toBuffer();
}
