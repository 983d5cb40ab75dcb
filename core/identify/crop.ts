// Parts of a rendered side: one rendering per side is decoded once (pdfjs decodes the whole scan image on
// every render, whatever the region), then the halves and corners the readers need are cut from it.
import type { RenderedPage } from '../pdf/render-page';

/** A part of an image, in fractions (0..1) of its width and height from the top-left corner. */
export interface Fraction {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function crop(image: RenderedPage, part: Fraction): RenderedPage {
  const x0 = Math.max(0, Math.round(part.x * image.width));
  const y0 = Math.max(0, Math.round(part.y * image.height));
  const x1 = Math.min(image.width, Math.round((part.x + part.width) * image.width));
  const y1 = Math.min(image.height, Math.round((part.y + part.height) * image.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

export const LEFT_HALF: Fraction = { x: 0, y: 0, width: 0.5, height: 1 };
export const RIGHT_HALF: Fraction = { x: 0.5, y: 0, width: 0.5, height: 1 };
/**
 * Where the identification frame sits on an upright A4 page: printings end it 55–70 mm down a 297 mm page,
 * and "fit to page" moves it a few millimetres more.
 */
export const HEADER_BAND: Fraction = { x: 0, y: 0, width: 1, height: 0.3 };
/** Where the "Page n / N" box sits on an upright A4 page: anywhere along the bottom edge, below ~255 mm. */
export const PAGE_BOX_BAND: Fraction = { x: 0, y: 0.85, width: 1, height: 0.15 };
