// Paints a compact page's ink masks over its decoded background, at the resolution it was decoded at.
// A copier page has 45–84 masks, and sharp costs 1–2 ms a call whatever the image's size, so the masks are
// not scaled one call each: masks scaled by the same factor are unpacked side by side into one sheet
// (mask-sheet.ts), which sharp scales in one call. Each mask keeps its own corner, rounded to a pixel as
// pdfjs places it, and its anti-aliased edges; the fill colour is then laid over the page by each mask's
// coverage, mask after mask in drawing order, as a renderer paints them.
import sharp from 'sharp';
import type { PageMask } from './page-mask';
import { drawMaskSheet, sheetFactor, type MaskSheet } from './mask-sheet';
import type { RenderedPage } from './render-page';

/** A window of one byte a pixel (how much of it a mask paints) onto the page's pixels. */
interface Coverage {
  x: number;
  y: number;
  width: number;
  height: number;
  data: Buffer;
  /** Where the window's first pixel is in `data`, and the bytes from a row to the next. */
  offset: number;
  stride: number;
}

/** The masks' indexes, sheet by sheet: one sheet for each scale from stored samples to the page's pixels. */
function sheetsOf(masks: readonly PageMask[], scale: number): number[][] {
  const sheets = new Map<string, number[]>();
  masks.forEach((mask, index) => {
    const key = sheetFactor(mask, scale)?.key ?? `alone ${index}`;
    sheets.set(key, [...(sheets.get(key) ?? []), index]);
  });
  return [...sheets.values()];
}

/** The sheet scaled to the page's resolution, and each mask's coverage of the page's pixels. */
async function coverages(
  sheet: MaskSheet,
  masks: readonly PageMask[],
  scale: number,
): Promise<Map<number, Coverage>> {
  const { across, down } = sheet.factor;
  const width = Math.max(1, Math.round(sheet.width * across.value));
  const height = Math.max(1, Math.round(sheet.height * down.value));
  const data = await sharp(sheet.data, { raw: { width: sheet.width, height: sheet.height, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  if (data.length !== width * height)
    throw new Error(`a sheet of masks scaled to ${data.length} bytes, not ${width * height}`);
  const covers = new Map<number, Coverage>();
  for (const { index, left, top, displayedWidth, displayedHeight } of sheet.places) {
    const { rect } = masks[index]!;
    // The anti-aliased edge spreads past the mask's samples; the sheet's gaps keep its neighbours out.
    const [marginX, marginY] = [sheet.margin.across, sheet.margin.down];
    const sheetX = Math.round(left * across.value) - marginX;
    const sheetY = Math.round(top * down.value) - marginY;
    covers.set(index, {
      // Placed on whole pixels as pdfjs places a mask: its corner rounded.
      x: Math.round(rect.x * scale) - marginX,
      y: Math.round(rect.y * scale) - marginY,
      width: Math.ceil(displayedWidth * across.value - 1e-9) + 2 * marginX,
      height: Math.ceil(displayedHeight * down.value - 1e-9) + 2 * marginY,
      data,
      offset: sheetY * width + sheetX,
      stride: width,
    });
  }
  return covers;
}

function lay(page: RenderedPage, cover: Coverage, [red, green, blue]: PageMask['colour']): void {
  const pixels = page.data;
  const left = Math.max(0, cover.x);
  const right = Math.min(page.width, cover.x + cover.width);
  for (let row = Math.max(0, cover.y); row < Math.min(page.height, cover.y + cover.height); row++) {
    const from = cover.offset + (row - cover.y) * cover.stride - cover.x;
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
  const scale = dpi / 72;
  const sheets = await Promise.all(
    sheetsOf(masks, scale).map(async (indexes) => {
      const sheet = await drawMaskSheet(
        indexes.map((index) => masks[index]!),
        indexes,
        scale,
      );
      return coverages(sheet, masks, scale);
    }),
  );
  const covers = new Map(sheets.flatMap((sheet) => [...sheet]));
  masks.forEach((mask, index) => lay(page, covers.get(index)!, mask.colour));
}
