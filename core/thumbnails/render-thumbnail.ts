// A page half as a small WebP: rendered by pdfjs as the pipeline renders (as displayed), cut to its half,
// turned as the station turned it, and encoded by sharp.
import sharp from 'sharp';
import type { Half } from '../manifest';
import type { Rotation } from '../jobs/decisions/decision';
import type { PageRegion, RenderDocument } from '../pdf/render-page';

/** Tall enough to tell pages apart and see a header; small enough for 800 on one screen's scroll. */
export const THUMBNAIL_HEIGHT = 240;
/** Twice the pixels the thumbnail needs (an A4 height at 41 dpi), so the downscale stays sharp. */
const RENDER_DPI = 41;

const REGIONS: Record<Half, PageRegion> = {
  left: { x: 0, y: 0, width: 0.5, height: 1 },
  right: { x: 0.5, y: 0, width: 0.5, height: 1 },
  full: { x: 0, y: 0, width: 1, height: 1 },
};

export async function renderThumbnail(
  doc: RenderDocument,
  page: number,
  half: Half,
  rotate: Rotation,
): Promise<Buffer> {
  const pixels = await doc.render(page - 1, RENDER_DPI, REGIONS[half]);
  const raw = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
  // Rotation first, so the height asked for is the height shown.
  const turned = await sharp(raw, { raw: { width: pixels.width, height: pixels.height, channels: 4 } })
    .rotate(rotate)
    .png()
    .toBuffer();
  return sharp(turned).resize({ height: THUMBNAIL_HEIGHT }).webp({ quality: 70 }).toBuffer();
}
