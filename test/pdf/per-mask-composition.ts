// The way compact pages were composed before masks were scaled on shared sheets, kept as the tests'
// reference: each mask decoded and scaled by sharp on its own to the whole pixels it covers (corner and size
// rounded, as pdfjs places it), then its fill colour laid over the page in drawing order.
import sharp from 'sharp';
import { bilevelTiff } from '../../core/pdf/bilevel-tiff';
import { decodePageImage, type PageImage } from '../../core/pdf/page-image';
import type { RenderedPage } from '../../core/pdf/render-page';

export async function composedMaskByMask(image: PageImage, dpi: number): Promise<RenderedPage> {
  const page = await decodePageImage({ ...image, masks: [] }, dpi);
  const scale = dpi / 72;
  for (const mask of image.masks) {
    const x = Math.round(mask.rect.x * scale);
    const y = Math.round(mask.rect.y * scale);
    const width = Math.round(mask.rect.width * scale) || 1;
    const height = Math.round(mask.rect.height * scale) || 1;
    const tiff = bilevelTiff(mask.bits);
    const cover = await sharp(tiff)
      .rotate(mask.turn)
      .resize(width, height, { fit: 'fill' })
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    const [red, green, blue] = mask.colour;
    for (let row = Math.max(0, y); row < Math.min(page.height, y + height); row++)
      for (let column = Math.max(0, x); column < Math.min(page.width, x + width); column++) {
        const alpha = cover[(row - y) * width + column - x]!;
        const at = (row * page.width + column) * 4;
        const keep = 255 - alpha;
        page.data[at] = (page.data[at]! * keep + red * alpha) / 255;
        page.data[at + 1] = (page.data[at + 1]! * keep + green * alpha) / 255;
        page.data[at + 2] = (page.data[at + 2]! * keep + blue * alpha) / 255;
      }
  }
  return page;
}
