// Parts of a rendered side: one rendering per side is decoded once (pdfjs decodes the whole scan image on
// every render, whatever the region), then the halves and corners the readers need are cut from it.
import type { RenderedPage } from '../pdf/render-page';
import type { CellImage } from './cell-image';

/** A part of an image, in fractions (0..1) of its width and height from the top-left corner. */
export interface Fraction {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle of pixels, [x0, x1) × [y0, y1). */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The pixels `crop` takes for `part` of a `width` × `height` image. */
export function pixelRect(width: number, height: number, part: Fraction): PixelRect {
  const x0 = Math.max(0, Math.round(part.x * width));
  const y0 = Math.max(0, Math.round(part.y * height));
  const x1 = Math.min(width, Math.round((part.x + part.width) * width));
  const y1 = Math.min(height, Math.round((part.y + part.height) * height));
  return { x0, y0, x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}

export function cropPixels(image: RenderedPage, rect: PixelRect): RenderedPage {
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((rect.y0 + y) * image.width + rect.x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** As cropPixels, of a grey image (one byte a pixel). */
export function cropGrey(image: CellImage, rect: PixelRect): CellImage {
  const width = rect.x1 - rect.x0;
  const height = rect.y1 - rect.y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (rect.y0 + y) * image.width + rect.x0;
    data.set(image.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}

export function crop(image: RenderedPage, part: Fraction): RenderedPage {
  return cropPixels(image, pixelRect(image.width, image.height, part));
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
