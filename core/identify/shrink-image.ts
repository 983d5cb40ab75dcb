import type { RenderedPage } from '../pdf/render-page';
import type { PixelRect } from './crop';

/**
 * The image (or its pixels under `rect`) `factor` times smaller each way, every pixel the mean of the block
 * it covers: what a rendering at a lower resolution shows, without rendering the side again (pdfjs decodes
 * the whole scan each time). The last columns and rows that make no whole block are dropped. Sums a
 * block's rows into one row of sums as it goes down the image: one pass over the source, in order, and no
 * copy of the part shrunk.
 */
export function shrinkImage(
  image: RenderedPage,
  factor: number,
  rect: PixelRect = { x0: 0, y0: 0, x1: image.width, y1: image.height },
): RenderedPage {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be a whole number ≥ 1, got ${factor}`);
  const width = Math.floor((rect.x1 - rect.x0) / factor);
  const height = Math.floor((rect.y1 - rect.y0) / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  const sums = new Uint32Array(width * 4);
  const source = image.data;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let from = ((rect.y0 + y * factor + dy) * image.width + rect.x0) * 4;
      for (let to = 0; to < width * 4; to += 4) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let dx = 0; dx < factor; dx++, from += 4) {
          r += source[from]!;
          g += source[from + 1]!;
          b += source[from + 2]!;
          a += source[from + 3]!;
        }
        sums[to] = sums[to]! + r;
        sums[to + 1] = sums[to + 1]! + g;
        sums[to + 2] = sums[to + 2]! + b;
        sums[to + 3] = sums[to + 3]! + a;
      }
    }
    const row = y * width * 4;
    for (let i = 0; i < width * 4; i++) data[row + i] = sums[i]! / area;
  }
  return { width, height, data };
}
