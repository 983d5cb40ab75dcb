// A page half as a WebP: the side is rendered as the pipeline renders it (as displayed; a page that is one
// scan image decoded straight by sharp, any other by pdfjs), then cut to its half, turned as the station
// turned it, and encoded by sharp. One rendering of a side serves both its halves: decoding the scan's
// image is most of the cost.
import sharp from 'sharp';
import type { Half } from '../manifest';
import type { Rotation } from '../decisions/decision';
import type { RenderedPage } from '../pdf/render-page';
import type { ThumbnailSize } from '../api/contract';

/**
 * small: tall enough to tell pages apart and see a header, small enough for 800 on one screen's scroll;
 * rendered at twice the pixels it needs (an A4 height at 41 dpi), so the downscale stays sharp.
 * large: a page read on screen, its handwriting legible (an A4 height at 150 dpi is 1754 px).
 */
export const THUMBNAIL_SIZES: Record<ThumbnailSize, { height: number; dpi: number; quality: number }> = {
  small: { height: 240, dpi: 41, quality: 70 },
  large: { height: 1400, dpi: 150, quality: 80 },
};

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
      const key = `${sha256}:${page}:${size}`;
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
  const region =
    half === 'full'
      ? { left: 0, top: 0, width: side.width, height: side.height }
      : { left: half === 'left' ? 0 : side.width - halfWidth, top: 0, width: halfWidth, height: side.height };
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
