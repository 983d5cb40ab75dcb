// Paints a compact page's ink masks over its decoded background, at the resolution it was decoded at.
// sharp decodes each mask from its stored bits (framed as a TIFF), turns it and scales it to the whole
// pixels its placement covers, which leaves an anti-aliased coverage 0..255; the fill colour is then laid
// over the page by that coverage, mask after mask in drawing order, as a renderer paints them.
import sharp from 'sharp';
import { bilevelTiff } from './bilevel-tiff';
import type { PageMask } from './page-mask';
import type { RenderedPage } from './render-page';

interface Coverage {
  x: number;
  y: number;
  width: number;
  height: number;
  /** One byte a pixel: how much of it the mask paints. */
  data: Buffer;
}

/** The mask's coverage of the page's pixels. */
async function coverage(mask: PageMask, scale: number): Promise<Coverage> {
  const { rect } = mask;
  // Placed on whole pixels as pdfjs places a mask: its corner rounded, its size rounded, at least a pixel.
  const x = Math.round(rect.x * scale);
  const y = Math.round(rect.y * scale);
  const width = Math.round(rect.width * scale) || 1;
  const height = Math.round(rect.height * scale) || 1;
  // A clear bit paints by default: TIFF's "white is zero" reads it as 255, which is then the coverage.
  const tiff = bilevelTiff(
    mask.data,
    mask.width,
    mask.height,
    mask.inverted ? 'black-is-zero' : 'white-is-zero',
  );
  const data = await sharp(tiff, { failOn: 'none' })
    .rotate(mask.turn)
    .resize(width, height, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  if (data.length !== width * height)
    throw new Error(`a mask decoded to ${data.length} bytes, not ${width * height}`);
  return { x, y, width, height, data };
}

function lay(page: RenderedPage, cover: Coverage, [red, green, blue]: PageMask['colour']): void {
  const pixels = page.data;
  const left = Math.max(0, cover.x);
  const right = Math.min(page.width, cover.x + cover.width);
  for (let row = Math.max(0, cover.y); row < Math.min(page.height, cover.y + cover.height); row++) {
    const from = (row - cover.y) * cover.width - cover.x;
    for (let column = left; column < right; column++) {
      const alpha = cover.data[from + column]!;
      if (alpha === 0) continue;
      const at = (row * page.width + column) * 4;
      const keep = 255 - alpha;
      pixels[at] = (pixels[at]! * keep + red * alpha) / 255;
      pixels[at + 1] = (pixels[at + 1]! * keep + green * alpha) / 255;
      pixels[at + 2] = (pixels[at + 2]! * keep + blue * alpha) / 255;
    }
  }
}

/** `page` is the background decoded at `dpi`; the masks are painted into it. */
export async function paintMasks(page: RenderedPage, masks: readonly PageMask[], dpi: number): Promise<void> {
  const covers = await Promise.all(masks.map((mask) => coverage(mask, dpi / 72)));
  covers.forEach((cover, i) => lay(page, cover, masks[i]!.colour));
}
